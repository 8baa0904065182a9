package dev.tlog.client;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.proto.v1.AppendResponse;

/**
 * Turns a raw {@link AppendResponse} into an {@link AppendReceipt} only after checking it: leaf
 * hash of the bytes we sent, checkpoint signature, inclusion proof fetched from the log and checked
 * against that checkpoint's root, and consistency with the last checkpoint seen.
 */
final class ReceiptVerifier {
  private final VerifyingReader reader;
  private final CheckpointTracker tracker;

  ReceiptVerifier(VerifyingReader reader, CheckpointTracker tracker) {
    this.reader = reader;
    this.tracker = tracker;
  }

  AppendReceipt verify(byte[] entry, AppendResponse r) {
    Hash want = TreeHasher.leafHash(entry);
    Hash leaf = hash(r.getLeafHash().toByteArray(), "leaf hash");
    Hash chain = hash(r.getChainHash().toByteArray(), "chain hash");
    if (!leaf.equals(want)) {
      throw new VerificationException(
          "append of entry " + r.getIndex() + ": log says leaf hash " + leaf + ", want " + want);
    }
    VerifiedCheckpoint cp = reader.verifier().verify(r.getCheckpoint());
    if (r.getIndex() >= cp.size()) {
      throw new VerificationException(
          "append acknowledged index " + r.getIndex() + " with a checkpoint of size " + cp.size());
    }
    if (r.getIndex() == cp.size() - 1 && !chain.equals(cp.chainHead())) {
      throw new VerificationException(
          "chain hash of the last entry "
              + r.getIndex()
              + " is "
              + chain
              + ", checkpoint chain head is "
              + cp.chainHead());
    }
    VerifyingReader.checkInclusion(
        reader.source().inclusionProof(r.getIndex(), cp.size()), r.getIndex(), want, cp);
    tracker.observe(cp);
    return new AppendReceipt(r.getIndex(), leaf, chain, r.getDuplicate(), cp);
  }

  private static Hash hash(byte[] b, String what) {
    try {
      return Hash.of(b);
    } catch (MerkleException e) {
      throw new VerificationException("append response " + what + ": " + e.getMessage(), e);
    }
  }
}
