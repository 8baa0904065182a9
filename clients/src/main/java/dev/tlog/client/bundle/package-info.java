/**
 * Offline verification of evidence bundles, v1 (entries) and v2 (ledger evidence: windows proven
 * complete, payload records, filter and matches, {@code LedgerBundleVerifier}); the format itself
 * (encoding, parsing, instructions) lives in {@code dev.tlog.merkle.bundle}, shared with the vector
 * generator.
 *
 * <p>Verification failures are {@link dev.tlog.client.bundle.BundleVerificationException} with a
 * {@link dev.tlog.client.bundle.BundleVerificationException.Failure} code (the labels used by
 * {@code spec/vectors/bundle/bundles.json}); parse failures are {@code
 * dev.tlog.merkle.bundle.BundleFormatException} (label FORMAT). Stateless and thread-safe.
 */
package dev.tlog.client.bundle;
