package dev.tlog.client.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.client.LogAppender;
import dev.tlog.client.ledger.EventLines;
import dev.tlog.client.ledger.EventReceipt;
import dev.tlog.client.ledger.EventRecorder;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.Severity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog record}: records one event in a ledger log and prints its verified receipt. */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Records one audit event in a ledger log (spec/ledger.md) over gRPC. The log commits the",
      "event's entry, whose leaf hash is computed here; the receipt is printed only after the",
      "checkpoint signature, the entry's inclusion and consistency with the last checkpoint seen",
      "are verified. A fresh random salt hides the payload behind its commitment."
    },
    footerHeading = "%n",
    footer = {
      "Example: tlog record --actor agent:planner --action agent.tool_call --severity notice \\",
      "  --payload '{\"tool\":\"shell\",\"parameters\":{\"cmd\":\"ls\"}}' --meta host=web-1 \\",
      "  --link session=s-42",
      "",
      "Exit codes: 0 recorded and verified, 2 usage or invalid event, 3 verification failed,",
      "4 ALERT rollback/fork, 5 unreachable, 6 rejected by the log (e.g. time out of range),",
      "7 local state error."
    })
final class RecordCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  @Option(
      names = "--actor",
      required = true,
      description = "Who: agent:|user:|service:|system:NAME.")
  String actor;

  @Option(names = "--action", required = true, description = "What: e.g. agent.tool_call.")
  String action;

  @Option(
      names = "--severity",
      defaultValue = "info",
      description = "debug|info|notice|warning|error|critical (default: ${DEFAULT-VALUE}).")
  String severity;

  @Option(names = "--payload", defaultValue = "{}", description = "Payload JSON object.")
  String payload;

  @Option(names = "--meta", paramLabel = "KEY=VALUE", description = "Metadata (repeatable).")
  Map<String, String> meta = new LinkedHashMap<>();

  @Option(
      names = "--link",
      paramLabel = "KEY=VALUE",
      description = "cause=<leaf hash>, session=ID or incident=ID (repeatable).")
  Map<String, String> links = new LinkedHashMap<>();

  @Option(
      names = "--time",
      paramLabel = "RFC3339",
      description = "When it happened (default: now), e.g. 2026-11-29T14:02:03.5Z.")
  String time;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    Event event;
    try {
      Event.Builder b =
          Event.builder()
              .actor(actor)
              .action(action)
              .severity(Severity.parse("severity", severity))
              .payload(payload)
              .meta(meta)
              .time(time == null ? Instant.now() : EventLines.parseTime("time", time));
      links.forEach(b::link);
      event = b.build();
    } catch (EventFormatException e) {
      throw new UsageException("invalid event: " + e.getMessage());
    }
    try (Session s = Session.open(options)) {
      LogAppender appender = new LogAppender(s.grpc("record").writer(), s.reader, s.tracker);
      EventReceipt r = new EventRecorder(appender, options.retryPolicy()).record(event);
      out.line(
          (r.receipt().duplicate() ? "already recorded at index " : "recorded at index ")
              + r.index()
              + "  leaf "
              + r.leafHash().toHex()
              + "  checkpoint size "
              + r.checkpoint().size());
      out.line("verified: signature, inclusion of the event's entry, consistency");
      out.json(receiptJson(r));
      return ExitCodes.OK;
    }
  }

  /** A receipt as JSON: where the entry is, its exact bytes, and the checkpoint that covers it. */
  static ObjectNode receiptJson(EventReceipt r) {
    ObjectNode n = Output.JSON.createObjectNode();
    n.put("index", r.index())
        .put("leaf_hash", r.leafHash().toHex())
        .put("chain_hash", r.receipt().chainHash().toHex())
        .put("duplicate", r.receipt().duplicate())
        .put("entry", new String(EventCodec.entry(r.event()), StandardCharsets.UTF_8))
        .put("payload_sha256", r.event().payloadHash().toHex());
    n.set("checkpoint", Output.checkpointJson(r.checkpoint()));
    return n;
  }
}
