package dev.tlog.merkle.bundle;

import java.util.List;

/**
 * The plain-language instructions every {@code tlog-evidence-bundle/v1} and {@code v2} file
 * carries, word for word (spec/evidence-bundle.md, "Instructions"); a bundle with other text is
 * malformed.
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

  public static final List<String> V2 =
      List.of(
          "This file is evidence from an audit ledger: each entry listed in it is recorded in the"
              + " transparency log named by origin, at the given index, in the tree of the signed"
              + " checkpoint; ledger.matches lists the events that match ledger.filter; when"
              + " ledger.window is set, the entries are every entry the log received in that"
              + " receive-time window, so no matching event is missing.",
          "Quick check: tlog verify-bundle --vkey <the log's verifier key> <this file>. It needs no"
              + " network access.",
          "Step 1: obtain the log's verifier key from a source you trust (not from this file) and"
              + " check that it equals log_vkey.",
          "Step 2: check the checkpoint's Ed25519 signature with that key (spec/signed-note.md);"
              + " the checkpoint's first line must equal origin.",
          "Step 3: for each entry, compute SHA-256 of the byte 00 followed by the bytes of data_hex;"
              + " it must equal leaf_hash_hex.",
          "Step 4: without ledger.window, check each entry's inclusion_proof_hex against the root"
              + " hash on the checkpoint's third line (base64) as spec/proofs.md describes.",
          "Step 5: with ledger.window, the entries must be exactly the consecutive indexes from"
              + " mark_before (or start when it is null) to end, end included when it is below the"
              + " checkpoint's size; check them as one range against the root with"
              + " range_inclusion_proof_hex and range_consistency_proof_hex"
              + " (spec/evidence-bundle.md, \"Range proofs\").",
          "Step 6: each entry is RFC 8785 canonical JSON of an event or a clock mark"
              + " (spec/ledger.md); for each event with a payload_record_hex, SHA-256 of the salt's"
              + " 32 bytes followed by the canonical payload must equal the entry's payload_sha256.",
          "Step 7: with ledger.window, the clock marks must strictly increase and satisfy the four"
              + " conditions of spec/ledger.md, \"Complete windows\", for received_from and"
              + " received_to.",
          "Step 8: apply ledger.filter to every event of the window, whose receive time is the"
              + " time of the last clock mark at or before it (without a window, to every entry,"
              + " leaving out the receive-time condition, which only a window proves). The events"
              + " that match must be exactly those in ledger.matches. If every step"
              + " passes, the log committed to these events in this checkpoint, and with a window,"
              + " to no other matching event in it.");
}
