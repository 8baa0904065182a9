package dev.tlog.client.ledger;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An event the log returned, checked against a verified checkpoint: its entry bytes hash to {@code
 * leafHash}, which the inclusion proof leads to the checkpoint's root; the payload record, when
 * present, matches the entry's commitment; and the event matches the filter it was returned for.
 *
 * @param entry the committed entry bytes (canonical JSON)
 * @param event the parsed entry
 * @param payloadRecord the payload record bytes as served; empty when the payload was erased
 * @param payload the parsed payload record, empty when erased
 * @param proof the inclusion proof of {@code index} in the tree of {@code treeSize}
 * @param treeSize the size of the checkpoint the event was verified against
 * @param received the receive time {@code received(index)}, as the log claims it unless {@code
 *     receivedVerified} (then proven from the clock marks before the entry)
 * @param chainHash {@code C[index]} as the log claims it (null if it sent none); chain links are
 *     checked by {@link LedgerReader#trace} and the window checks, not here
 * @param textUnchecked the payload was erased, so the filter's full-text part could not be checked
 */
public record VerifiedEvent(
    long index,
    byte[] entry,
    LedgerEntry.EventEntry event,
    byte[] payloadRecord,
    Optional<PayloadRecord> payload,
    Hash leafHash,
    List<Hash> proof,
    long treeSize,
    long received,
    boolean receivedVerified,
    Hash chainHash,
    boolean textUnchecked) {
  public VerifiedEvent {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(leafHash, "leafHash");
    entry = entry.clone();
    payloadRecord = payloadRecord.clone();
    proof = List.copyOf(proof);
  }

  @Override
  public byte[] entry() {
    return entry.clone();
  }

  @Override
  public byte[] payloadRecord() {
    return payloadRecord.clone();
  }
}
