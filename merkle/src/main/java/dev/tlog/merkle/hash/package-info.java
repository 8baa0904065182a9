/**
 * RFC 6962 / RFC 9162 §2.1.1 hashing: the {@link dev.tlog.merkle.hash.Hash} value type, leaf and
 * interior node hashes, and {@link dev.tlog.merkle.hash.NodeId} coordinates of complete subtrees.
 *
 * <p>Example: {@code leafHash("")} = {@code
 * 6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d}; the empty tree's root is
 * {@code e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855}.
 *
 * <p>Threading: all types are immutable and thread-safe.
 */
package dev.tlog.merkle.hash;
