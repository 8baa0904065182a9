/**
 * The evidence bundle wire format ({@code tlog-evidence-bundle/v1} and {@code v2}, normative text
 * in {@code spec/evidence-bundle.md}): entries, their inclusion proofs, the signed (and cosigned)
 * checkpoint, the log's vkey and the fixed plain-language instructions, in one canonical JSON file;
 * v2 adds ledger evidence ({@link dev.tlog.merkle.bundle.LedgerEvidence}: payload records, the
 * filter, a receive-time window with its range proof, and the matches). The one encoder and parser,
 * used by the client's {@code tlog export}/{@code verify-bundle} and by the vector generator in
 * spec/.
 *
 * <p>{@link dev.tlog.merkle.bundle.BundleCodec} parses all-or-nothing and bounded; a file that is
 * not byte-for-byte the canonical encoding of what it contains is rejected. Verifying a bundle's
 * signatures and proofs is the client's job ({@code dev.tlog.client.bundle.BundleVerifier}).
 *
 * <p>Threading: stateless and thread-safe; values are immutable. Exceptions: parsing throws only
 * {@link dev.tlog.merkle.bundle.BundleFormatException}.
 */
package dev.tlog.merkle.bundle;
