package dev.tlog.server.storage;

/**
 * What a log's entries are (spec/ledger.md, "Modes"), fixed when the log is created: {@link
 * #LEDGER} entries are audit events and clock marks with payload records beside them; {@link
 * #OPAQUE} entries are arbitrary bytes.
 */
public enum LogMode {
  LEDGER,
  OPAQUE;

  /** The stored and command-line form: {@code ledger} or {@code opaque}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
