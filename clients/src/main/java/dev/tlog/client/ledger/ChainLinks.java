package dev.tlog.client.ledger;

import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifyingReader;
import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.hash.Hash;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks the linear chain between verified events (spec/chain.md): {@code C[i] = H(C[i-1] ||
 * leaf[i])}, so {@code C[j]} follows from {@code C[i]} and the leaves of {@code (i, j]}. Leaves
 * between two events are fetched as one verified range when few enough lie between.
 */
final class ChainLinks {
  private final VerifyingReader reader;
  private final int maxGap;

  ChainLinks(VerifyingReader reader, int maxGap) {
    this.reader = reader;
    this.maxGap = maxGap;
  }

  LedgerReader.Trace trace(LedgerReader.VerifiedResults r) {
    VerifiedCheckpoint cp = r.checkpoint();
    List<LedgerReader.TraceStep> steps = new ArrayList<>();
    VerifiedEvent prev = null;
    for (VerifiedEvent e : r.events()) {
      if (prev == null) {
        steps.add(new LedgerReader.TraceStep(e, -1, LedgerReader.ChainLink.FIRST));
      } else {
        long gap = e.index() - prev.index() - 1;
        boolean checked = gap <= maxGap && prev.chainHash() != null && e.chainHash() != null;
        if (checked) {
          Hash want = follow(prev.chainHash(), prev.index() + 1, e.index(), cp);
          want = HashChain.next(want, e.leafHash());
          if (!want.equals(e.chainHash())) {
            throw new VerificationException(
                "chain link broken: the log says C["
                    + e.index()
                    + "] = "
                    + e.chainHash()
                    + ", but C["
                    + prev.index()
                    + "] and the leaves between give "
                    + want);
          }
        }
        steps.add(
            new LedgerReader.TraceStep(
                e,
                gap,
                checked ? LedgerReader.ChainLink.VERIFIED : LedgerReader.ChainLink.UNCHECKED));
      }
      prev = e;
    }
    boolean anchored = false;
    if (prev != null && prev.chainHash() != null && cp.size() - 1 - prev.index() <= maxGap) {
      Hash head = follow(prev.chainHash(), prev.index() + 1, cp.size(), cp);
      if (!head.equals(cp.chainHead())) {
        throw new VerificationException(
            "chain link broken: C["
                + prev.index()
                + "] = "
                + prev.chainHash()
                + " and the leaves after it give chain head "
                + head
                + ", the checkpoint of size "
                + cp.size()
                + " signs "
                + cp.chainHead());
      }
      anchored = true;
    }
    return new LedgerReader.Trace(steps, cp, anchored, r.truncated());
  }

  /**
   * {@code C[end - 1]} from {@code c = C[start - 1]} over the verified leaves {@code [start, end)}.
   */
  Hash follow(Hash c, long start, long end, VerifiedCheckpoint cp) {
    if (start >= end) {
      return c;
    }
    return HashChain.extend(c, reader.entries(start, end, cp).leafHashes());
  }

  /** Checks each hit's chain hash from the previous hit's over the window's leaves between. */
  static int checkHits(VerifiedWindow w, List<VerifiedEvent> hits) {
    int links = 0;
    VerifiedEvent prev = null;
    for (VerifiedEvent e : hits) {
      if (prev != null && prev.chainHash() != null && e.chainHash() != null) {
        Hash want = HashChain.extend(prev.chainHash(), w.leaves(prev.index() + 1, e.index() + 1));
        if (!want.equals(e.chainHash())) {
          throw new VerificationException(
              "chain link broken: the log says C["
                  + e.index()
                  + "] = "
                  + e.chainHash()
                  + ", C["
                  + prev.index()
                  + "] and the entries between give "
                  + want);
        }
        links++;
      }
      prev = e;
    }
    return links;
  }

  /** When the range reaches the tree's end: the last hit's chain hash leads to the signed head. */
  static boolean anchor(VerifiedWindow w, List<VerifiedEvent> hits) {
    long n = w.checkpoint().size();
    if (hits.isEmpty() || w.rangeEnd() != n || hits.get(hits.size() - 1).chainHash() == null) {
      return false;
    }
    VerifiedEvent last = hits.get(hits.size() - 1);
    Hash head =
        last.index() + 1 == n
            ? last.chainHash()
            : HashChain.extend(last.chainHash(), w.leaves(last.index() + 1, n));
    if (!head.equals(w.checkpoint().chainHead())) {
      throw new VerificationException(
          "chain link broken: C["
              + last.index()
              + "] = "
              + last.chainHash()
              + " and the entries after it give chain head "
              + head
              + ", the checkpoint signs "
              + w.checkpoint().chainHead());
    }
    return true;
  }
}
