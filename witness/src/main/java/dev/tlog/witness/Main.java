package dev.tlog.witness;

import dev.tlog.runtime.cli.HttpListenerOptions;
import dev.tlog.runtime.cli.StopOnSignal;
import dev.tlog.runtime.logging.LogFormat;
import dev.tlog.runtime.logging.LogSetup;
import dev.tlog.witness.config.WitnessConfig;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tlog-witness}: a C2SP tlog-witness server. State (key, LMDB, fork evidence) lives in
 * {@code --data-dir}; the witnessed logs and peers come from the JSON {@code --config} file.
 */
@Command(
    name = "tlog-witness",
    mixinStandardHelpOptions = true,
    version = "tlog-witness 0.1.0",
    subcommands = VerifyEvidenceCommand.class,
    description = "Cosigns append-only checkpoints of the configured logs (C2SP tlog-witness).")
public final class Main implements Callable<Integer> {
  /** Exit code when the witness cannot start (bad config, key or state, port in use). */
  static final int EXIT_START_FAILED = 3;

  @Option(
      names = "--data-dir",
      defaultValue = "witness-data",
      description = "State directory: key, LMDB, fork evidence (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--config",
      description = "JSON file of logs and peers (default: <data-dir>/witness.json).")
  Path config;

  @Option(
      names = "--name",
      description =
          "Cosigner key name, used when the key is generated (default: <hostname>/witness);"
              + " must match an existing key.")
  String name;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--port",
      defaultValue = "7402",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Option(
      names = "--cross-check-seconds",
      defaultValue = "300",
      description =
          "Seconds between cross-checks with peers; 0 disables (default: ${DEFAULT-VALUE}).")
  long crossCheckSeconds;

  @Mixin HttpListenerOptions http;

  @Option(
      names = "--log-format",
      paramLabel = "auto|json|text",
      defaultValue = "auto",
      description =
          "Log lines on stderr: one JSON object per line, or human text; auto (the default) is"
              + " text on a terminal, JSON otherwise.")
  String logFormat;

  public static void main(String[] args) {
    CommandLine cli =
        new CommandLine(new Main())
            .setExecutionExceptionHandler(
                (e, cmd, parsed) -> {
                  cmd.getErr().println("tlog-witness: " + e.getMessage());
                  return EXIT_START_FAILED;
                });
    System.exit(cli.execute(args));
  }

  WitnessSettings settings() {
    Path configFile = config != null ? config : dataDir.resolve("witness.json");
    boolean haveKey = dataDir.resolve("witness.key").toFile().exists();
    String keyName = name != null ? name : haveKey ? null : defaultName();
    return new WitnessSettings(
        dataDir,
        WitnessConfig.load(configFile),
        keyName,
        bind,
        port,
        Duration.ofSeconds(crossCheckSeconds),
        Clock.systemUTC(),
        http.limits());
  }

  /** {@code <hostname>/witness}, or {@code localhost/witness} when the host name is unknown. */
  static String defaultName() {
    try {
      return InetAddress.getLocalHost().getHostName() + "/witness";
    } catch (UnknownHostException e) {
      return "localhost/witness";
    }
  }

  @Override
  public Integer call() throws Exception {
    // First: everything after this logs in the chosen format.
    LogSetup.configure(LogFormat.parse(logFormat));
    WitnessSettings s = settings();
    WitnessServer server = WitnessServer.start(s);
    StopOnSignal stop = StopOnSignal.install("tlog-witness-shutdown", server::close);
    System.out.println("tlog witness");
    System.out.println("  verifier key: " + server.verifierKey());
    System.out.println("  HTTP:         http://" + bind + ":" + server.port() + "/add-checkpoint");
    for (String origin : s.config().logs().keySet()) {
      System.out.println("  witnessing:   " + origin);
    }
    System.out.println("  peers:        " + s.config().peers().size());
    System.out.flush();
    stop.await();
    return 0;
  }
}
