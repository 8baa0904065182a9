package dev.tlog.client.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.tlog.client.AppendReceipt;
import dev.tlog.client.LogAppender;
import dev.tlog.client.LogRequestException;
import dev.tlog.client.StreamingAppender;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code tlog append}: appends entries and reports only verified receipts. */
@Command(
    name = "append",
    mixinStandardHelpOptions = true,
    description = {
      "Appends entries over gRPC to a log in opaque mode (a ledger log takes only events: use",
      "tlog record or tlog ingest). Each receipt is reported only after the checkpoint signature,",
      "the entry's inclusion proof and consistency with the last checkpoint seen are verified.",
      "Entries come from the arguments (UTF-8), from --file (one entry per file), or else from",
      "standard input (one entry per line, streamed with back-pressure)."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 ok, 2 usage, 3 verification failed, 4 ALERT rollback/fork, 5 unreachable,",
      "6 rejected by the log, 7 local state error."
    })
final class AppendCommand implements Callable<Integer> {
  @ParentCommand TlogCommand parent;
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  @Parameters(paramLabel = "ENTRY", description = "Entries to append, as UTF-8 text.")
  List<String> entries = new ArrayList<>();

  @Option(
      names = {"-f", "--file"},
      paramLabel = "FILE",
      description = "Append each file's bytes as one entry.")
  List<Path> files = new ArrayList<>();

  @Option(names = "--batch", description = "Append all entries in one AppendBatch (all or none).")
  boolean batch;

  @Option(
      names = "--window",
      defaultValue = "64",
      description = "Most unacknowledged entries when streaming stdin (default: ${DEFAULT-VALUE}).")
  int window;

  @Override
  public Integer call() {
    try {
      return append();
    } catch (LogRequestException e) {
      // A ledger log refuses anything but event submissions (spec/ledger.md, "Modes").
      if (e.getMessage().contains("INVALID_ARGUMENT: event")) {
        throw new LogRequestException(
            e.code(),
            e.getMessage()
                + " (this log is in ledger mode: record events with tlog record or tlog ingest;"
                + " arbitrary entries need a log started with --mode opaque)",
            e);
      }
      throw e;
    }
  }

  private Integer append() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    List<byte[]> data = new ArrayList<>();
    entries.forEach(e -> data.add(e.getBytes(StandardCharsets.UTF_8)));
    for (Path f : files) {
      try {
        data.add(Files.readAllBytes(f));
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + f + ": " + e.getMessage(), e);
      }
    }
    try (Session s = Session.open(options)) {
      LogAppender appender = new LogAppender(s.grpc("append").writer(), s.reader, s.tracker);
      List<AppendReceipt> receipts = new ArrayList<>();
      if (!data.isEmpty() && batch) {
        receipts.addAll(appender.appendBatch(data));
      } else if (!data.isEmpty()) {
        for (byte[] d : data) {
          receipts.add(report(out, appender.append(d)));
        }
      } else {
        receipts.addAll(streamStdin(appender, out));
      }
      if (batch) {
        receipts.forEach(r -> report(out, r));
      }
      ArrayNode json = Output.JSON.createArrayNode();
      for (AppendReceipt r : receipts) {
        json.addObject()
            .put("index", r.index())
            .put("leaf_hash", r.leafHash().toHex())
            .put("chain_hash", r.chainHash().toHex())
            .put("duplicate", r.duplicate())
            .set("checkpoint", Output.checkpointJson(r.checkpoint()));
      }
      out.json(out.object().set("appended", json));
      out.line(
          receipts.size()
              + " entr"
              + (receipts.size() == 1 ? "y" : "ies")
              + " appended and verified (signature, inclusion, consistency)");
      return ExitCodes.OK;
    }
  }

  private List<AppendReceipt> streamStdin(LogAppender appender, Output out) {
    List<CompletableFuture<AppendReceipt>> futures = new ArrayList<>();
    try (StreamingAppender stream = appender.openStream(window);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(parent.stdin(), StandardCharsets.UTF_8))) {
      for (String line; (line = in.readLine()) != null; ) {
        if (!line.isEmpty()) {
          futures.add(stream.submit(line.getBytes(StandardCharsets.UTF_8)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading stdin: " + e.getMessage(), e);
    }
    List<AppendReceipt> receipts = new ArrayList<>();
    for (CompletableFuture<AppendReceipt> f : futures) {
      try {
        receipts.add(report(out, f.join()));
      } catch (CompletionException e) {
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
    }
    return receipts;
  }

  private static AppendReceipt report(Output out, AppendReceipt r) {
    out.line(
        (r.duplicate() ? "already present at index " : "appended at index ")
            + r.index()
            + "  leaf "
            + r.leafHash().toHex()
            + "  checkpoint size "
            + r.checkpoint().size()
            + " root "
            + r.checkpoint().root().toHex());
    return r;
  }
}
