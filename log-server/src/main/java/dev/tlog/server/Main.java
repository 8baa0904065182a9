package dev.tlog.server;

import dev.tlog.runtime.cli.HttpListenerOptions;
import dev.tlog.runtime.cli.StopOnSignal;
import dev.tlog.runtime.logging.LogFormat;
import dev.tlog.runtime.logging.LogSetup;
import dev.tlog.server.admission.AppendLimits;
import dev.tlog.server.api.grpc.GrpcLimits;
import dev.tlog.server.errors.CorruptStorageException;
import dev.tlog.server.evidence.config.CollectorsFile;
import dev.tlog.server.hosting.HostedLog;
import dev.tlog.server.hosting.LogHost;
import dev.tlog.server.hosting.LogsFile;
import dev.tlog.server.security.tls.DevCertificate;
import dev.tlog.server.security.tls.TlsFiles;
import dev.tlog.server.sequencer.Failpoint;
import dev.tlog.server.sequencer.SequencerLimits;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.startup.StorageCheckProcess;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import dev.tlog.server.witnessing.Witness;
import dev.tlog.server.witnessing.WitnessPolicy;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlog-server}: starts the log on its embedded default (LMDB under ./data, key generated on
 * first run). Flags may also be read from a file: {@code tlog-server @tlog.args}. {@code
 * tlog-server reindex} rebuilds a ledger log's index offline ({@link ReindexCommand}).
 */
@Command(
    name = "tlog-server",
    mixinStandardHelpOptions = true,
    version = "tlog-server 0.1.0",
    description = "Runs the tlog transparency log: gRPC appends and proofs, C2SP tiles over HTTP.",
    subcommands = {
      ReindexCommand.class,
      TokenCommand.class,
      CheckStorageCommand.class,
      BackupCommand.class
    })
public final class Main implements Callable<Integer> {
  /** Exit code when the server cannot start (bad data dir, inconsistent state, port in use). */
  static final int EXIT_START_FAILED = 3;

  /** Exit code when the storage check crashed or refused the storage (spec/api.md). */
  static final int EXIT_STORAGE_CORRUPT = 4;

