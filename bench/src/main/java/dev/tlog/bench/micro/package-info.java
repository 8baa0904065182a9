/**
 * JMH micro-benchmarks of the merkle library: leaf and node hashing of 128-byte entries, inclusion
 * and consistency proofs (prove, then check) over an in-memory {@link
 * dev.tlog.bench.tree.ArrayHashTree} of 1k and 1M leaves, Ed25519 signed-note sign and open, and
 * tile path parse/format.
 *
 * <p>Run through the benchmarks jar: {@code java -jar bench/target/tlog-bench.jar jmh [JMH
 * options]}. State objects are set up once per trial and read-only afterwards, so every benchmark
 * is safe to run with several threads; nothing here throws checked exceptions.
 */
package dev.tlog.bench.micro;
