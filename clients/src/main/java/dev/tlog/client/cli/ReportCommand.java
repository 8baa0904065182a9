package dev.tlog.client.cli;

import dev.tlog.client.LogAppender;
import dev.tlog.client.ledger.BundleFilters;
import dev.tlog.client.ledger.EventReceipt;
import dev.tlog.client.ledger.EventRecorder;
import dev.tlog.client.report.RenderedReport;
import dev.tlog.client.report.ReportFiles;
import dev.tlog.client.report.ReportReceipt;
import dev.tlog.client.report.ReportVerifier;
import dev.tlog.client.state.AtomicFiles;
import dev.tlog.compliance.evidence.Evidence;
import dev.tlog.compliance.evidence.ReportRecord;
import dev.tlog.compliance.mapping.ControlMapping;
import dev.tlog.compliance.mapping.DefaultMappings;
import dev.tlog.compliance.mapping.MappingException;
import dev.tlog.compliance.mapping.MappingParser;
import dev.tlog.compliance.report.ControlCoverage;
import dev.tlog.compliance.report.ReportJson;
import dev.tlog.compliance.report.ReportModel;
import dev.tlog.ledger.query.EventFilter;
import dev.tlog.ledger.query.TimeRange;
import dev.tlog.merkle.bundle.BundleCodec;
import dev.tlog.merkle.bundle.EvidenceBundle;
import dev.tlog.merkle.bundle.LedgerEvidence;
import dev.tlog.merkle.ledger.Event;
import dev.tlog.merkle.ledger.EventCodec;
import dev.tlog.merkle.ledger.EventFormatException;
import dev.tlog.merkle.ledger.Severity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tlog report}: a compliance report of a receive-time window, recorded in the ledger. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Writes a compliance report of the events the log received in [--from, --to)",
      "(spec/compliance.md, \"Reports\"): proves the window complete as window verify",
      "--verify-complete does, writes it as an evidence bundle (DIR/bundle.json, exactly what",
      "export --received-from --received-to writes), computes the report from the verified",
      "bundle only and writes DIR/report.json (canonical JSON), DIR/report.md and",
      "DIR/report.html. Unless --no-record it then records an evidence.report event with their",
      "SHA-256 hashes and writes its verified receipt to DIR/receipt.json.",
      "Check a report later, offline, with verify-report DIR.",
      "--print-mapping FRAMEWORK prints a default control mapping to edit (then --mapping FILE)."
    },
    footerHeading = "%n",
    footer = {
      "Exit codes: 0 report written (and recorded), 2 usage (also a bad mapping file),",
      "3 verification failed, 4 ALERT rollback/fork, 5 unreachable, 6 rejected by the log,",
      "7 local file or state error, 8 INCOMPLETE: the log left out an event of the window."
    })
final class ReportCommand implements Callable<Integer> {
  @Spec CommandSpec spec;
  @Mixin LogOptions options;

  @Option(
      names = "--framework",
      paramLabel = "NAME",
      description = "soc2, hipaa, 21cfr11, iso27001 or pci-dss.")
  String framework;

  @Option(names = "--from", paramLabel = "TIME", description = "Received at or after TIME.")
  String from;

  @Option(names = "--to", paramLabel = "TIME", description = "Received before TIME.")
  String to;

  @Option(names = "--out", paramLabel = "DIR", description = "Directory for the report's files.")
  Path out;

  @Option(
      names = "--mapping",
      paramLabel = "FILE",
      description = "Control mapping YAML (default: the framework's shipped mapping).")
  Path mappingFile;

  @Option(
      names = "--actor",
      paramLabel = "ACTOR",
      description = "Who records the evidence.report event (default: user:<login name>).")
  String actor;

  @Option(names = "--no-record", description = "Do not record an evidence.report event.")
  boolean noRecord;

  @Option(
      names = "--print-mapping",
      paramLabel = "FRAMEWORK",
      description = "Print the default mapping of FRAMEWORK and exit.")
  String printMapping;

