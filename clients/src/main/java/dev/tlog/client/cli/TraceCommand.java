package dev.tlog.client.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tlog.client.ledger.LedgerReader;
import dev.tlog.client.ledger.LedgerReader.TraceStep;
import dev.tlog.ledger.query.EventFilter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog trace}: one actor's events in order with their chain links. */
@Command(
    name = "trace",
    mixinStandardHelpOptions = true,
    description = {
      "Traces what one actor did: its events (optionally within --from/--to event time and other",
      "filter flags) in log order, each verified like `tlog events`, with its index, leaf hash and",
      "chain hash C[i]. The chain link to the previous event is verified when they are adjacent",
      "(C[i] = SHA-256(C[i-1] || leaf[i])), and through the verified entries between them when at",
      "most --max-gap lie between; the last one is anchored to the checkpoint's signed chain head",
      "when at most --max-gap entries follow it."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 ok, 2 usage, 3 verification failed (e.g. a broken chain link), 4 ALERT",
      "rollback/fork, 5 unreachable, 6 rejected by the log, 7 local state error."
    })
final class TraceCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;
  @Mixin EventTimeOptions time;
  @Mixin FilterOptions filter;

  @Option(
      names = "--max-gap",
      defaultValue = "256",
      description =
          "Check chain links across at most this many entries between events (default:"
              + " ${DEFAULT-VALUE}).")
  int maxGap;

  @Option(names = "--limit", defaultValue = "0", description = "At most this many events.")
  long limit;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    if (filter.actors.size() != 1) {
      throw new UsageException("trace follows one actor: give --actor exactly once");
    }
    if (maxGap < 0 || limit < 0) {
      throw new UsageException("--max-gap and --limit must be >= 0");
    }
    EventFilter f = filter.filter(time, true);
    try (Session s = Session.open(options)) {
      LedgerReader.Trace t = s.ledger("trace").trace(f, limit, maxGap);
      out.line("trace of " + f.actors().iterator().next() + ":");
      LedgerOutput.table(
          out,
          t.steps(),
          List.of("INDEX", "TIME", "ACTION", "SEVERITY", "LEAF", "CHAIN C[i]", "LINK"),
          List.of(
              st -> Long.toString(st.event().index()),
              st -> LedgerOutput.time(st.event().event().timeNanos()),
              st -> st.event().event().action(),
              st -> st.event().event().severity().label(),
              st -> st.event().leafHash().toHex().substring(0, 16),
              st ->
                  st.event().chainHash() == null
                      ? "-"
                      : st.event().chainHash().toHex().substring(0, 16),
              TraceCommand::link));
      long verified =
          t.steps().stream().filter(st -> st.link() == LedgerReader.ChainLink.VERIFIED).count();
      out.line(
          t.steps().size()
              + " events verified against checkpoint size "
              + t.checkpoint().size()
              + "; "
              + verified
              + " of "
              + Math.max(0, t.steps().size() - 1)
              + " chain links verified"
              + (t.anchored() ? "; the last is anchored to the signed chain head" : ""));
      if (t.truncated()) {
        out.line("more events match: --limit " + limit + " reached");
      }
      var json = out.object();
      json.put("actor", f.actors().iterator().next());
      json.set("filter", LedgerOutput.filterJson(f));
      ArrayNode steps = json.putArray("steps");
      for (TraceStep st : t.steps()) {
        var n = LedgerOutput.eventJson(st.event());
        n.put("gap_before", st.gapBefore()).put("link", st.link().name().toLowerCase());
        steps.add(n);
      }
      json.put("anchored", t.anchored()).put("truncated", t.truncated());
      json.set("checkpoint", Output.checkpointJson(t.checkpoint()));
      out.json(json);
      return ExitCodes.OK;
    }
  }

  private static String link(TraceStep st) {
    String between = st.gapBefore() > 0 ? " (+" + st.gapBefore() + " between)" : "";
    return switch (st.link()) {
      case FIRST -> "first";
      case VERIFIED -> (st.gapBefore() == 0 ? "verified (adjacent)" : "verified" + between);
      case UNCHECKED -> "not checked" + between;
    };
  }
}
