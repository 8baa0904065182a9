/**
 * Physical limits of this machine, measured in the same run as everything else, as denominators for
 * the log's figures: durable batched LMDB appends through lmdbjava ({@link
 * dev.tlog.bench.raw.LmdbAppendLimit}) and single-thread SHA-256 of 128-byte inputs ({@link
 * dev.tlog.bench.raw.Sha256Limit}).
 *
 * <p>Figure names: {@code raw.lmdb.append.batch<N>} (entries/s, with bytes on disk per entry) and
 * {@code raw.sha256.128B} (hashes/s). Each measurement runs on the calling thread; LMDB failures
 * escape as lmdbjava's unchecked {@code LmdbException}, file errors as {@link
 * java.io.UncheckedIOException}.
 */
package dev.tlog.bench.raw;
