package dev.tlog.merkle.ledger;

import dev.tlog.merkle.hash.Hash;
import java.util.SortedMap;

/** One entry of a ledger log as committed in the tree (spec/ledger.md, "Entries"). */
public sealed interface LedgerEntry {

  /**
   * An event as the log commits it: every field of the {@link Event} except the payload and salt,
   * which are replaced by their commitment {@code payloadHash}.
   */
  record EventEntry(
      long timeNanos,
      String actor,
      String action,
      Severity severity,
      SortedMap<String, String> meta,
      SortedMap<String, String> links,
      Hash payloadHash)
      implements LedgerEntry {}

  /**
   * The log's receive clock: every event after this entry (up to the next mark) was received at or
   * after {@code nanos}, and before or at the next mark's time.
   */
  record ClockMark(long nanos) implements LedgerEntry {}
}
