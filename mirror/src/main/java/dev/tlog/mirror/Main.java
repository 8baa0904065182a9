package dev.tlog.mirror;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import dev.tlog.mirror.verify.GrowthVerifier;
import dev.tlog.runtime.cli.HttpListenerOptions;
import dev.tlog.runtime.cli.StopOnSignal;
import dev.tlog.runtime.logging.LogFormat;
import dev.tlog.runtime.logging.LogSetup;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tlog-mirror}: follows a log through its C2SP tlog-tiles URL, verifies everything, stores
 * it in {@code --data-dir} and serves the same read API (spec/mirror.md). Exit codes: 0 after a
 * clean shutdown, 2 for bad flags (picocli's usage error), 3 when the mirror cannot start.
 */
@Command(
    name = "tlog-mirror",
    mixinStandardHelpOptions = true,
    version = "tlog-mirror 0.1.0",
    description =
        "Follows a transparency log through its tlog-tiles URL, verifies every checkpoint, tile"
            + " and entry bundle, and serves the verified copy (spec/mirror.md).")
public final class Main implements Callable<Integer> {
  /** Exit code when the mirror cannot start (data dir in use or of another log, port in use). */
  static final int EXIT_START_FAILED = 3;

  @Option(
      names = "--upstream",
      required = true,
      paramLabel = "URL",
      converter = UpstreamUrl.class,
      description =
          "The log's tlog-tiles base URL: the server's HTTP listener, a bucket, any static copy.")
  URI upstream;

  @Option(
      names = "--log-key",
      required = true,
      paramLabel = "VKEY",
      converter = LogKey.class,
      description = "The log's note verifier key; its name is the log's origin.")
  NoteVerifier logKey;

  @Option(
      names = "--data-dir",
      defaultValue = "mirror-data",
      description = "State directory: LMDB and lock file (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Option(
      names = "--poll-interval",
      defaultValue = "5s",
      converter = Interval.class,
      description =
          "Pause between polls of the upstream, e.g. 500ms, 5s, 1m (default: ${DEFAULT-VALUE}).")
  Duration pollInterval;

  @Option(
      names = "--bind",
      defaultValue = "127.0.0.1",
      description = "Address to listen on (default: ${DEFAULT-VALUE}).")
  String bind;

  @Option(
      names = "--port",
      defaultValue = "7403",
      description = "HTTP port (default: ${DEFAULT-VALUE}).")
  int port;

  @Mixin HttpListenerOptions http;

  @Option(
      names = "--log-format",
      paramLabel = "auto|json|text",
      defaultValue = "auto",
      converter = Format.class,
      description =
          "Log lines on stderr: one JSON object per line, or human text; auto (the default) is"
              + " text on a terminal, JSON otherwise.")
  LogFormat logFormat;

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The command line with the start-failure mapping; tests run it in-process. */
  static CommandLine commandLine() {
    return new CommandLine(new Main())
        .setExecutionExceptionHandler(
            (e, cmd, parsed) -> {
              cmd.getErr().println("tlog-mirror: " + e.getMessage());
              return EXIT_START_FAILED;
            });
  }

  MirrorSettings settings() {
    return new MirrorSettings(
        dataDir,
        upstream,
        logKey,
        bind,
        port,
        pollInterval,
        http.limits(),
        GrowthVerifier.DEFAULT_STEP_BYTES);
  }

  @Override
  public Integer call() throws Exception {
    LogSetup.configure(logFormat);
    MirrorSettings s = settings();
    MirrorServer server = MirrorServer.start(s);
    StopOnSignal stop = StopOnSignal.install("tlog-mirror-shutdown", server::close);
    System.out.println("tlog mirror");
    System.out.println("  HTTP:     http://" + bind + ":" + server.port() + "/checkpoint");
    System.out.println("  origin:   " + s.origin());
    System.out.println("  upstream: " + upstream);
    System.out.println("  mirrored: " + server.status().servedSize() + " entries");
    System.out.flush();
    stop.await();
    return 0;
  }

  /** {@code --log-format}: a bad value is a usage error, like every other flag. */
  static final class Format implements CommandLine.ITypeConverter<LogFormat> {
    @Override
    public LogFormat convert(String value) {
      try {
        return LogFormat.parse(value);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException(e.getMessage());
      }
    }
  }

  /** {@code --upstream}: an absolute http or https URL. */
  static final class UpstreamUrl implements CommandLine.ITypeConverter<URI> {
    @Override
    public URI convert(String value) {
      try {
        URI u = new URI(value);
        String scheme = u.getScheme();
        if (!"http".equalsIgnoreCase(scheme) && !"https".equalsIgnoreCase(scheme)
            || u.getHost() == null) {
          throw new CommandLine.TypeConversionException(
              "want an absolute http:// or https:// URL, got '" + value + "'");
        }
        return u;
      } catch (URISyntaxException e) {
        throw new CommandLine.TypeConversionException("not a URL: " + e.getMessage());
      }
    }
  }

  /** {@code --log-key}: a note verifier key, {@code <name>+<hash>+<key>}. */
  static final class LogKey implements CommandLine.ITypeConverter<NoteVerifier> {
    @Override
    public NoteVerifier convert(String value) {
      try {
        return VerifierKeys.parse(value.strip());
      } catch (MerkleException | IllegalArgumentException e) {
        throw new CommandLine.TypeConversionException("not a verifier key: " + e.getMessage());
      }
    }
  }

  /** {@code --poll-interval}: {@code <n>ms}, {@code <n>s}, {@code <n>m} or ISO-8601 (PT5S). */
  static final class Interval implements CommandLine.ITypeConverter<Duration> {
    private static final Pattern SIMPLE = Pattern.compile("([0-9]{1,9})(ms|s|m)");

    @Override
    public Duration convert(String value) {
      Matcher m = SIMPLE.matcher(value);
      Duration d;
      if (m.matches()) {
        long n = Long.parseLong(m.group(1));
        d =
            switch (m.group(2)) {
              case "ms" -> Duration.ofMillis(n);
              case "s" -> Duration.ofSeconds(n);
              default -> Duration.ofMinutes(n);
            };
      } else {
        try {
          d = Duration.parse(value);
        } catch (DateTimeParseException e) {
          throw new CommandLine.TypeConversionException(
              "want a duration such as 500ms, 5s or 1m, got '" + value + "'");
        }
      }
      if (d.isNegative() || d.isZero()) {
        throw new CommandLine.TypeConversionException("poll interval must be positive: " + value);
      }
      return d;
    }
  }
}
