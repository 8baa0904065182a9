package dev.tlog.merkle.bundle;

import java.util.List;

/**
 * The plain-language instructions every {@code tlog-evidence-bundle/v1} file carries, word for word
 * (spec/evidence-bundle.md, "Instructions"); a bundle with other text is malformed.
 */
public final class BundleInstructions {
  private BundleInstructions() {}

  public static final List<String> V1 =
      List.of(
          "This file is evidence that each entry listed in it is recorded in the transparency log"
              + " named by origin, at the given index, in the tree of the signed checkpoint.",
          "Quick check: tlog verify-bundle --vkey <the log's verifier key> <this file>. It needs no"
              + " network access.",
          "Step 1: obtain the log's verifier key from a source you trust (not from this file) and"
              + " check that it equals log_vkey.",
          "Step 2: check the checkpoint's Ed25519 signature with that key (spec/signed-note.md);"
              + " the checkpoint's first line must equal origin.",
          "Step 3: for each entry, compute SHA-256 of the byte 00 followed by the bytes of data_hex;"
              + " it must equal leaf_hash_hex.",
          "Step 4: hash the leaf hash with each inclusion_proof_hex value in turn, as SHA-256 of the"
              + " byte 01 followed by left and right, taking the side from the index as"
              + " spec/proofs.md describes.",
          "Step 5: the last hash must equal the root hash on the checkpoint's third line (base64)."
              + " If every step passes, the log committed to these entries in this checkpoint.");
}
