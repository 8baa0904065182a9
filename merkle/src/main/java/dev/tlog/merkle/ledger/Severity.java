package dev.tlog.merkle.ledger;

import java.util.Locale;

/** Event severities, least to most severe (spec/ledger.md). Encoded as the lower-case name. */
public enum Severity {
  DEBUG,
  INFO,
  NOTICE,
  WARNING,
  ERROR,
  CRITICAL;

  /** The encoded form, e.g. {@code warning}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses the encoded form; anything else is an {@link EventFormatException} on {@code field}. */
  public static Severity parse(String field, String label) {
    for (Severity s : values()) {
      if (s.label().equals(label)) {
        return s;
      }
    }
    throw new EventFormatException(
        field,
        "unknown severity \"" + label + "\", want one of debug|info|notice|warning|error|critical");
  }
}
