package dev.tlog.server.admission;

import dev.tlog.server.errors.LogClosedException;
import dev.tlog.server.integrate.Submitted;
import java.util.List;

/**
 * Turns the bytes of one append request into what the sequencer commits, or refuses the whole
 * request with {@link dev.tlog.server.errors.InvalidRequestException}. Runs on transport threads.
 */
public interface Admission {
  /**
   * Checks every entry of one request; all are admitted or none. In a ledger log each event's actor
   * must pass {@code actors}; opaque entries have no actor.
   */
  List<Submitted> admit(List<byte[]> request, ActorCheck actors);

  /** {@link #admit(List, ActorCheck)} for any actor: the log's own appends. */
  default List<Submitted> admit(List<byte[]> request) {
    return admit(request, ActorCheck.ANY);
  }

  /**
   * A closed log (spec/scaling.md, "Closing a log"): every request is refused with {@link
   * LogClosedException} naming the size of the final checkpoint, before anything else is checked.
   */
  static Admission closed(String origin, long finalSize) {
    return (request, actors) -> {
      throw new LogClosedException(
          "log "
              + origin
              + " is closed: its final checkpoint has size "
              + finalSize
              + " and it accepts no more appends; append to the log that succeeds it");
    };
  }

  /** Opaque logs: the limits only; entries are committed as sent. */
  static Admission opaque(AppendLimits limits) {
    return (request, actors) -> {
      limits.check(request);
      return request.stream().map(Submitted::opaque).toList();
    };
  }
}
