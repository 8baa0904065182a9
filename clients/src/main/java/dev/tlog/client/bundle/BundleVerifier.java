package dev.tlog.client.bundle;

import dev.tlog.client.CheckpointVerifier;
import dev.tlog.client.LogIdentity;
import dev.tlog.client.VerificationException;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.VerifyingReader;
import dev.tlog.client.bundle.BundleVerificationException.Failure;
import dev.tlog.client.ledger.VerifiedWindow;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.proof.InclusionProof;
import java.util.List;
import java.util.Optional;

/**
 * Verifies an evidence bundle offline, in the order of spec/evidence-bundle.md: log key (against
 * the pinned key, if any), checkpoint signature and origin, that every signature line is by a key
 * the bundle names, then each entry's leaf hash and inclusion proof; for a v2 bundle the ledger
 * evidence after that ({@link LedgerBundleVerifier}).
 */
public final class BundleVerifier {
  private BundleVerifier() {}

  /** The outcome of a successful verification; {@code ledger} for a v2 bundle. */
  public record Report(
      VerifiedCheckpoint checkpoint,
      int entries,
      boolean keyPinned,
      Optional<LedgerReport> ledger) {}

  /**
   * What the ledger evidence of a v2 bundle showed: the window, proven complete (absent for a
   * bundle of selected events), the filter, the matching events, and those whose erased payload
   * kept the full-text part of the filter from being checked.
   */
  public record LedgerReport(
      Optional<VerifiedWindow> window,
      EventFilter filter,
      List<Long> matches,
      List<Long> undecided) {}

  /**
   * Verifies {@code b}. {@code trustedVkey} is the log key the caller trusts; when null the
   * bundle's own key is used and {@link Report#keyPinned()} is false.
   *
   * @throws BundleVerificationException naming the failed check
   */
  public static Report verify(EvidenceBundle b, String trustedVkey) {
    if (trustedVkey != null && !trustedVkey.strip().equals(b.logVkey())) {
      throw new BundleVerificationException(
          Failure.LOG_KEY,
          "bundle's log key " + b.logVkey() + " is not the trusted key " + trustedVkey.strip(),
          null);
    }
    LogIdentity log;
    try {
      log = LogIdentity.of(b.logVkey(), b.origin(), b.witnessVkeys());
    } catch (VerificationException e) {
      throw new BundleVerificationException(Failure.LOG_KEY, e.getMessage(), e);
    }
    VerifiedCheckpoint cp;
    try {
      cp = new CheckpointVerifier(log).verify(b.checkpoint());
    } catch (VerificationException e) {
      throw new BundleVerificationException(Failure.CHECKPOINT, e.getMessage(), e);
    }
    if (!cp.unknownSigners().isEmpty()) {
      throw new BundleVerificationException(
          Failure.UNKNOWN_SIGNATURE,
          "checkpoint has signatures by keys the bundle does not list: " + cp.unknownSigners(),
          null);
    }
    for (EvidenceBundle.Entry e : b.entries()) {
      Hash leaf = TreeHasher.leafHash(e.data());
      if (!leaf.equals(e.leafHash())) {
        throw new BundleVerificationException(
            Failure.LEAF_HASH,
            "entry " + e.index() + ": data hashes to " + leaf + ", bundle says " + e.leafHash(),
            null);
      }
      if (b.ledger().isPresent()) {
        continue; // inclusion is part of the ledger evidence (per entry or by the window's range)
      }
      try {
        VerifyingReader.checkInclusion(
            new InclusionProof(e.index(), cp.size(), e.proof()), e.index(), leaf, cp);
      } catch (VerificationException ex) {
        throw new BundleVerificationException(Failure.INCLUSION_PROOF, ex.getMessage(), ex);
      }
    }
    var ledger = b.ledger().map(l -> LedgerBundleVerifier.verify(b, l, cp));
    return new Report(cp, b.entries().size(), trustedVkey != null, ledger);
  }
}
