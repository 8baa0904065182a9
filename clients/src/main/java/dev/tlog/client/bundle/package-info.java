/**
 * Evidence bundles ({@code tlog-evidence-bundle/v1}, normative text in {@code
 * spec/evidence-bundle.md}): entries, their inclusion proofs, the signed (and cosigned) checkpoint,
 * the log's vkey and plain-language instructions, in one canonical JSON file that verifies fully
 * offline.
 *
 * <p>{@link dev.tlog.client.bundle.BundleCodec} parses all-or-nothing and bounded; a file that is
 * not byte-for-byte the canonical encoding of what it contains is rejected, so changing any byte
 * makes verification fail. Parse failures are {@link dev.tlog.client.bundle.BundleFormatException};
 * verification failures are {@link dev.tlog.client.bundle.BundleVerificationException} with a
 * {@link dev.tlog.client.bundle.BundleVerificationException.Failure} code (the labels used by
 * {@code spec/vectors/bundle/bundles.json}). Everything here is stateless and thread-safe.
 */
package dev.tlog.client.bundle;
