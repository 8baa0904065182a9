package dev.tlog.compliance.report;

import java.util.Objects;

/**
 * One exception a report lists (spec/compliance.md, "Counting"). {@code index} and {@code received}
 * are -1 for an unaccounted range, which no event stands for; {@code actor} and {@code collector}
 * are empty when they do not apply.
 */
public record Finding(
    Kind kind, long index, long received, String actor, String collector, String what) {

  /** The kinds, in the order a report lists them. */
  public enum Kind {
    PROCESS_CRASH("process.crash", "Process crashes"),
    COLLECTION_FAILED("collection.failed", "Failed collections"),
    COLLECTION_TIMEOUT("collection.timeout", "Timed-out collections"),
    MISSED("missed", "Missed collection slots"),
    UNACCOUNTED("unaccounted", "Unaccounted collection slots"),
    CONFIG_CHANGE("config.change", "Configuration changes"),
    DRIFT("drift", "File drift"),
    SECRET_ACCESS("secret.access", "Secret access"),
    UNREADABLE("unreadable", "Evidence events that could not be read");

    private final String label;
    private final String heading;

    Kind(String label, String heading) {
      this.label = label;
      this.heading = heading;
    }

    /** The name in report.json. */
    public String label() {
      return label;
    }

    /** The heading in report.md and report.html. */
    public String heading() {
      return heading;
    }
  }

  public Finding {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(actor, "actor");
    Objects.requireNonNull(collector, "collector");
    Objects.requireNonNull(what, "what");
  }
}
