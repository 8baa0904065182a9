package dev.tlog.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.client.VerificationException;
import dev.tlog.client.ledger.IncompleteAnswerException;
import dev.tlog.client.ledger.LedgerReader;
import dev.tlog.client.ledger.VerifiedEvent;
import dev.tlog.client.ledger.VerifiedWindow;
import dev.tlog.client.ledger.WindowVerifier;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.ledger.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog summary}: what happened, counted by actor, action and severity. */
@Command(
    name = "summary",
    mixinStandardHelpOptions = true,
    description = {
      "Summarizes the events matching a filter: counts by actor, action and severity, and the",
      "first and last event, which are verified like `tlog events`. The counts are the log's",
      "word, checked only to add up; with --verify-complete (needs --received-from) the client",
      "proves the receive-time window complete, re-applies the filter to every event in it and",
      "requires the counts to be exactly what it found."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 ok, 2 usage, 3 verification failed, 4 ALERT rollback/fork, 5 unreachable,",
      "6 rejected by the log, 7 local state error, 8 INCOMPLETE: the log's counts left out",
      "matching events."
    })
final class SummaryCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;
  @Mixin EventTimeOptions time;
  @Mixin FilterOptions filter;

  @Option(
      names = "--verify-complete",
      description = "Recount the receive-time window here and require the log's counts to match.")
  boolean verifyComplete;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    EventFilter f = filter.filter(time, true);
    TimeRange window = verifyComplete ? filter.receivedWindow(true) : null;
    try (Session s = Session.open(options)) {
      LedgerReader ledger = s.ledger("summary");
      LedgerReader.VerifiedSummary sum = ledger.summarize(f);
      if (verifyComplete) {
        recount(new WindowVerifier(ledger), window, f, sum);
      }
      out.line(
          sum.total()
              + " matching event"
              + (sum.total() == 1 ? "" : "s")
              + " (checkpoint size "
              + sum.checkpoint().size()
              + "; "
              + (verifyComplete
                  ? "counts verified complete against the receive-time window"
                  : "counts as the log reports them")
              + ")");
      counts(out, "ACTOR", sum.byActor());
      counts(out, "ACTION", sum.byAction());
      counts(out, "SEVERITY", sum.bySeverity());
      out.line("");
      sum.first().ifPresent(e -> line(out, "first", e));
      sum.last().ifPresent(e -> line(out, "last ", e));
      ObjectNode json = out.object();
      json.set("filter", LedgerOutput.filterJson(f));
      json.put("total", sum.total()).put("verified_complete", verifyComplete);
      json.set("by_actor", Output.JSON.valueToTree(sum.byActor()));
      json.set("by_action", Output.JSON.valueToTree(sum.byAction()));
      json.set("by_severity", Output.JSON.valueToTree(sum.bySeverity()));
      json.set("first", sum.first().map(LedgerOutput::eventJson).orElse(null));
      json.set("last", sum.last().map(LedgerOutput::eventJson).orElse(null));
      json.put("covered_size", sum.coveredSize());
      json.set("checkpoint", Output.checkpointJson(sum.checkpoint()));
      out.json(json);
      return ExitCodes.OK;
    }
  }

  private static void counts(Output out, String what, Map<String, Long> counts) {
    out.line("");
    LedgerOutput.table(
        out,
        new ArrayList<>(counts.entrySet()),
        List.of(what, "EVENTS"),
        List.of(Map.Entry::getKey, c -> Long.toString(c.getValue())));
  }

  private static void line(Output out, String which, VerifiedEvent e) {
    out.line(
        which
            + ": index "
            + e.index()
            + "  "
            + LedgerOutput.time(e.event().timeNanos())
            + "  "
            + e.event().actor()
            + "  "
            + e.event().action()
            + "  "
            + e.event().severity().label()
            + "  "
            + LedgerOutput.details(e));
  }

  /**
   * Proves the window, finds its matching events itself (those the summary covered) and requires
   * the log's counts and first and last event to be exactly theirs.
   */
  private static void recount(
      WindowVerifier windows, TimeRange r, EventFilter f, LedgerReader.VerifiedSummary sum) {
    VerifiedWindow w = windows.window(r.from(), r.to());
    EventFilter inWindow = WindowVerifier.restrict(f, r.from(), r.to());
    List<Long> found =
        windows.find(w, inWindow).matching().stream().filter(i -> i < sum.coveredSize()).toList();
    List<Long> missing = new ArrayList<>();
    compare("actor", sum.byActor(), w, found, LedgerEntry.EventEntry::actor, missing);
    compare("action", sum.byAction(), w, found, LedgerEntry.EventEntry::action, missing);
    compare("severity", sum.bySeverity(), w, found, e -> e.severity().label(), missing);
    if (sum.total() < found.size() || !missing.isEmpty()) {
      List<Long> m = missing.stream().distinct().sorted().toList();
      throw new IncompleteAnswerException(
          "the log's summary counts "
              + sum.total()
              + " events, the window holds "
              + found.size()
              + " matching ones; under-counted: index"
              + (m.size() == 1 ? " " : "es ")
              + m,
          m);
    }
    Optional<Long> first = found.stream().findFirst();
    Optional<Long> last =
        found.isEmpty() ? Optional.empty() : Optional.of(found.get(found.size() - 1));
    if (!first.equals(sum.first().map(VerifiedEvent::index))
        || !last.equals(sum.last().map(VerifiedEvent::index))) {
      throw new VerificationException(
          "the log's first/last events "
              + sum.first().map(VerifiedEvent::index)
              + "/"
              + sum.last().map(VerifiedEvent::index)
              + " are not the window's "
              + first
              + "/"
              + last);
    }
  }

  private static void compare(
      String what,
      Map<String, Long> claimed,
      VerifiedWindow w,
      List<Long> found,
      Function<LedgerEntry.EventEntry, String> key,
      List<Long> missing) {
    Map<String, List<Long>> mine = new TreeMap<>();
    for (long i : found) {
      mine.computeIfAbsent(key.apply((LedgerEntry.EventEntry) w.entry(i)), k -> new ArrayList<>())
          .add(i);
    }
    for (Map.Entry<String, Long> c : claimed.entrySet()) {
      int have = mine.getOrDefault(c.getKey(), List.of()).size();
      if (c.getValue() > have) {
        throw new VerificationException(
            "the log counts "
                + c.getValue()
                + " events with "
                + what
                + " "
                + c.getKey()
                + ", the window holds "
                + have);
      }
    }
    boolean capped = claimed.size() >= LedgerReader.SUMMARY_CAP;
    for (Map.Entry<String, List<Long>> m : mine.entrySet()) {
      if (capped && !claimed.containsKey(m.getKey())) {
        continue; // a full map lists only the largest counts
      }
      if (claimed.getOrDefault(m.getKey(), 0L) < m.getValue().size()) {
        missing.addAll(m.getValue());
      }
    }
  }
}
