/**
 * Exactly-once appends without a durable index: {@link dev.tlog.server.dedup.LeafIndex} maps leaf
 * hashes to log indexes in memory, rebuilt from the stored level-0 tiles at start, and every hit is
 * confirmed against the stored leaf hash. Thread-safe; throws only {@link
 * java.lang.IllegalArgumentException} for indexes it cannot hold.
 */
package dev.tlog.server.dedup;
