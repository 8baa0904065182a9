package dev.tlog.server.admission;

import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.EventTime;
import dev.tlog.server.errors.InvalidRequestException;
import dev.tlog.server.integrate.Submitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Ledger logs: every entry must be an event submission (spec/ledger.md, "Validation on append")
 * whose time lies within {@code maxFuture} ahead of and {@code maxAge} behind the log's clock. The
 * log commits the event's entry and stores its payload record beside it.
 */
public final class EventAdmission implements Admission {
  private final AppendLimits limits;
  private final LongSupplier clockNanos;
  private final long maxFutureNanos;
  private final long maxAgeNanos;

  public EventAdmission(
      AppendLimits limits, LongSupplier clockNanos, Duration maxFuture, Duration maxAge) {
    if (maxFuture.isNegative() || maxAge.isNegative()) {
      throw new IllegalArgumentException("time skews must be >= 0");
    }
    this.limits = limits;
    this.clockNanos = clockNanos;
    this.maxFutureNanos = maxFuture.toNanos();
    this.maxAgeNanos = maxAge.toNanos();
  }

  @Override
  public List<Submitted> admit(List<byte[]> request, ActorCheck actors) {
    limits.check(request);
    long now = clockNanos.getAsLong();
    List<Submitted> out = new ArrayList<>(request.size());
    for (int i = 0; i < request.size(); i++) {
      String which = request.size() == 1 ? "event" : "event " + i;
      Event e;
      try {
        e = EventCodec.parseSubmission(request.get(i));
      } catch (EventFormatException ex) {
        throw new InvalidRequestException(which + ": " + ex.getMessage(), ex);
      }
      if (e.timeNanos() > now + maxFutureNanos) {
        throw new InvalidRequestException(
            which
                + ": time: "
                + EventTime.format(e.timeNanos())
                + " is more than "
                + Duration.ofNanos(maxFutureNanos)
                + " ahead of the log's clock ("
                + EventTime.format(now)
                + ")");
      }
      if (e.timeNanos() < now - maxAgeNanos) {
        throw new InvalidRequestException(
            which
                + ": time: "
                + EventTime.format(e.timeNanos())
                + " is more than "
                + Duration.ofNanos(maxAgeNanos)
                + " behind the log's clock ("
                + EventTime.format(now)
                + ")");
      }
      actors.check(which, e.actor());
      out.add(new Submitted(EventCodec.entry(e), EventCodec.payloadRecord(e)));
    }
    return out;
  }
}
