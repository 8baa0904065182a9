/**
 * Durable witness state behind the {@link dev.tlog.witness.state.WitnessState} interface; the one
 * implementation is in {@code dev.tlog.witness.state.lmdb}, the only package that imports lmdbjava.
 *
 * <p>Threading: implementations are thread-safe; {@code compareAndSet} is atomic with respect to
 * other calls. Exceptions: {@link dev.tlog.witness.errors.OldSizeMismatchException} when a
 * compare-and-set loses, {@link dev.tlog.witness.errors.StateException} on storage failure.
 */
package dev.tlog.witness.state;
