package dev.tlog.server.evidence;

import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.server.admission.Admission;
import dev.tlog.server.integrate.AppendResult;
import dev.tlog.server.sequencer.Sequencer;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Appends evidence events through the same admission and sequencer as a client's append, and waits
 * for the acknowledgement (the event is durable and in a signed checkpoint). Called from scheduler
 * threads only.
 */
public final class EvidenceAppender {
  /** How long to wait for an acknowledgement before counting the append as failed. */
  static final long ACK_TIMEOUT_SECONDS = 60;

  private final Admission admission;
  private final Sequencer sequencer;

  public EvidenceAppender(Admission admission, Sequencer sequencer) {
    this.admission = admission;
    this.sequencer = sequencer;
  }

  /**
   * Appends {@code e}; returns once it is acknowledged, or throws {@link AppendFailedException}.
   */
  public AppendResult append(Event e) {
    try {
      return sequencer
          .submit(admission.admit(List.of(EventCodec.submission(e))))
          .get(ACK_TIMEOUT_SECONDS, TimeUnit.SECONDS)
          .get(0);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new AppendFailedException(e.action() + ": interrupted", ex);
    } catch (ExecutionException ex) {
      throw new AppendFailedException(e.action() + ": " + ex.getCause().getMessage(), ex);
    } catch (TimeoutException ex) {
      throw new AppendFailedException(
          e.action() + ": not acknowledged within " + ACK_TIMEOUT_SECONDS + " s", ex);
    } catch (RuntimeException ex) {
      throw new AppendFailedException(e.action() + ": " + ex.getMessage(), ex);
    }
  }

  /** An evidence event could not be appended (refused, overloaded, stopping). */
  public static final class AppendFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    AppendFailedException(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
