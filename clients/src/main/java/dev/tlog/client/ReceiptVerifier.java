package dev.tlog.client;

import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.hash.Hash;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns acknowledgements covered by one signed checkpoint into {@link AppendReceipt}s, all checked
 * together (the method is in the package doc): each leaf hash is the one we expect for what we sent
 * (the hash of the bytes sent for a plain log, of the event's entry for a ledger, spec/ledger.md);
 * the checkpoint is signed by the log; the acknowledged indexes fall into runs of consecutive
 * indexes, and each run is checked against the checkpoint's root with two proofs ({@link
 * VerifyingReader#checkRange}); within a run every chain hash must follow from the one before, and
 * a run that ends the tree must end at the checkpoint's chain head; finally the checkpoint must be
 * consistent with the last one seen.
 */
final class ReceiptVerifier {
  private final VerifyingReader reader;
  private final CheckpointTracker tracker;

  ReceiptVerifier(VerifyingReader reader, CheckpointTracker tracker) {
    this.reader = reader;
    this.tracker = tracker;
  }

  /**
   * Receipts for appended entries whose committed leaf hashes must be {@code expected}, in order
   * ({@code batch.acks()} in the same order).
   */
  List<AppendReceipt> verify(List<Hash> expected, AckBatch batch) {
    List<AppendAck> acks = batch.acks();
    if (acks.size() != expected.size()) {
      throw new VerificationException(
          "append of " + expected.size() + " entries returned " + acks.size() + " results");
    }
    for (int i = 0; i < acks.size(); i++) {
      Hash want = expected.get(i);
      if (!acks.get(i).leafHash().equals(want)) {
        throw new VerificationException(
            "append of entry "
                + acks.get(i).index()
                + ": log says leaf hash "
                + acks.get(i).leafHash()
                + ", want "
                + want);
      }
    }
    VerifiedCheckpoint cp = reader.verifier().verify(batch.checkpoint());
    for (List<AppendAck> run : runs(acks, cp)) {
      checkChain(run, cp);
      reader.checkRange(run.get(0).index(), run.stream().map(AppendAck::leafHash).toList(), cp);
    }
    tracker.observe(cp);
    List<AppendReceipt> out = new ArrayList<>(acks.size());
    for (AppendAck a : acks) {
      out.add(new AppendReceipt(a.index(), a.leafHash(), a.chainHash(), a.duplicate(), cp));
    }
    return out;
  }

  /** The distinct acknowledged indexes as runs of consecutive indexes, each checked in range. */
  private static List<List<AppendAck>> runs(List<AppendAck> acks, VerifiedCheckpoint cp) {
    Map<Long, AppendAck> byIndex = new TreeMap<>();
    for (AppendAck a : acks) {
      if (a.index() < 0 || a.index() >= cp.size()) {
        throw new VerificationException(
            "append acknowledged index " + a.index() + " with a checkpoint of size " + cp.size());
      }
      AppendAck other = byIndex.putIfAbsent(a.index(), a);
      if (other != null
          && (!other.leafHash().equals(a.leafHash()) || !other.chainHash().equals(a.chainHash()))) {
        throw new VerificationException(
            "two different acknowledgements for index "
                + a.index()
                + ": leaf hashes "
                + other.leafHash()
                + " and "
                + a.leafHash());
      }
    }
    List<List<AppendAck>> runs = new ArrayList<>();
    List<AppendAck> run = new ArrayList<>();
    for (AppendAck a : byIndex.values()) {
      if (!run.isEmpty() && run.get(run.size() - 1).index() + 1 != a.index()) {
        runs.add(run);
        run = new ArrayList<>();
      }
      run.add(a);
    }
    if (!run.isEmpty()) {
      runs.add(run);
    }
    return runs;
  }

  // chain.md: C[i] = H(C[i-1] || leaf[i]); the checkpoint's tlog-chain line is C[size - 1].
  private static void checkChain(List<AppendAck> run, VerifiedCheckpoint cp) {
    AppendAck first = run.get(0);
    if (first.index() == 0) {
      Hash want = HashChain.next(HashChain.initial(), first.leafHash());
      if (!first.chainHash().equals(want)) {
        throw new VerificationException(
            "chain hash of entry 0 is " + first.chainHash() + ", want " + want);
      }
    }
    for (int i = 1; i < run.size(); i++) {
      Hash want = HashChain.next(run.get(i - 1).chainHash(), run.get(i).leafHash());
      if (!run.get(i).chainHash().equals(want)) {
        throw new VerificationException(
            "chain hash of entry "
                + run.get(i).index()
                + " is "
                + run.get(i).chainHash()
                + ", want "
                + want
                + " from the chain hash of entry "
                + run.get(i - 1).index());
      }
    }
    AppendAck last = run.get(run.size() - 1);
    if (last.index() == cp.size() - 1 && !last.chainHash().equals(cp.chainHead())) {
      throw new VerificationException(
          "chain hash of the last entry "
              + last.index()
              + " is "
              + last.chainHash()
              + ", checkpoint chain head is "
              + cp.chainHead());
    }
  }
}
