package dev.tlog.merkle.checkpoint;

import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteSigner;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.Notes;
import dev.tlog.merkle.note.VerifiedNote;
import java.util.Collection;
import java.util.Objects;

/** Signing and opening checkpoints carried in signed notes. */
public final class Checkpoints {
  private Checkpoints() {}

  /** Signs the checkpoint's body with each signer. */
  public static Note sign(Checkpoint checkpoint, NoteSigner... signers) {
    return Notes.sign(checkpoint.toBody(), signers);
  }

  /**
   * Verifies {@code note} against the log's keys, then parses its text as a checkpoint and checks
   * that its origin is {@code origin}. The text is not looked at before a signature verified.
   *
   * @throws dev.tlog.merkle.note.NoteFormatException if the note is malformed
   * @throws dev.tlog.merkle.note.NoteVerificationException if no log key signed it, or a log key's
   *     signature is invalid
   * @throws CheckpointFormatException if the signed text is not a checkpoint
   * @throws WrongOriginException if the checkpoint is for another log
   */
  public static Checkpoint openSigned(
      byte[] note, String origin, Collection<? extends NoteVerifier> logKeys) {
    return open(note, origin, logKeys).checkpoint();
  }

  /** Like {@link #openSigned} but also returns the verified note, with any cosignatures in it. */
  public static OpenedCheckpoint open(
      byte[] note, String origin, Collection<? extends NoteVerifier> logKeys) {
    Objects.requireNonNull(origin, "origin");
    VerifiedNote verified = Notes.open(note, logKeys);
    Checkpoint checkpoint = Checkpoint.parse(verified.text());
    if (!checkpoint.origin().equals(origin)) {
      throw new WrongOriginException(origin, checkpoint.origin());
    }
    return new OpenedCheckpoint(checkpoint, verified);
  }
}
