package dev.tlog.server.integrate;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.server.checkpoint.SignedCheckpoint;

/**
 * Where one appended entry landed: its index, leaf hash, chain hash C[index], and whether it was
 * already in the log (or earlier in the same batch).
 */
public record Slot(long index, Hash leafHash, Hash chainHash, boolean duplicate) {
  /** The acknowledgement of this entry, once {@code checkpoint} (which covers it) is durable. */
  public AppendResult acknowledged(SignedCheckpoint checkpoint) {
    return new AppendResult(index, leafHash, chainHash, checkpoint, duplicate);
  }
}
