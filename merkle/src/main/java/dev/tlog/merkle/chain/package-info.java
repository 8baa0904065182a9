/**
 * tlog's linear hash chain, signed together with the Merkle tree in every checkpoint so the two
 * cannot drift apart. Normative text: {@code spec/chain.md}.
 *
 * <p>Format: {@code C[-1]} is 32 zero bytes; {@code C[i] = SHA-256(C[i-1] || L[i])} where {@code
 * L[i] = SHA-256(0x00 || entry_i)} is the RFC 6962 leaf hash. The step hashes exactly 64 bytes with
 * no domain prefix byte; chain heads are only ever compared with chain heads, never used as tree
 * nodes.
 *
 * <p>Worked example ({@code spec/vectors/chain/chain.json}, the RFC 6962 reference entries): entry
 * 0 is empty, {@code L[0] = 6e340b9c…a01d}, {@code C[0] = SHA-256(00…00 || L[0]) =
 * 64fdb2b463190df45dc976206ce8111d8c83680ddeb86778b7f9982d6822de6a}; entry 1 is {@code 0x00},
 * {@code L[1] = 96a296d2…cfc7}, {@code C[1] =
 * b2a197c1040efc49768b090e1eb1c9125575ba723376d89f2368a012285429dd}.
 *
 * <p>Threading: {@link dev.tlog.merkle.chain.HashChain} is stateless and thread-safe; {@link
 * dev.tlog.merkle.chain.ChainBuilder} is mutable and single-threaded. Exceptions: {@link
 * dev.tlog.merkle.chain.ChainMismatchException} (computed/expected) when a segment does not lead to
 * the expected head.
 */
package dev.tlog.merkle.chain;
