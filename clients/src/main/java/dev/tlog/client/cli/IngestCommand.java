package dev.tlog.client.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tlog.client.LogAppender;
import dev.tlog.client.LogRequestException;
import dev.tlog.client.TlogClientException;
import dev.tlog.client.VerifiedCheckpoint;
import dev.tlog.client.ledger.EventLines;
import dev.tlog.client.ledger.EventReceipt;
import dev.tlog.client.ledger.EventRecorder;
import dev.tlog.client.ledger.EventStream;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventFormatException;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
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

/** {@code tlog ingest}: streams JSON-lines events into a ledger log. */
@Command(
    name = "ingest",
    mixinStandardHelpOptions = true,
    description = {
      "Records JSON-lines events from FILE or standard input (-) over one append stream, with",
      "back-pressure and verified receipts. One JSON object per line: time (RFC 3339, any",
      "precision; default now), actor, action, severity (default info), payload (object),",
      "meta and links (objects of strings); a fresh salt and the format are added here.",
      "Blank lines are ignored. By default ingest stops at the first invalid line: every",
      "earlier line is recorded, nothing after it is sent, and the line number is reported.",
      "With --skip-invalid, invalid lines (and events the log refuses) are reported and skipped.",
      "Long runs show progress on stderr."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 every valid line recorded and verified (skipped lines are listed),",
      "2 usage or an invalid line, 3 verification failed, 4 ALERT rollback/fork, 5 unreachable,",
      "6 an event refused by the log, 7 cannot read FILE or local state error."
    })
final class IngestCommand implements Callable<Integer> {
  @ParentCommand TlogCommand parent;
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  @Parameters(
      paramLabel = "FILE",
      arity = "0..1",
      defaultValue = "-",
      description = "JSON-lines input; - for standard input (default).")
  String input;

  @Option(names = "--skip-invalid", description = "Report and skip invalid lines; do not stop.")
  boolean skipInvalid;

  @Option(
      names = "--window",
      defaultValue = "256",
      description = "Most unacknowledged events (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--receipts", description = "Print every event's receipt.")
  boolean receipts;

  @Option(names = "--no-progress", description = "Never show progress.")
  boolean noProgress;

  private record Sent(long line, CompletableFuture<EventReceipt> receipt) {}

  private record Problem(long line, String error) {}

  /** What happened so far. */
  private final List<Problem> skipped = new ArrayList<>();

  private final List<ObjectNode> printed = new ArrayList<>();
  private long recorded;
  private long duplicates;
  private long firstIndex = -1;
  private long lastIndex = -1;
  private VerifiedCheckpoint checkpoint;
  private Problem stop;
  private int stopCode;
  private long lastRead;

  @Override
  public Integer call() {
    Output out = new Output(spec.commandLine().getOut(), options.json);
    long size = -1;
    InputStream raw;
    try {
      if (input.equals("-")) {
        raw = parent.stdin();
      } else {
        size = Files.size(Path.of(input));
        raw = Files.newInputStream(Path.of(input));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + input + ": " + e.getMessage(), e);
    }
    long sent = 0;
    Counting counted = new Counting(raw);
    try (Session s = Session.open(options);
        BufferedReader in =
            new BufferedReader(new InputStreamReader(counted, StandardCharsets.UTF_8))) {
      boolean tty = System.console() != null && !options.json;
      ProgressBar progress =
          new ProgressBar(
              spec.commandLine().getErr(),
              tty,
              Duration.ofSeconds(10),
              Duration.ofSeconds(2),
              "ingest");
      LogAppender appender = new LogAppender(s.grpc("ingest").writer(), s.reader, s.tracker);
      EventRecorder recorder = new EventRecorder(appender, options.retryPolicy());
      ArrayDeque<Sent> inFlight = new ArrayDeque<>();
      try (EventStream stream = recorder.openStream(window)) {
        long lineNo = 0;
        for (String line; stop == null && (line = in.readLine()) != null; ) {
          lineNo++;
          lastRead = lineNo;
          if (line.isBlank()) {
            continue;
          }
          Event e;
          try {
            e = EventLines.parse(line, Instant::now);
          } catch (EventFormatException ex) {
            invalid(lineNo, ex.getMessage(), ExitCodes.USAGE);
            continue;
          }
          inFlight.add(new Sent(lineNo, stream.submit(e)));
          sent++;
          settleDone(inFlight, false);
          if (!noProgress) {
            progress.events(sent, counted.read, size, false);
          }
        }
      }
      settleDone(inFlight, true);
      if (!noProgress) {
        progress.events(sent, counted.read, size, true);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + input + ": " + e.getMessage(), e);
    }
    report(out);
    if (stop != null) {
      spec.commandLine()
          .getErr()
          .println(
              spec.qualifiedName()
                  + ": line "
                  + stop.line()
                  + ": "
                  + stop.error()
                  + "; stopped: "
                  + recorded
                  + " events recorded"
                  + (lastRead > stop.line()
                      ? " (lines up to " + lastRead + " were already sent)"
                      : "")
                  + ", nothing after line "
                  + lastRead
                  + " was read");
      spec.commandLine().getErr().flush();
      return stopCode;
    }
    return ExitCodes.OK;
  }

