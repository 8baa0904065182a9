package dev.tlog.client.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.client.ledger.VerifiedWindow;
import dev.tlog.client.ledger.WindowVerifier;
import dev.tlog.client.ledger.WindowVerifier.WindowCheck;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.ledger.EventTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog window verify}: prove a receive-time window complete and check the log's answer. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Proves which entries a ledger log received in [--received-from, --received-to) and checks",
      "its answer for the filter in that window (spec/ledger.md, \"Complete windows\"):",
      "  1. GetWindow names the window [start, end) and the clock mark before it;",
      "  2. entries [mark_before, end] are fetched and verified as one contiguous range against",
      "     the signed checkpoint (leaf hashes, inclusion of the range, consistency);",
      "  3. the four window conditions hold on their clock marks, which strictly increase;",
      "  4. the log's hits for the filter are verified (inclusion, payload commitments, filter",
      "     match with receive times proven from the range) and their chain links checked.",
      "With --verify-complete the payload records of every event in the window are fetched and",
      "checked, the filter is re-applied to each event here, and any matching event the log did",
      "not return fails the command with exit code 8, naming its index."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 window proven (and complete), 2 usage, 3 verification failed, 4 ALERT",
      "rollback/fork, 5 unreachable (or the log's index has not caught up), 6 rejected by the",
      "log, 7 local state error, 8 INCOMPLETE: the log left out a matching event."
    })
final class WindowVerifyCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;
  @Mixin EventTimeOptions time;
  @Mixin FilterOptions filter;

  @Option(
      names = "--verify-complete",
      description = "Re-apply the filter to every event of the window; fail if the log hid one.")
  boolean verifyComplete;

  @Option(names = "--list", description = "Also list the matching events.")
  boolean list;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    TimeRange r = filter.receivedWindow(true);
    EventFilter f = filter.filter(time, false);
    try (Session s = Session.open(options)) {
      WindowCheck c =
          new WindowVerifier(s.ledger("window verify")).check(r.from(), r.to(), f, verifyComplete);
      VerifiedWindow w = c.window();
      out.line(
          "window: received in ["
              + EventTime.format(r.from())
              + ", "
              + (r.to() == Long.MAX_VALUE ? "unbounded" : EventTime.format(r.to()))
              + ")");
      out.line(
          "entries ["
              + w.start()
              + ", "
              + w.end()
              + "): "
              + w.events()
              + " events (checkpoint size "
              + w.checkpoint().size()
              + ")");
      out.line(
          "proof: entries ["
              + w.rangeStart()
              + ", "
              + w.rangeEnd()
              + ") verified as one range against the signed root"
              + (w.markBefore().isPresent()
                  ? "; mark_before " + w.markBefore().getAsLong()
                  : "; the window starts the log"));
      out.line("conditions 1-4 of spec/ledger.md \"Complete windows\": hold");
      out.line(
          "matching events returned by the log: "
              + c.hits().size()
              + ", verified; "
              + c.chainLinks()
              + " chain links checked"
              + (c.anchored() ? ", anchored to the signed chain head" : ""));
      if (c.complete()) {
        out.line(
            "complete: the filter re-applied here to all "
                + w.events()
                + " events of the window ("
                + c.payloadsChecked()
                + " payload records checked) matches exactly the "
                + c.found().size()
                + " the log returned"
                + (c.undecided().isEmpty()
                    ? ""
                    : "; "
                        + c.undecided().size()
                        + " with erased payloads could not be text-matched"));
      } else {
        out.line("not checked: whether the log left out matching events (use --verify-complete)");
      }
      if (c.beyond() > 0) {
        out.line(c.beyond() + " more matching events arrived after the window's checkpoint");
      }
      if (list) {
        LedgerOutput.table(out, c.hits());
      }
      ObjectNode json = out.object();
      json.put("received_from", EventTime.format(r.from()))
          .put("received_to", r.to() == Long.MAX_VALUE ? null : EventTime.format(r.to()))
          .put("start", w.start())
          .put("end", w.end());
      if (w.markBefore().isPresent()) {
        json.put("mark_before", w.markBefore().getAsLong());
      } else {
        json.putNull("mark_before");
      }
      json.put("range_start", w.rangeStart()).put("range_end", w.rangeEnd());
      json.put("events", w.events()).put("verified", true).put("complete", c.complete());
      json.set("filter", LedgerOutput.filterJson(c.filter()));
      ArrayNode hits = json.putArray("hits");
      c.hits()
          .forEach(
              e -> hits.addObject().put("index", e.index()).put("leaf_hash", e.leafHash().toHex()));
      json.put("chain_links", c.chainLinks()).put("anchored", c.anchored());
      json.put("payloads_checked", c.payloadsChecked());
      ArrayNode undecided = json.putArray("undecided");
      c.undecided().forEach(undecided::add);
      json.set("checkpoint", Output.checkpointJson(w.checkpoint()));
      out.json(json);
      return ExitCodes.OK;
    }
  }
}
