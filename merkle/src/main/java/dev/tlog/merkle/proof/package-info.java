/**
 * RFC 9162 inclusion (§2.1.3) and consistency (§2.1.4) proofs: {@link dev.tlog.merkle.proof.Proofs}
 * holds Prove/Check pairs over any {@link dev.tlog.merkle.proof.HashReader}; {@link
 * dev.tlog.merkle.proof.MemoryHashStore} is an in-memory reader. Normative text: {@code
 * spec/proofs.md}.
 *
 * <p>Format. An inclusion proof for leaf {@code i} in a tree of size {@code n} lists sibling hashes
 * from the leaf upwards; its length is {@code inner + border} where {@code inner = bitlen(i XOR
 * (n-1))} and {@code border = popcount(i >> inner)}. A consistency proof from {@code m} to {@code
 * n} ({@code 0 < m < n}) is the RFC 9162 {@code PROOF(m, D[n])}; for {@code m == 0} or {@code m ==
 * n} it is empty and the roots are checked directly (see {@link
 * dev.tlog.merkle.proof.Proofs#checkConsistency}).
 *
 * <p>Worked example (RFC 6962 reference tree, {@code spec/vectors/proofs/rfc6962-reference.json}):
 * leaf 5 of the 8-leaf tree has leaf hash {@code 4271a26b…}, proof {@code bc1a0643…} (leaf 4),
 * {@code ca854ea1…} (leaves 6–7), {@code d37ee418…} (leaves 0–3) and root {@code 5dc9da79…}. The
 * consistency proof from 6 to 8 is {@code 0ebc5d34…} (leaves 4–5, the seed), {@code ca854ea1…},
 * {@code d37ee418…}.
 *
 * <p>Order of checks, each with its own exception (all {@link
 * dev.tlog.merkle.proof.ProofException}s): ranges ({@link
 * dev.tlog.merkle.proof.IndexOutOfRangeException}), then length ({@link
 * dev.tlog.merkle.proof.ProofLengthException}), then roots ({@link
 * dev.tlog.merkle.proof.RootMismatchException}, carrying computed and expected). Provers throw
 * {@link dev.tlog.merkle.proof.HashNotFoundException} when the reader lacks a node.
 *
 * <p>Threading: {@code Proofs} is stateless and thread-safe (as thread-safe as the reader passed
 * in); proofs are immutable records; {@code MemoryHashStore} is single-threaded.
 */
package dev.tlog.merkle.proof;
