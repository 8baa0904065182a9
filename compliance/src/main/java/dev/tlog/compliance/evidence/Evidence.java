package dev.tlog.compliance.evidence;

/** Names shared by the server's collectors and the client's reports (spec/compliance.md). */
public final class Evidence {
  /** One collector run. */
  public static final String COLLECTION = "evidence.collection";

  /** Slots without a run. */
  public static final String MISSED = "evidence.missed";

  /** The collector configuration in force. */
  public static final String SCHEDULE = "evidence.schedule";

  /** A report was generated. */
  public static final String REPORT = "evidence.report";

  /** The actor of every event the server's collectors append. */
  public static final String ACTOR = "system:tlog-evidence";

  /** The meta key naming the collector of a collection or missed event. */
  public static final String META_COLLECTOR = "collector";

  private Evidence() {}
}
