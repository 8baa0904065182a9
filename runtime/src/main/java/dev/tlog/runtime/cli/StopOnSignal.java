package dev.tlog.runtime.cli;

import java.util.concurrent.CountDownLatch;

/**
 * How each of our programs runs until it is told to stop: SIGTERM or Ctrl-C runs the program's
 * clean shutdown on a shutdown hook, and {@link #await()} returns once that shutdown has finished,
 * so the JVM exits with code 0 only after everything was closed.
 */
public final class StopOnSignal {
  private final CountDownLatch stopped = new CountDownLatch(1);

  private StopOnSignal() {}

  /** Runs {@code shutdown} on a thread named {@code threadName} when the JVM is asked to stop. */
  public static StopOnSignal install(String threadName, Runnable shutdown) {
    StopOnSignal s = new StopOnSignal();
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    shutdown.run();
                  } finally {
                    s.stopped.countDown();
                  }
                },
                threadName));
    return s;
  }

  /** Blocks until the shutdown has run. */
  public void await() throws InterruptedException {
    stopped.await();
  }
}
