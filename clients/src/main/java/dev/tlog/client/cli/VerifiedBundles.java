package dev.tlog.client.cli;

import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.bundle.BundleVerifier;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.bundle.LedgerEvidence;
import dev.tlog.merkle.note.Note;
import java.util.List;
import java.util.Optional;

/** Evidence bundles as export, report and its receipt write them: verified before they leave. */
final class VerifiedBundles {
  private VerifiedBundles() {}

  /** The bundle of {@code entries} in {@code cp}, verified as verify-bundle will verify it. */
  static EvidenceBundle of(
      Session s,
      VerifiedCheckpoint cp,
      List<EvidenceBundle.Entry> entries,
      Optional<LedgerEvidence> ledger) {
    // Keep only signatures the verifier can check: unknown ones would make the bundle fail.
    Note note = Note.parse(cp.note());
    var known =
        note.signatures().stream()
            .filter(sig -> !cp.unknownSigners().contains(sig.keyId()))
            .toList();
    String checkpoint = new Note(note.text(), known).serialize();
    EvidenceBundle bundle =
        new EvidenceBundle(
            cp.origin(),
            s.log.logVkey(),
            s.log.witnesses().stream().map(w -> w.verifierKey()).toList(),
            checkpoint,
            entries,
            ledger);
    BundleVerifier.verify(bundle, s.log.logVkey());
    return bundle;
  }
}