  @Override
  public Integer call() {
    if (printMapping != null) {
      try {
        spec.commandLine()
            .getOut()
            .print(new String(DefaultMappings.text(printMapping), StandardCharsets.UTF_8));
      } catch (MappingException e) {
        throw new UsageException(e.getMessage());
      }
      spec.commandLine().getOut().flush();
      return ExitCodes.OK;
    }
    if (framework == null || from == null || to == null || out == null) {
      throw new UsageException("give --framework, --from, --to and --out");
    }
    ControlMapping mapping = mapping();
    TimeRange period =
        new TimeRange(
            FilterOptions.time("--from", from, 0), FilterOptions.time("--to", to, Long.MAX_VALUE));
    if (period.to() <= period.from()) {
      throw new UsageException("--to must be after --from");
    }
    String who = actor != null ? actor : "user:" + System.getProperty("user.name", "unknown");
    Output o = new Output(spec.commandLine().getOut(), options.json);
    try (Session s = Session.open(options)) {
      LedgerExport.Built b = new LedgerExport(s).window(period, EventFilter.ALL);
      byte[] bundle =
          BundleCodec.encode(
              VerifiedBundles.of(s, b.checkpoint(), b.entries(), Optional.of(b.evidence())));
      RenderedReport r =
          RenderedReport.of(
              bundle, s.log.logVkey(), framework, period.from(), period.to(), mapping);
      createDirectory();
      delete(out.resolve(ReportFiles.RECEIPT)); // a receipt of an earlier report would not match
      AtomicFiles.write(out.resolve(ReportFiles.BUNDLE), bundle);
      AtomicFiles.write(out.resolve(ReportFiles.JSON), r.json());
      AtomicFiles.write(out.resolve(ReportFiles.MARKDOWN), r.markdown());
      AtomicFiles.write(out.resolve(ReportFiles.HTML), r.html());
      o.line("wrote " + out.resolve(ReportFiles.BUNDLE) + ": " + b.description() + " (verified)");
      o.line(
          "wrote "
              + out.resolve(ReportFiles.JSON)
              + ", report.md, report.html: "
              + summary(r.model()));
      var json = o.object();
      json.put("dir", out.toString())
          .put("framework", framework)
          .put("events", r.model().events())
          .put("report_sha256", ReportFiles.sha256(r.json()))
          .put("bundle_sha256", ReportFiles.sha256(bundle));
      if (!noRecord) {
        ReportRecord record =
            ReportVerifier.record(
                new ReportJson.Parameters(framework, period.from(), period.to(), mapping),
                r.json(),
                r.markdown(),
                r.html(),
                bundle);
        long index = record(s, who, record);
        o.line(
            "recorded "
                + Evidence.REPORT
                + " at index "
                + index
                + "; receipt in "
                + out.resolve(ReportFiles.RECEIPT)
                + " (verified)");
        json.put("recorded_index", index);
      }
      o.json(json);
      return ExitCodes.OK;
    }
  }

  private long record(Session s, String who, ReportRecord record) {
    Event event;
    try {
      event =
          Event.builder()
              .actor(who)
              .action(Evidence.REPORT)
              .severity(Severity.NOTICE)
              .payload(record.toPayload())
              .time(Instant.now())
              .build();
    } catch (EventFormatException e) {
      throw new UsageException("cannot record the report: " + e.getMessage() + " (use --actor)");
    }
    LogAppender appender = new LogAppender(s.grpc("report").writer(), s.reader, s.tracker);
    EventReceipt r = new EventRecorder(appender, options.retryPolicy()).record(event);
    var proof = s.reader.source().inclusionProof(r.index(), r.checkpoint().size()).hashes();
    EvidenceBundle.Entry entry =
        new EvidenceBundle.Entry(
            r.index(),
            EventCodec.entry(event),
            r.leafHash(),
            proof,
            EventCodec.payloadRecord(event));
    LedgerEvidence evidence =
        new LedgerEvidence(
            BundleFilters.toBundle(EventFilter.builder().action(Evidence.REPORT).build()),
            Optional.empty(),
            List.of(r.index()));
    byte[] receipt =
        BundleCodec.encode(
            VerifiedBundles.of(s, r.checkpoint(), List.of(entry), Optional.of(evidence)));
    ReportReceipt.check(receipt, s.log.logVkey(), record);
    AtomicFiles.write(out.resolve(ReportFiles.RECEIPT), receipt);
    return r.index();
  }

  private ControlMapping mapping() {
    ControlMapping m;
    try {
      if (mappingFile == null) {
        m = DefaultMappings.of(framework);
      } else {
        if (Files.size(mappingFile) > MappingParser.MAX_BYTES) {
          throw new UsageException(
              mappingFile + ": larger than " + MappingParser.MAX_BYTES + " bytes");
        }
        m = new MappingParser().parse(Files.readAllBytes(mappingFile));
      }
    } catch (MappingException e) {
      throw new UsageException((mappingFile == null ? "" : mappingFile + ": ") + e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + mappingFile + ": " + e.getMessage(), e);
    }
    if (!m.framework().equals(framework)) {
      throw new UsageException(
          "the mapping is for framework " + m.framework() + ", not --framework " + framework);
    }
    return m;
  }

  private void createDirectory() {
    try {
      Files.createDirectories(out);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + out + ": " + e.getMessage(), e);
    }
  }

  private static void delete(Path f) {
    try {
      Files.deleteIfExists(f);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + f + ": " + e.getMessage(), e);
    }
  }

  static String summary(ReportModel m) {
    long[] n = new long[ControlCoverage.Status.values().length];
    m.controls().forEach(c -> n[c.status().ordinal()]++);
    return m.events()
        + " events, "
        + m.controls().size()
        + " controls: "
        + n[ControlCoverage.Status.EVIDENCED.ordinal()]
        + " evidenced, "
        + n[ControlCoverage.Status.EXCEPTIONS.ordinal()]
        + " with exceptions, "
        + n[ControlCoverage.Status.NO_EVIDENCE.ordinal()]
        + " without evidence; "
        + m.findings().size()
        + " exceptions listed";
  }
}
