package dev.tlog.server.sequencer;

/** Told of every batch the writer made durable (the metrics); called on the writer thread. */
@FunctionalInterface
public interface BatchObserver {
  /** Does nothing. */
  BatchObserver NONE = (entries, commitNanos) -> {};

  /**
   * A batch of {@code entries} new leaves was committed; {@code commitNanos} is the time its
   * storage write took, durable commit included. Must be quick and must not throw.
   */
  void committed(long entries, long commitNanos);
}
