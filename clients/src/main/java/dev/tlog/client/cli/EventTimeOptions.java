package dev.tlog.client.cli;

import picocli.CommandLine.Option;

/** The event-time range of a filter: {@code --from}/{@code --to} (see {@link FilterOptions}). */
final class EventTimeOptions {
  @Option(
      names = "--from",
      paramLabel = "TIME",
      description = "Event time (the appender's clock) at or after TIME.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Event time before TIME.")
  String to;

  String fromFlag = "--from";
  String toFlag = "--to";

  /** A range given under other flag names (tlog export's --time-from/--time-to). */
  static EventTimeOptions of(String from, String to, String fromFlag, String toFlag) {
    EventTimeOptions t = new EventTimeOptions();
    t.from = from;
    t.to = to;
    t.fromFlag = fromFlag;
    t.toFlag = toFlag;
    return t;
  }
}
