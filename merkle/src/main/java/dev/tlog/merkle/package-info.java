/**
 * The tlog merkle library: pure functions and immutable values for RFC 6962/9162 Merkle trees, C2SP
 * signed notes, checkpoints, cosignatures and tiles, plus tlog's linear hash chain.
 *
 * <p>Threading: every value type is immutable and safe to share; stateful builders (such as {@code
 * CompactRange}) are not thread-safe and must be confined to one thread. Exceptions: every failure
 * is a subclass of {@link dev.tlog.merkle.MerkleException}; nothing checked escapes.
 */
package dev.tlog.merkle;
