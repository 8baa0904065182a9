package dev.tlog.witness.core;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.checkpoint.OpenedCheckpoint;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteVerificationException;
import dev.tlog.merkle.witness.AddCheckpointRequest;
import dev.tlog.witness.config.LogConfig;
import dev.tlog.witness.config.WitnessConfig;
import dev.tlog.witness.errors.MalformedRequestException;
import dev.tlog.witness.errors.UnknownOriginException;
import dev.tlog.witness.errors.UntrustedCheckpointException;
import dev.tlog.witness.state.StoredCheckpoint;

/**
 * The stateless half of add-checkpoint (C2SP tlog-witness), in the spec's order: origin known (else
 * 404), a configured log key signed it and no configured key's signature is bad (else 403), the
 * signed text is a checkpoint (else 400), {@code old} is at most its size (else 400). Thread-safe;
 * runs on any worker thread.
 */
public final class SubmissionChecker {
  private final WitnessConfig config;

  public SubmissionChecker(WitnessConfig config) {
    this.config = config;
  }

  public Submission check(AddCheckpointRequest request) {
    Note note = request.note();
    String text = note.text();
    // The origin is the first line; it only selects keys, and is checked again once they verify.
    String origin = text.substring(0, text.indexOf('\n'));
    LogConfig log = config.log(origin).orElseThrow(() -> new UnknownOriginException(origin));
    OpenedCheckpoint signed;
    try {
      signed = Checkpoints.open(note.toBytes(), origin, log.keys());
    } catch (NoteVerificationException e) {
      throw new UntrustedCheckpointException(
          "checkpoint for \"" + origin + "\" is not signed by its log: " + e.getMessage(), e);
    } catch (MerkleException e) {
      throw new MalformedRequestException("checkpoint is malformed: " + e.getMessage(), e);
    }
    Checkpoint cp = signed.checkpoint();
    if (request.oldSize() > cp.size()) {
      throw new MalformedRequestException(
          "old size " + request.oldSize() + " is larger than the checkpoint size " + cp.size());
    }
    Note logSigned = new Note(text, signed.note().verified());
    return new Submission(
        log, request.oldSize(), request.proof(), new StoredCheckpoint(logSigned, cp));
  }
}
