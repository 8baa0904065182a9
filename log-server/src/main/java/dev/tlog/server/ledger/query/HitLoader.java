package dev.tlog.server.ledger.query;

import dev.tlog.ledger.query.EventMatcher;
import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.LedgerEntry;
import dev.tlog.merkle.ledger.PayloadRecord;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.server.storage.LogReader;
import java.util.Optional;

/**
 * Turns an index hit into a {@link LedgerHit} from storage, the truth: the entry bytes, payload
 * record and chain hash are read from the log, and the filter is re-applied to them ({@link
 * EventMatcher}) so that a damaged index can make an answer incomplete but never wrong. A hit that
 * no longer matches is logged as index damage and left out.
 */
final class HitLoader {
  private static final System.Logger LOG = System.getLogger(HitLoader.class.getName());

  private HitLoader() {}

  /**
   * Entry {@code index} as a hit, or empty when it does not match {@code matcher}; with an
   * inclusion proof in the tree of {@code proofSize} when that is positive.
   */
  static Optional<LedgerHit> load(
      LogReader log, long index, long received, EventMatcher matcher, long proofSize) {
    byte[] entry = log.entry(index);
    Optional<byte[]> record = log.payloadRecord(index);
    boolean matches;
    try {
      LedgerEntry parsed = EventCodec.parseEntry(entry);
      Optional<PayloadRecord> payload = record.map(EventCodec::parsePayloadRecord);
      matches = matcher.matches(index, parsed, payload, received);
    } catch (MerkleException e) {
      LOG.log(
          System.Logger.Level.ERROR,
          "ledger: entry " + index + " or its payload record is damaged: " + e.getMessage());
      matches = false;
    }
    if (!matches) {
      LOG.log(
          System.Logger.Level.WARNING,
          "ledger index damage: entry "
              + index
              + " was found by a filter it does not match; left out of the answer"
              + " (tlog-server reindex rebuilds the index)");
      return Optional.empty();
    }
    return Optional.of(
        new LedgerHit(
            index,
            entry,
            record,
            received,
            log.chainHash(index),
            proofSize > 0
                ? Optional.of(Proofs.proveInclusion(index, proofSize, log))
                : Optional.empty()));
  }
}
