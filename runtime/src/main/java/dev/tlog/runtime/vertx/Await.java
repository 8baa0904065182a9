package dev.tlog.runtime.vertx;

import io.vertx.core.Future;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;

/**
 * Blocks until a Vert.x future completes (a listener bound, a server or Vert.x closed), at most 30
 * seconds. Call it from a starting or stopping thread, never from an event loop.
 */
public final class Await {
  private static final long TIMEOUT_SECONDS = 30;

  private Await() {}

  /**
   * The future's result. A runtime failure is rethrown as it is; a checked one (a {@code
   * BindException} from a listener) goes through {@code wrap}, so each program reports it with its
   * own exception type.
   */
  public static <T> T result(Future<T> f, Function<Throwable, RuntimeException> wrap) {
    try {
      return f.toCompletionStage().toCompletableFuture().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r ? r : wrap.apply(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (TimeoutException e) {
      throw new IllegalStateException("timed out", e);
    }
  }
}
