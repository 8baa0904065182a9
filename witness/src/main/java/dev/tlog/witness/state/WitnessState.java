package dev.tlog.witness.state;

import java.util.Optional;

/**
 * The witness's durable memory: for each origin, the latest checkpoint it cosigned. Shaped by what
 * the witness needs (read one origin, compare-and-set one origin), not by the database.
 */
public interface WitnessState extends AutoCloseable {
  /** The latest checkpoint recorded for {@code origin}, if any. */
  Optional<StoredCheckpoint> latest(String origin);

  /**
   * Records {@code next} as {@code origin}'s latest checkpoint if the recorded size is still {@code
   * expectedSize} (0 when nothing is recorded), in one durable (fsynced) transaction.
   *
   * @throws dev.tlog.witness.errors.OldSizeMismatchException if the recorded size differs; nothing
   *     is written
   * @throws dev.tlog.witness.errors.StateException if the store fails; nothing is written
   */
  void compareAndSet(String origin, long expectedSize, StoredCheckpoint next);

  /** Whether the store is open (readiness, spec/witness.md "Health"). */
  boolean isOpen();

  @Override
  void close();
}
