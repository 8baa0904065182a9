package dev.tlog.merkle.checkpoint;

import dev.tlog.merkle.note.VerifiedNote;
import java.util.Objects;

/** A checkpoint and the verified note it came from. */
public record SignedCheckpoint(Checkpoint checkpoint, VerifiedNote note) {
  public SignedCheckpoint {
    Objects.requireNonNull(checkpoint, "checkpoint");
    Objects.requireNonNull(note, "note");
  }
}
