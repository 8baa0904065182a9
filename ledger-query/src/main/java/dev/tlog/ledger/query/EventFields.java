package dev.tlog.ledger.query;

/**
 * The fields of an event's Lucene document (spec/ledger.md, "Queries"), shared by the index that
 * writes them and every query or collector that reads them.
 */
public final class EventFields {
  /** Log index: points (ranges), numeric doc values (the index sort, paging). */
  public static final String INDEX = "index";

  /** {@value #KIND_EVENT} or {@value #KIND_CLOCK}: a string term. */
  public static final String KIND = "kind";

  public static final String KIND_EVENT = "event";
  public static final String KIND_CLOCK = "clock";

  /** Event time (nanoseconds): points and numeric doc values. Events only. */
  public static final String TIME = "time";

  /**
   * Receive time {@code received(i)} (nanoseconds): points and numeric doc values. A clock mark's
   * is its own time, so windows are found with the same field.
   */
  public static final String RECEIVED = "received";

  /** Actor, action, severity label: one exact term each, and sorted-set doc values (counts). */
  public static final String ACTOR = "actor";

  public static final String ACTION = "action";
  public static final String SEVERITY = "severity";

  /** One exact term {@code key=value} per meta entry (keys cannot contain {@code =}). */
  public static final String META = "meta";

  /** Analyzed text of every payload value and every meta value: the default full-text field. */
  public static final String TEXT = "text";

  /**
   * Prefix of the analyzed per-path payload fields: {@code payload.tool}, {@code
   * payload.parameters.cmd}. A query's {@code field:word} searches {@code payload.field}.
   */
  public static final String PAYLOAD_PREFIX = "payload.";

  private EventFields() {}

  /** The meta term of {@code key} with {@code value}. */
  public static String metaTerm(String key, String value) {
    return key + "=" + value;
  }
}
