package dev.tlog.client;

import dev.tlog.merkle.hash.Hash;
import java.util.Objects;

/**
 * A verified append acknowledgement: the entry is at {@code index} in {@code checkpoint}'s tree
 * (inclusion proof checked), the checkpoint is signed by the log and consistent with every earlier
 * checkpoint this client saw.
 *
 * @param chainHash {@code C[index]} as the log reported it, checked by chaining within the receipts
 *     verified together (see the package doc); unchecked only when it is the last of a run of
 *     receipts that does not end the tree
 * @param duplicate the entry was already in the log; {@code index} is its existing position
 */
public record AppendReceipt(
    long index, Hash leafHash, Hash chainHash, boolean duplicate, VerifiedCheckpoint checkpoint) {
  public AppendReceipt {
    Objects.requireNonNull(leafHash, "leafHash");
    Objects.requireNonNull(chainHash, "chainHash");
    Objects.requireNonNull(checkpoint, "checkpoint");
  }
}
