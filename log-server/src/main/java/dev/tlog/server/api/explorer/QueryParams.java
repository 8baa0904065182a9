package dev.tlog.server.api.explorer;

import dev.tlog.server.errors.InvalidRequestException;
import io.vertx.core.MultiMap;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A request's query parameters, checked all or nothing before any work: only the names a route
 * declares, each at most once unless declared repeatable, at most {@value #MAX_VALUES} values in
 * all. Every accessor throws {@link InvalidRequestException} naming the parameter and the value it
 * got.
 */
final class QueryParams {
  /**
   * Most values a request may carry, repeated names included (the filter's own limits apply too).
   */
  static final int MAX_VALUES = 300;

  private final MultiMap params;

  private QueryParams(MultiMap params) {
    this.params = params;
  }

  /**
   * Checks {@code params} against the route's {@code single} and {@code repeatable} names: an
   * unknown name or a single one given twice is refused.
   */
  static QueryParams check(MultiMap params, Set<String> single, Set<String> repeatable) {
    if (params.size() > MAX_VALUES) {
      throw new InvalidRequestException(
          "at most " + MAX_VALUES + " query parameters, got " + params.size());
    }
    for (String name : params.names()) {
      if (repeatable.contains(name)) {
        continue;
      }
      if (!single.contains(name)) {
        throw new InvalidRequestException(
            "unknown query parameter \""
                + name
                + "\"; this path takes "
                + known(single, repeatable));
      }
      if (params.getAll(name).size() > 1) {
        throw new InvalidRequestException("query parameter \"" + name + "\" given more than once");
      }
    }
    return new QueryParams(params);
  }

  private static String known(Set<String> single, Set<String> repeatable) {
    java.util.TreeSet<String> all = new java.util.TreeSet<>(single);
    all.addAll(repeatable);
    return all.isEmpty() ? "none" : String.join(", ", all);
  }

  /** The value of {@code name}, empty when absent or empty. */
  Optional<String> string(String name) {
    String v = params.get(name);
    return v == null || v.isEmpty() ? Optional.empty() : Optional.of(v);
  }

  /** Every non-empty value of the repeatable {@code name}. */
  List<String> all(String name) {
    return params.getAll(name).stream().filter(v -> !v.isEmpty()).toList();
  }

  /** A decimal integer in {@code [min, max]}, or {@code otherwise} when absent. */
  long number(String name, long min, long max, long otherwise) {
    Optional<String> v = string(name);
    if (v.isEmpty()) {
      return otherwise;
    }
    return parseNumber(name, v.get(), min, max);
  }

  /**
   * {@code value} as a decimal integer in {@code [min, max]}: ASCII digits only (no sign, no
   * spaces), at most 19 of them.
   */
  static long parseNumber(String name, String value, long min, long max) {
    if (value.isEmpty()
        || value.length() > 19
        || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new InvalidRequestException(
          name + " must be a decimal number, got \"" + shorten(value) + "\"");
    }
    long n;
    try {
      n = Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new InvalidRequestException(name + " is too large: " + value);
    }
    if (n < min || n > max) {
      throw new InvalidRequestException(
          name + " must be in [" + min + ", " + max + "], got " + value);
    }
    return n;
  }

  /**
   * An RFC 3339 time with a {@code Z} or numeric offset as nanoseconds since the epoch, or {@code
   * otherwise} when absent; before 1970 is refused.
   */
  long time(String name, long otherwise) {
    Optional<String> v = string(name);
    if (v.isEmpty()) {
      return otherwise;
    }
    Instant t;
    try {
      t = OffsetDateTime.parse(v.get()).toInstant();
    } catch (DateTimeException e) {
      throw new InvalidRequestException(
          name
              + " must be an RFC 3339 time such as 2026-11-29T14:02:03Z, got \""
              + shorten(v.get())
              + "\"");
    }
    if (t.getEpochSecond() < 0) {
      throw new InvalidRequestException(name + " is before 1970: " + v.get());
    }
    try {
      return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
    } catch (ArithmeticException e) {
      throw new InvalidRequestException(name + " is after 2262: " + v.get());
    }
  }

  /** At most 64 characters of a value, for messages. */
  static String shorten(String value) {
    return value.length() <= 64 ? value : value.substring(0, 64) + "…";
  }
}
