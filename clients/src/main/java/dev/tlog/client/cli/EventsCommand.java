package dev.tlog.client.cli;

import dev.tlog.client.ledger.LedgerReader;
import dev.tlog.client.ledger.VerifiedEvent;
import dev.tlog.ledger.query.EventFilter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog events}: the events matching a filter, each verified. */
@Command(
    name = "events",
    aliases = "query",
    mixinStandardHelpOptions = true,
    description = {
      "Lists the events of a ledger log that match a filter, in log order, paging through every",
      "result (up to --limit). Each event is verified before it is shown: the answer's checkpoint",
      "signature and consistency, the entry's inclusion proof, its payload record against the",
      "entry's commitment, and that it matches the filter (re-applied here; with",
      "--received-from/--received-to its receive time is proven from the log's clock marks).",
      "That no matching event is missing is proven by `tlog window verify --verify-complete`."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 ok, 2 usage, 3 verification failed, 4 ALERT rollback/fork, 5 unreachable,",
      "6 rejected by the log (e.g. not a ledger log), 7 local state error."
    })
final class EventsCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;
  @Mixin EventTimeOptions time;
  @Mixin FilterOptions filter;

  @Option(
      names = "--limit",
      defaultValue = "0",
      description = "At most this many events (default: all).")
  long limit;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    if (limit < 0) {
      throw new UsageException("--limit must be >= 0");
    }
    EventFilter f = filter.filter(time, true);
    try (Session s = Session.open(options)) {
      LedgerReader.VerifiedResults r = s.ledger("events").queryAll(f, limit);
      LedgerOutput.table(out, r.events());
      boolean proven = !f.received().isAll();
      out.line(
          r.events().size()
              + " event"
              + (r.events().size() == 1 ? "" : "s")
              + " verified against checkpoint size "
              + r.checkpoint().size()
              + " (signature, inclusion, payload commitments, filter match"
              + (proven ? ", receive times proven" : "")
              + ")");
      if (r.truncated()) {
        out.line("more events match: --limit " + limit + " reached");
      }
      if (r.coveredSize() < r.checkpoint().size()) {
        out.line(
            "note: the log's index covered "
                + r.coveredSize()
                + " of "
                + r.checkpoint().size()
                + " entries");
      }
      long unchecked = r.events().stream().filter(VerifiedEvent::textUnchecked).count();
      if (unchecked > 0) {
        out.line(unchecked + " event(s) with erased payloads: full-text match not checked");
      }
      var json = out.object();
      json.set("filter", LedgerOutput.filterJson(f));
      json.set("events", LedgerOutput.eventsJson(r.events()));
      json.put("truncated", r.truncated()).put("covered_size", r.coveredSize());
      json.set("checkpoint", Output.checkpointJson(r.checkpoint()));
      out.json(json);
      return ExitCodes.OK;
    }
  }
}
