package dev.tlog.server.api.explorer;

import dev.tlog.ledger.query.EventFilter;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.Severity;
import dev.tlog.server.errors.InvalidRequestException;
import io.vertx.core.MultiMap;
import java.util.Set;

/**
 * {@code GET /api/v1/events}'s parameters as a ledger {@link EventFilter} and a page: parsed all or
 * nothing, errors name the parameter ({@code FilterException}s name the filter's field, {@code
 * filter.time_to} for {@code to}). The filter semantics are the ledger's (spec/ledger.md,
 * "Filters"); this class only maps names.
 */
record EventsRequest(EventFilter filter, long start, int limit) {
  /** Events per page when the request does not say. */
  static final int DEFAULT_LIMIT = 50;

  /** Most events per page. */
  static final int MAX_LIMIT = 100;

  static final Set<String> SINGLE =
      Set.of(
          "min_severity", "from", "to", "received_from", "received_to", "text", "start", "limit");
  static final Set<String> REPEATABLE = Set.of("actor", "action", "severity", "meta");

  static EventsRequest parse(MultiMap params) {
    QueryParams q = QueryParams.check(params, SINGLE, REPEATABLE);
    long start = q.number("start", 0, Long.MAX_VALUE, 0);
    int limit = (int) q.number("limit", 1, MAX_LIMIT, DEFAULT_LIMIT);
    long from = q.time("from", 0);
    long to = q.time("to", Long.MAX_VALUE);
    long receivedFrom = q.time("received_from", 0);
    long receivedTo = q.time("received_to", Long.MAX_VALUE);
    EventFilter.Builder b =
        EventFilter.builder()
            .time(from, to)
            .received(receivedFrom, receivedTo)
            .actors(q.all("actor"))
            .actions(q.all("action"))
            .text(q.string("text").orElse(""));
    for (String s : q.all("severity")) {
      b.severity(severity("severity", s));
    }
    if (q.string("min_severity").isPresent()) {
      b.minSeverity(severity("min_severity", q.string("min_severity").get()));
    }
    for (String m : q.all("meta")) {
      int eq = m.indexOf('=');
      if (eq <= 0) {
        throw new InvalidRequestException(
            "meta must be key=value, got \"" + QueryParams.shorten(m) + "\"");
      }
      b.meta(m.substring(0, eq), m.substring(eq + 1));
    }
    return new EventsRequest(b.build(), start, limit);
  }

  private static Severity severity(String name, String label) {
    try {
      return Severity.parse(name, label);
    } catch (EventFormatException e) {
      throw new InvalidRequestException(
          name
              + ": unknown severity \""
              + QueryParams.shorten(label)
              + "\", want one of debug|info|notice|warning|error|critical");
    }
  }
}
