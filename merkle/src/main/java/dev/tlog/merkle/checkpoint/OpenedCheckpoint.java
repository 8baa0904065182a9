package dev.tlog.merkle.checkpoint;

import dev.tlog.merkle.note.VerifiedNote;
import java.util.Objects;

/**
 * What {@link Checkpoints#open} returns: a checkpoint and the verified note it was opened from
 * (with any cosignatures). Not to be confused with the log server's {@code SignedCheckpoint}, which
 * holds a checkpoint the server itself signed and its serialized note.
 */
public record OpenedCheckpoint(Checkpoint checkpoint, VerifiedNote note) {
  public OpenedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(note, "note");
  }
}
