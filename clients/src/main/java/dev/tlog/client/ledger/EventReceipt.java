package dev.tlog.client.ledger;

import dev.tlog.client.AppendReceipt;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.ledger.Event;
import java.util.Objects;

/**
 * A verified receipt for a recorded event: the log committed the event's entry (spec/ledger.md,
 * "Events") at {@code receipt.index()}, its leaf hash is {@code SHA-256(0x00 || entry)} of the
 * entry computed here from the event (never taken from the log), and the entry is included in the
 * receipt's signed checkpoint.
 */
public record EventReceipt(Event event, AppendReceipt receipt) {
  public EventReceipt {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(receipt, "receipt");
  }

  public long index() {
    return receipt.index();
  }

  public Hash leafHash() {
    return receipt.leafHash();
  }

  public VerifiedCheckpoint checkpoint() {
    return receipt.checkpoint();
  }
}