  /** A bad line: skipped with --skip-invalid, else the end of the input. */
  private void invalid(long line, String error, int code) {
    if (skipInvalid) {
      skipped.add(new Problem(line, error));
      spec.commandLine().getErr().println("line " + line + ": " + error + " (skipped)");
      spec.commandLine().getErr().flush();
    } else if (stop == null || line < stop.line()) {
      stop = new Problem(line, error);
      stopCode = code;
    }
  }

  /** Takes finished receipts off the head of {@code inFlight} (all of them when {@code all}). */
  private void settleDone(ArrayDeque<Sent> inFlight, boolean all) {
    while (!inFlight.isEmpty() && (all || inFlight.peek().receipt().isDone())) {
      Sent s = inFlight.poll();
      EventReceipt r;
      try {
        r = s.receipt().join();
      } catch (CompletionException e) {
        if (e.getCause() instanceof LogRequestException refused) {
          invalid(s.line(), "refused by the log: " + refused.getMessage(), ExitCodes.REJECTED);
          continue;
        }
        throw e.getCause() instanceof TlogClientException t ? t : e;
      }
      recorded++;
      duplicates += r.receipt().duplicate() ? 1 : 0;
      firstIndex = firstIndex < 0 ? r.index() : Math.min(firstIndex, r.index());
      lastIndex = Math.max(lastIndex, r.index());
      if (checkpoint == null || r.checkpoint().size() > checkpoint.size()) {
        checkpoint = r.checkpoint();
      }
      if (receipts) {
        ObjectNode n = RecordCommand.receiptJson(r);
        n.remove("checkpoint");
        n.put("line", s.line());
        printed.add(n);
      }
    }
  }

  private void report(Output out) {
    for (ObjectNode n : printed) {
      out.line(
          "line "
              + n.get("line").asLong()
              + ": index "
              + n.get("index").asLong()
              + "  leaf "
              + n.get("leaf_hash").asText());
    }
    out.line(
        recorded
            + " event"
            + (recorded == 1 ? "" : "s")
            + " recorded and verified"
            + (duplicates > 0 ? " (" + duplicates + " already present)" : "")
            + (recorded > 0 ? ", indexes " + firstIndex + ".." + lastIndex : "")
            + (checkpoint != null ? ", checkpoint size " + checkpoint.size() : ""));
    if (!skipped.isEmpty()) {
      out.line(
          skipped.size()
              + " invalid line"
              + (skipped.size() == 1 ? "" : "s")
              + " skipped: "
              + String.join(", ", skipped.stream().map(p -> Long.toString(p.line())).toList()));
    }
    ObjectNode json = out.object();
    json.put("recorded", recorded).put("duplicates", duplicates);
    if (recorded > 0) {
      json.put("first_index", firstIndex).put("last_index", lastIndex);
    }
    ArrayNode sk = json.putArray("skipped");
    skipped.forEach(p -> sk.addObject().put("line", p.line()).put("error", p.error()));
    if (stop != null) {
      json.putObject("stopped_at").put("line", stop.line()).put("error", stop.error());
    }
    if (receipts) {
      ArrayNode rs = json.putArray("receipts");
      printed.forEach(rs::add);
    }
    if (checkpoint != null) {
      json.set("checkpoint", Output.checkpointJson(checkpoint));
    }
    out.json(json);
  }

  /** Counts the bytes read, for progress against the input's size. */
  private static final class Counting extends FilterInputStream {
    volatile long read;

    Counting(InputStream in) {
      super(in);
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      read += b >= 0 ? 1 : 0;
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      read += Math.max(n, 0);
      return n;
    }
  }
}
