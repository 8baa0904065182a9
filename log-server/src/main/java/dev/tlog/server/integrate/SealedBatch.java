package dev.tlog.server.integrate;

import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.storage.BatchWrite;
import java.util.Optional;

/**
 * A batch ready to be made durable: the log grows from {@code startSize} to {@code
 * checkpoint.size()} by {@code write}, which is empty when every entry of the batch was a
 * duplicate. It may be committed only while the durable size is exactly {@code startSize}.
 */
public record SealedBatch(long startSize, Optional<BatchWrite> write, SignedCheckpoint checkpoint) {
  public SealedBatch {
    long end = checkpoint.size();
    if (write.isPresent()
        ? write.get().firstIndex() != startSize || write.get().endIndex() != end
        : end != startSize) {
      throw new IllegalArgumentException(
          "batch from " + startSize + " does not match its checkpoint of size " + end);
    }
  }
}
