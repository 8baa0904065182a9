package dev.tlog.compliance.schedule;

import com.cronutils.model.Cron;
import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * A Unix cron expression (minute hour day-of-month month day-of-week) evaluated in UTC, parsed and
 * evaluated by cron-utils. Slots are whole minutes.
 */
public final class CronSchedule implements Schedule {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
  private static final Instant EPOCH = Instant.EPOCH;

  private final String expression;
  private final ExecutionTime execution;

  private CronSchedule(String expression, Cron cron) {
    this.expression = expression;
    this.execution = ExecutionTime.forCron(cron);
  }

  static CronSchedule parse(String expression) {
    String e = expression.strip();
    Cron cron;
    try {
      cron = PARSER.parse(e);
      cron.validate();
    } catch (IllegalArgumentException ex) {
      throw new ScheduleException(
          "schedule: bad cron expression \"" + e + "\": " + ex.getMessage(), ex);
    }
    // One text per schedule: cron-utils renders the parsed expression in its own canonical form.
    String canonical = cron.asString();
    // A expression that can never fire (e.g. 30 February) is refused rather than silently idle.
    if (ExecutionTime.forCron(cron).nextExecution(at(EPOCH)).isEmpty()) {
      throw new ScheduleException("schedule: cron expression \"" + e + "\" never fires");
    }
    return new CronSchedule(canonical, cron);
  }

  private static ZonedDateTime at(Instant t) {
    return ZonedDateTime.ofInstant(t, ZoneOffset.UTC);
  }

  @Override
  public String text() {
    return "cron " + expression;
  }

  @Override
  public Optional<Instant> nextAfter(Instant t) {
    return execution.nextExecution(at(t)).map(ZonedDateTime::toInstant);
  }

  @Override
  public Optional<Instant> atOrBefore(Instant t) {
    // lastExecution is strictly before its argument; slots are whole minutes.
    return execution
        .lastExecution(at(t.plusNanos(1)))
        .map(ZonedDateTime::toInstant)
        .filter(s -> !s.isBefore(EPOCH));
  }

  @Override
  public long count(Instant from, Instant to) {
    return slots(from, to, MAX_ENUMERATED).size();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CronSchedule c && c.expression.equals(expression);
  }

  @Override
  public int hashCode() {
    return expression.hashCode();
  }

  @Override
  public String toString() {
    return text();
  }
}
