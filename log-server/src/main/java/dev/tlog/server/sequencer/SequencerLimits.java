package dev.tlog.server.sequencer;

import java.time.Duration;

/**
 * The sequencer's bounds: a durable batch holds at most {@code maxBatchEntries} entries and, unless
 * one request alone is larger, at most {@code maxBatchBytes} bytes of entries; when the writer is
 * idle the builder waits at most {@code maxBatchDelay} for more requests before sealing (0 = seal
 * at once; while the writer is busy batches grow anyway); at most {@code queueCapacity} entries may
 * wait or be in flight (beyond that, appends are refused with a retry hint).
 */
public record SequencerLimits(
    int maxBatchEntries, Duration maxBatchDelay, int queueCapacity, long maxBatchBytes) {
  /** Default byte bound of one durable batch. */
  public static final long DEFAULT_MAX_BATCH_BYTES = 8L << 20;

  public SequencerLimits {
    if (maxBatchEntries < 1) {
      throw new IllegalArgumentException("maxBatchEntries must be >= 1, got " + maxBatchEntries);
    }
    if (maxBatchDelay.isNegative()) {
      throw new IllegalArgumentException("maxBatchDelay must be >= 0, got " + maxBatchDelay);
    }
    if (queueCapacity < maxBatchEntries) {
      throw new IllegalArgumentException(
          "queueCapacity ("
              + queueCapacity
              + ") must be >= maxBatchEntries ("
              + maxBatchEntries
              + ")");
    }
    if (maxBatchBytes < 1) {
      throw new IllegalArgumentException("maxBatchBytes must be >= 1, got " + maxBatchBytes);
    }
  }

  public SequencerLimits(int maxBatchEntries, Duration maxBatchDelay, int queueCapacity) {
    this(maxBatchEntries, maxBatchDelay, queueCapacity, DEFAULT_MAX_BATCH_BYTES);
  }
}
