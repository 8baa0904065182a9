package dev.tlog.ledger.query;

import dev.tlog.merkle.ledger.Severity;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Which events a query wants (spec/ledger.md, "Queries"), the value form of {@code
 * tlog.v1.EventFilter}: every condition that is set must hold (AND); a set of values matches any of
 * them (OR). Clock marks never match. Every instance is valid: the constructor checks ranges and
 * limits and throws {@link FilterException} naming the field; the text is checked when it is parsed
 * ({@link FilterQueries}).
 *
 * @param time range of the event's own {@code time} (the appender's clock)
 * @param received range of the log's receive time {@code received(i)}
 * @param actors the event's actor is one of these (empty: any)
 * @param actions the event's action is one of these (empty: any)
 * @param severities the event's severity is one of these (empty: any)
 * @param minSeverity the event's severity is at least this (combined with {@code severities})
 * @param meta every key has exactly this value in the event's meta
 * @param text full-text query over payload and meta values (empty: none)
 */
public record EventFilter(
    TimeRange time,
    TimeRange received,
    Set<String> actors,
    Set<String> actions,
    Set<Severity> severities,
    Optional<Severity> minSeverity,
    SortedMap<String, String> meta,
    String text) {

  /** Most values in each of actors, actions. */
  public static final int MAX_VALUES = 256;

  /** Most characters of one actor or action value. */
  public static final int MAX_VALUE_CHARS = 256;

  /** Most meta conditions (as many as an event may carry). */
  public static final int MAX_META = 64;

  /** Most characters of the full-text query. */
  public static final int MAX_TEXT_CHARS = 1024;

  /** Matches every event. */
  public static final EventFilter ALL = builder().build();

  private static final Pattern META_KEY = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  public EventFilter {
    time = checkRange("time", time);
    received = checkRange("received", received);
    actors = checkValues("actors", actors);
    actions = checkValues("actions", actions);
    severities =
        severities == null || severities.isEmpty()
            ? Set.of()
            : Collections.unmodifiableSet(EnumSet.copyOf(severities));
    minSeverity = minSeverity == null ? Optional.empty() : minSeverity;
    meta = checkMeta(meta);
    text = text == null ? "" : text;
    if (text.length() > MAX_TEXT_CHARS) {
      throw new FilterException(
          "text", text.length() + " characters, at most " + MAX_TEXT_CHARS + " allowed");
    }
  }

  /**
   * The severities an event may have, or empty when severity is unrestricted. An empty set inside
   * means no severity qualifies (the exact set and the minimum exclude each other).
   */
  public Optional<Set<Severity>> allowedSeverities() {
    if (severities.isEmpty() && minSeverity.isEmpty()) {
      return Optional.empty();
    }
    EnumSet<Severity> out =
        severities.isEmpty() ? EnumSet.allOf(Severity.class) : EnumSet.copyOf(severities);
    minSeverity.ifPresent(min -> out.removeIf(s -> s.compareTo(min) < 0));
    return Optional.of(Collections.unmodifiableSet(out));
  }

  /** Whether a full-text query is set. */
  public boolean hasText() {
    return !text.isBlank();
  }

  public static Builder builder() {
    return new Builder();
  }

  private static TimeRange checkRange(String name, TimeRange r) {
    if (r == null) {
      return TimeRange.ALL;
    }
    if (r.from() < 0) {
      throw new FilterException(name + "_from", "must be >= 0, got " + r.from());
    }
    if (r.to() < r.from()) {
      throw new FilterException(
          name + "_to",
          r.to() + " is before " + name + "_from " + r.from() + " (the range is [from, to))");
    }
    return r;
  }

  private static Set<String> checkValues(String field, Collection<String> values) {
    if (values == null || values.isEmpty()) {
      return Set.of();
    }
    if (values.size() > MAX_VALUES) {
      throw new FilterException(field, values.size() + " values, at most " + MAX_VALUES);
    }
    Set<String> out = new LinkedHashSet<>();
    for (String v : values) {
      if (v == null || v.isEmpty()) {
        throw new FilterException(field, "empty value");
      }
      if (v.length() > MAX_VALUE_CHARS) {
        throw new FilterException(
            field, "value of " + v.length() + " characters, at most " + MAX_VALUE_CHARS);
      }
      out.add(v);
    }
    return Collections.unmodifiableSet(out);
  }

  private static SortedMap<String, String> checkMeta(Map<String, String> meta) {
    if (meta == null || meta.isEmpty()) {
      return Collections.emptySortedMap();
    }
    if (meta.size() > MAX_META) {
      throw new FilterException("meta", meta.size() + " entries, at most " + MAX_META);
    }
    SortedMap<String, String> out = new TreeMap<>();
    for (Map.Entry<String, String> e : meta.entrySet()) {
      if (e.getKey() == null || !META_KEY.matcher(e.getKey()).matches()) {
        throw new FilterException(
            "meta", "key \"" + e.getKey() + "\" must be 1-64 of A-Z a-z 0-9 _ . -");
      }
      if (e.getValue() == null) {
        throw new FilterException("meta." + e.getKey(), "missing value");
      }
      out.put(e.getKey(), e.getValue());
    }
    return Collections.unmodifiableSortedMap(out);
  }

  /** Builds filters; everything unset matches any event. */
  public static final class Builder {
    private TimeRange time = TimeRange.ALL;
    private TimeRange received = TimeRange.ALL;
    private final Set<String> actors = new LinkedHashSet<>();
    private final Set<String> actions = new LinkedHashSet<>();
    private final Set<Severity> severities = EnumSet.noneOf(Severity.class);
    private Severity minSeverity;
    private final SortedMap<String, String> meta = new TreeMap<>();
    private String text = "";

    private Builder() {}

    /** Event time in {@code [from, to)}. */
    public Builder time(long from, long to) {
      this.time = new TimeRange(from, to);
      return this;
    }

    /** Receive time in {@code [from, to)}. */
    public Builder received(long from, long to) {
      this.received = new TimeRange(from, to);
      return this;
    }

    public Builder actor(String actor) {
      actors.add(actor);
      return this;
    }

    public Builder actors(Collection<String> values) {
      actors.addAll(values);
      return this;
    }

    public Builder action(String action) {
      actions.add(action);
      return this;
    }

    public Builder actions(Collection<String> values) {
      actions.addAll(values);
      return this;
    }

    public Builder severity(Severity s) {
      severities.add(s);
      return this;
    }

    public Builder severities(Collection<Severity> values) {
      severities.addAll(values);
      return this;
    }

    public Builder minSeverity(Severity s) {
      this.minSeverity = s;
      return this;
    }

    public Builder meta(String key, String value) {
      meta.put(key, value);
      return this;
    }

    public Builder meta(Map<String, String> entries) {
      meta.putAll(entries);
      return this;
    }

    public Builder text(String text) {
      this.text = text;
      return this;
    }

    public EventFilter build() {
      return new EventFilter(
          time,
          received,
          actors,
          actions,
          severities,
          Optional.ofNullable(minSeverity),
          meta,
          text);
    }
  }
}
