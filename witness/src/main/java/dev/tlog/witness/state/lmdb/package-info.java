/**
 * LMDB implementation of {@link dev.tlog.witness.state.WitnessState}; the only package that imports
 * lmdbjava (which needs {@code --add-opens java.base/java.nio=ALL-UNNAMED --add-opens
 * java.base/sun.nio.ch=ALL-UNNAMED}).
 *
 * <p>Threading: any thread may read; writes may come from any thread and are serialized by LMDB's
 * single write transaction (the witness sends them all from one writer thread anyway). Exceptions:
 * lmdbjava exceptions never escape; they become {@link dev.tlog.witness.errors.StateException}.
 */
package dev.tlog.witness.state.lmdb;
