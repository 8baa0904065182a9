package dev.tlog.client;

import dev.tlog.merkle.hash.Hash;
import java.util.Objects;

/**
 * One append acknowledgement as the log sent it, not yet verified ({@link ReceiptVerifier} turns
 * acknowledgements into {@link AppendReceipt}s).
 *
 * @param chainHash {@code C[index]} as the log reports it
 * @param duplicate the entry was already in the log; {@code index} is its existing position
 */
public record AppendAck(long index, Hash leafHash, Hash chainHash, boolean duplicate) {
  public AppendAck {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(chainHash, "chainHash");
  }
}
