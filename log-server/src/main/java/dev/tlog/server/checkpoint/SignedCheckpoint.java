package dev.tlog.server.checkpoint;

import dev.tlog.merkle.checkpoint.Checkpoint;

/** A checkpoint and its signed-note serialization (body, blank line, signature lines). */
public record SignedCheckpoint(Checkpoint checkpoint, String note) {
  public long size() {
    return checkpoint.size();
  }
}
