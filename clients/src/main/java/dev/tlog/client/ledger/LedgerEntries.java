package dev.tlog.client.ledger;

import dev.tlog.client.VerificationException;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import java.util.Optional;

/**
 * Parsing what a ledger log served; anything malformed is the log's fault, a verification failure.
 */
final class LedgerEntries {
  private LedgerEntries() {}

  /** Entry {@code index} of a ledger log: an event entry or a clock mark, canonical. */
  static LedgerEntry parse(long index, byte[] entry) {
    try {
      return EventCodec.parseEntry(entry);
    } catch (EventFormatException e) {
      throw new VerificationException(
          "entry " + index + " is not a ledger entry: " + e.getMessage(), e);
    }
  }

  /** Entry {@code index}, which must be an event (not a clock mark). */
  static LedgerEntry.EventEntry event(long index, byte[] entry) {
    if (parse(index, entry) instanceof LedgerEntry.EventEntry e) {
      return e;
    }
    throw new VerificationException("entry " + index + " is a clock mark, not an event");
  }

  /**
   * The payload record served for event {@code index}: empty when the log sent none (erased), else
   * parsed and checked against the entry's {@code payload_sha256}.
   */
  static Optional<PayloadRecord> payload(long index, LedgerEntry.EventEntry e, byte[] record) {
    if (record.length == 0) {
      return Optional.empty();
    }
    try {
      PayloadRecord r = EventCodec.parsePayloadRecord(record);
      r.checkAgainst(e);
      return Optional.of(r);
    } catch (EventFormatException ex) {
      throw new VerificationException(
          "payload record of entry " + index + ": " + ex.getMessage(), ex);
    }
  }
}