  /** Flags that configure one log; with {@code --logs} each log sets them in the file instead. */
  private static final List<String> PER_LOG_FLAGS =
      List.of(
          "--origin",
          "--key-file",
          "--grpc-port",
          "--http-port",
          "--mode",
          "--witness",
          "--witness-quorum",
          "--collectors",
          "--close",
          "--failpoint",
          "--s3-bucket",
          "--s3-prefix",
          "--s3-endpoint",
          "--s3-region",
          "--s3-path-style");

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description = "Data directory (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--key-file",
      description = "Private key file (default: <data-dir>/log.key; generated if missing).")
  Path keyFile;

  @Option(names = "--origin", description = "Log origin and key name (default: <hostname>/tlog).")
  String origin;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--grpc-port",
      defaultValue = "7400",
      description = "gRPC port (default: ${DEFAULT-VALUE}).")
  int grpcPort;

  @Option(
      names = "--http-port",
      defaultValue = "7401",
      description = "HTTP tiles port (default: ${DEFAULT-VALUE}).")
  int httpPort;

  @Option(
      names = "--map-size-mib",
      defaultValue = "1024",
      description = "Initial LMDB map size in MiB; grows when full (default: ${DEFAULT-VALUE}).")
  long mapSizeMib;

  @Option(
      names = "--max-entry-bytes",
      defaultValue = "65535",
      description = "Largest entry accepted, 1..65535 (default: ${DEFAULT-VALUE}).")
  int maxEntryBytes;

  @Option(
      names = "--max-batch-entries",
      defaultValue = "1024",
      description =
          "Most entries per AppendBatch request and per durable batch (default: ${DEFAULT-VALUE}).")
  int maxBatchEntries;

  @Option(
      names = "--max-commit-entries",
      defaultValue = "8192",
      description =
          "Most entries per durable batch, gathered from many requests; at least"
              + " --max-batch-entries (default: ${DEFAULT-VALUE}).")
  int maxCommitEntries;

  @Option(
      names = "--batch-delay-micros",
      defaultValue = "0",
      description =
          "When the writer is idle, how long to wait for more requests before committing;"
              + " while it is busy batches grow anyway (default: ${DEFAULT-VALUE}).")
  long batchDelayMicros;

  @Option(
      names = "--dedup",
      defaultValue = "true",
      arity = "1",
      description =
          "true: an entry already in the log is answered with its existing index (safe"
              + " retries); false: every append is a new entry (default: ${DEFAULT-VALUE}).")
  boolean dedup;

  @Option(
      names = "--mode",
      description =
          "ledger: entries are audit events (spec/ledger.md); opaque: arbitrary bytes. Chosen"
              + " when the log is created (default for a new log: ledger) and fixed after.")
  LogMode mode;

  @Option(
      names = "--event-max-future",
      defaultValue = "PT5M",
      description =
          "Ledger logs: refuse events whose time is further ahead of the log's clock, ISO-8601"
              + " duration (default: ${DEFAULT-VALUE}).")
  Duration eventMaxFuture;

  @Option(
      names = "--event-max-age",
      defaultValue = "P30D",
      description =
          "Ledger logs: refuse events whose time is further behind the log's clock, ISO-8601"
              + " duration (default: ${DEFAULT-VALUE}).")
  Duration eventMaxAge;

  @Option(
      names = "--queue-capacity",
      defaultValue = "65536",
      description =
          "Entries waiting to be sequenced before appends get RESOURCE_EXHAUSTED (default: ${DEFAULT-VALUE}).")
  int queueCapacity;

  @Option(
      names = "--max-page-entries",
      defaultValue = "1000",
      description = "Most entries per GetEntries call (default: ${DEFAULT-VALUE}).")
  int maxPageEntries;

  @Option(
      names = "--max-watchers",
      defaultValue = "10000",
      description = "Most WatchCheckpoints calls open at once (default: ${DEFAULT-VALUE}).")
  int maxWatchers;

  @Option(
      names = "--grpc-max-concurrent-calls-per-connection",
      defaultValue = "256",
      description =
          "Most gRPC calls open at once on one connection; further calls wait in the client (default: ${DEFAULT-VALUE}).")
  int grpcMaxConcurrentCallsPerConnection;

  @Option(
      names = "--verify-on-start",
      defaultValue = "FULL",
      description =
          "FULL re-derives every stored hash from the entries; TAIL only the last 4096 (default: ${DEFAULT-VALUE}).")
  StartupVerifier.Mode verifyMode;

  @Mixin PublishOptions publish;

  @Option(
      names = "--close",
      description =
          "Close the log for good at start: its checkpoint for the stored size becomes its final"
              + " one, reads go on, appends get FAILED_PRECONDITION (spec/scaling.md).")
  boolean close;

  @Option(
      names = "--logs",
      paramLabel = "FILE",
      description =
          "Host several logs in this process, as this YAML file lists them (spec/scaling.md);"
              + " the other flags are shared by all of them, and --data-dir is where a log"
              + " without its own data-dir lives.")
  Path logsFile;

  @Spec CommandSpec spec;

  @Option(
      names = "--failpoint",
      hidden = true,
      description =
          "Crash tests only: halt the process the n-th time the writer reaches a stage,"
              + " <signed|committed|acknowledging>:<n>.")
  String failpoint;

  @Option(
      names = "--storage-check-child",
      defaultValue = "true",
      arity = "1",
      description =
          "true: run the storage walk of --verify-on-start in a child JVM first, so that a"
              + " damaged LMDB page that crashes the reader is reported instead of killing the"
              + " server; false: verify in this JVM only (default: ${DEFAULT-VALUE}).")
  boolean storageCheckChild;

  @Option(
      names = "--witness",
      paramLabel = "\"<vkey> <url>\"",
      description =
          "A witness to gather cosignatures from: its cosignature verifier key and its C2SP"
              + " tlog-witness URL prefix, separated by a space. Repeatable.")
  List<String> witnesses = new ArrayList<>();

  @Option(
      names = "--witness-quorum",
      description =
          "Cosignatures a checkpoint needs before it is published (default: all witnesses).")
  Integer witnessQuorum;

  @Option(
      names = "--collectors",
      paramLabel = "FILE",
      description =
          "Ledger logs: run the compliance evidence collectors this YAML file lists"
              + " (spec/compliance.md); checked at start.")
  Path collectors;

  @Mixin HttpListenerOptions http;

  @Mixin SecurityOptions security;

  @Option(
      names = "--log-format",
      paramLabel = "auto|json|text",
      defaultValue = "auto",
      description =
          "Log lines on stderr: one JSON object per line, or human text; auto (the default) is"
              + " text on a terminal, JSON otherwise.")
  String logFormat;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line as {@link #main} runs it (tests run subcommands in process with it). */
  public static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setCaseInsensitiveEnumValuesAllowed(true)
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("tlog-server: " + e.getMessage());
              return e instanceof CorruptStorageException
                      || e.getCause() instanceof CorruptStorageException
                  ? EXIT_STORAGE_CORRUPT
                  : EXIT_START_FAILED;
            });
  }

  ServerConfig config() {
    return config(Optional.empty(), verifyMode);
  }

  /**
   * The configuration; {@code devTls} is the --tls-self-signed certificate when one was made, and
   * {@code inProcessVerifyMode} the verification the server itself runs at start.
   */
  private ServerConfig config(Optional<TlsFiles> devTls, StartupVerifier.Mode inProcessVerifyMode) {
    String o = origin != null ? origin : defaultOrigin();
    return new ServerConfig(
        dataDir,
        keyFile != null ? keyFile : dataDir.resolve("log.key"),
        o,
        bind,
        grpcPort,
        httpPort,
        mapSizeMib * 1024 * 1024,
        new AppendLimits(maxEntryBytes, maxBatchEntries),
        new SequencerLimits(
            // A durable batch holds at least one whole request and never more than can be queued.
            Math.max(maxBatchEntries, Math.min(maxCommitEntries, queueCapacity)),
            Duration.ofNanos(batchDelayMicros * 1000),
            queueCapacity),
        maxPageEntries,
        inProcessVerifyMode,
        witnessPolicy(),
        dedup,
        new LedgerSettings(mode, eventMaxFuture, eventMaxAge),
        maxWatchers,
        InstantSource.system(),
        Optional.ofNullable(collectors).map(CollectorsFile::read),
        http.limits(),
        security.settings(devTls),
        publish.settings(),
        grpcLimits(),
        close);
  }

  private GrpcLimits grpcLimits() {
    return GrpcLimits.defaults()
        .withMaxConcurrentCallsPerConnection(grpcMaxConcurrentCallsPerConnection);
  }

  private WitnessPolicy witnessPolicy() {
    List<Witness> ws = witnesses.stream().map(Witness::parse).toList();
    return new WitnessPolicy(ws, witnessQuorum != null ? witnessQuorum : ws.size());
  }

  /** {@code <hostname>/tlog}, or {@code localhost/tlog} when the host name is unknown. */
  static String defaultOrigin() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/tlog";
    } catch (UnknownHostException e) {
      return "localhost/tlog";
    }
  }

  /**
   * Runs the storage walk of {@code config}'s log in a child JVM when asked and there is a log;
   * then the server's own verification only needs {@link StartupVerifier.Mode#TAIL}: the expensive
   * walk runs once.
   */
  private ServerConfig checked(ServerConfig config) {
    if (!storageCheckChild || !LmdbLogStorage.exists(config.dataDir().resolve("log"))) {
      return config;
    }
    new StorageCheckProcess(
            StorageCheckProcess.javaCommand(
                Main.class.getName(),
                List.of(
                    "check-storage",
                    "--data-dir",
                    config.dataDir().toString(),
                    "--key-file",
                    config.keyFile().toString(),
                    "--origin",
                    config.origin(),
                    "--verify-on-start",
                    config.verifyMode().name())),
            line -> System.err.println("tlog-server: " + line))
        .run(config.dataDir());
    return config.toBuilder().verifyMode(StartupVerifier.Mode.TAIL).build();
  }

  @Override
  public Integer call() throws Exception {
    // First: everything after this logs in the chosen format.
    LogSetup.configure(LogFormat.parse(logFormat));
    if (logsFile != null) {
      refusePerLogFlags();
    }
    Optional<DevCertificate> devCert =
        security.selfSigned()
            ? Optional.of(DevCertificate.loadOrCreate(dataDir.resolve("tls"), bind))
            : Optional.empty();
    ServerConfig config = config(devCert.map(DevCertificate::files), verifyMode);
    Failpoint crashAt = failpoint == null ? Failpoint.NONE : Failpoint.parse(failpoint);
    // One log's failure to start is reported as it is; a hosted log's names the log.
    List<HostedLog> logs =
        logsFile != null
            ? LogsFile.read(logsFile, config)
            : List.of(new HostedLog("default", config));
    LogHost host =
        logsFile == null
            ? LogHost.single("default", LogServer.start(checked(config), crashAt))
            : LogHost.start(logs, log -> LogServer.start(checked(log.config()), crashAt));
    StopOnSignal stop =
        StopOnSignal.install(
            "tlog-shutdown",
            () -> {
              System.err.println("tlog-server: stopping; finishing in-flight batches");
              host.close();
              System.err.println("tlog-server: stopped cleanly");
            });
    if (logsFile == null) {
      System.out.println("tlog log server");
      new Banner(System.out, "  ").print(host.logs().get(0).server(), config, devCert);
    } else {
      System.out.println("tlog log server (" + logs.size() + " logs from " + logsFile + ")");
      for (int i = 0; i < logs.size(); i++) {
        System.out.println("log " + logs.get(i).name());
        new Banner(System.out, "  ")
            .print(host.logs().get(i).server(), logs.get(i).config(), devCert);
      }
    }
    System.out.flush();
    stop.await();
    return 0;
  }

  /** With {@code --logs}, what belongs to one log is set in the file, never by a flag. */
  private void refusePerLogFlags() {
    CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
    for (String flag : PER_LOG_FLAGS) {
      if (parsed.hasMatchedOption(flag)) {
        throw new CommandLine.ParameterException(
            spec.commandLine(),
            flag
                + " sets one log's configuration; with --logs set it for each log in the logs"
                + " file (spec/scaling.md)");
      }
    }
  }
}
