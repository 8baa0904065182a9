package dev.tlog.server.evidence.run;

import dev.tlog.server.evidence.config.CollectorSpec;

/**
 * Runs one kind of collector. {@link #run} blocks the calling thread (a scheduler worker) for at
 * most about the collector's timeout, never throws for a failed collection (that is a {@link
 * RunResult} with status failed or timeout), and gives up promptly when the thread is interrupted.
 */
public interface Collector {
  RunResult run(CollectorSpec spec);
}
