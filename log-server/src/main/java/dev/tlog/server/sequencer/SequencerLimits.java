package dev.tlog.server.sequencer;

import java.time.Duration;

/**
 * The sequencer's bounds: at most {@code maxBatchEntries} entries per durable batch, waiting at
 * most {@code maxBatchDelay} for a batch to fill, and at most {@code queueCapacity} entries waiting
 * to be sequenced (beyond that, appends are refused with a retry hint).
 */
public record SequencerLimits(int maxBatchEntries, Duration maxBatchDelay, int queueCapacity) {
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
  }
}
