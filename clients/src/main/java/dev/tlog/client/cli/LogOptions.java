package dev.tlog.client.cli;

import dev.tlog.client.LogIdentity;
import dev.tlog.client.RetryPolicy;
import dev.tlog.client.transport.ClientSecurity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Options shared by every command that talks to a log. */
final class LogOptions {
  @Option(
      names = "--grpc",
      paramLabel = "HOST:PORT",
      description = "The log's gRPC address (env TLOG_GRPC).")
  String grpc;

  @Option(
      names = "--http",
      paramLabel = "URL",
      description =
          "The log's (or a mirror's) tiles URL, e.g. http://127.0.0.1:7401/ (env TLOG_HTTP).")
  String http;

  @Option(
      names = "--vkey",
      defaultValue = "${env:TLOG_VKEY}",
      description = "The log's verifier key <name>+<hash>+<key> (env TLOG_VKEY).")
  String vkey;

  @Option(names = "--vkey-file", paramLabel = "FILE", description = "File holding the log's vkey.")
  Path vkeyFile;

  @Option(names = "--origin", description = "The log's origin (default: the vkey's name).")
  String origin;

  @Option(
      names = "--witness",
      paramLabel = "VKEY",
      description = "A witness's cosignature vkey whose cosignatures to verify (repeatable).")
  List<String> witnesses = new ArrayList<>();

  @Option(
      names = "--state-dir",
      paramLabel = "DIR",
      defaultValue = "${env:TLOG_STATE_DIR}",
      description = "Where the last verified checkpoint per log is kept (default: ~/.tlog).")
  Path stateDir;

  @Option(names = "--no-state", description = "Do not read or write the state directory.")
  boolean noState;

  @Option(
      names = "--retries",
      defaultValue = "5",
      description =
          "Attempts per request on UNAVAILABLE/RESOURCE_EXHAUSTED (default: ${DEFAULT-VALUE}).")
  int retries;

  @Option(names = "--json", description = "Print JSON instead of text.")
  boolean json;

  @Option(
      names = "--tls",
      description = "Use TLS to reach the log, trusting the system's CAs (env TLOG_TLS=1).")
  boolean tls;

  @Option(
      names = "--ca",
      paramLabel = "FILE",
      defaultValue = "${env:TLOG_CA}",
      description = "Use TLS, trusting only this PEM CA or server certificate (env TLOG_CA).")
  Path ca;

  @Option(
      names = "--cert",
      paramLabel = "FILE",
      defaultValue = "${env:TLOG_CERT}",
      description = "PEM client certificate for mTLS; needs --key (env TLOG_CERT).")
  Path cert;

  @Option(
      names = "--key",
      paramLabel = "FILE",
      defaultValue = "${env:TLOG_KEY}",
      description = "PEM PKCS#8 key of --cert (env TLOG_KEY).")
  Path key;

  @Option(
      names = "--token",
      paramLabel = "TOKEN",
      defaultValue = "${env:TLOG_TOKEN}",
      description =
          "Bearer token for a log that needs credentials (env TLOG_TOKEN; prefer it or"
              + " --token-file: arguments are visible to other users of the machine).")
  String token;

  @Option(
      names = "--token-file",
      paramLabel = "FILE",
      description = "File holding the bearer token.")
  Path tokenFile;

  /**
   * Where the log is: {@code --grpc}/{@code --http} as given; else TLOG_GRPC, else TLOG_HTTP. An
   * explicit flag always wins over the environment, so {@code --http} works with TLOG_GRPC set.
   */
  String[] location() {
    if (grpc != null && http != null) {
      throw new UsageException("give --grpc or --http, not both");
    }
    if (grpc != null || http != null) {
      return new String[] {grpc, http};
    }
    String g = System.getenv("TLOG_GRPC");
    String h = System.getenv("TLOG_HTTP");
    return g != null && !g.isBlank() ? new String[] {g, null} : new String[] {null, h};
  }

  /**
   * TLS, client certificate and token as the flags and environment say, for the log at {@code
   * target}: a gRPC {@code host:port} or a tiles URL.
   */
  ClientSecurity security(String target) {
    if (token != null && tokenFile != null) {
      throw new UsageException("give --token or --token-file, not both");
    }
    if ((cert == null) != (key == null)) {
      throw new UsageException("give both --cert and --key, or neither");
    }
    String envTls = System.getenv("TLOG_TLS");
    boolean useTls =
        tls || (envTls != null && (envTls.equals("1") || envTls.equalsIgnoreCase("true")));
    ClientSecurity s =
        new ClientSecurity(
            useTls,
            Optional.ofNullable(ca),
            Optional.ofNullable(cert),
            Optional.ofNullable(key),
            Optional.empty());
    String t = tokenFile != null ? readToken(tokenFile) : token;
    if (t == null || t.isBlank()) {
      return s;
    }
    boolean http = target.startsWith("http://") || target.startsWith("https://");
    boolean plaintext = http ? target.startsWith("http://") : !s.tls();
    String hostPort = http ? URI.create(target).getAuthority() : target;
    if (plaintext && !isLoopback(hostPort)) {
      throw new UsageException(
          "refusing to send a token in plaintext to "
              + target
              + (http ? ": use an https:// URL" : ": use --tls or --ca FILE")
              + " (tokens cross the network in the clear otherwise)");
    }
    return s.withToken(t.strip());
  }

  private static String readToken(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static boolean isLoopback(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    String host = colon > 0 ? hostPort.substring(0, colon) : hostPort;
    host = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    return host.equals("localhost") || host.startsWith("127.") || host.equals("::1");
  }

  LogIdentity identity() {
    return LogIdentity.of(readVkey(vkey, vkeyFile), origin, witnesses);
  }

  RetryPolicy retryPolicy() {
    if (retries < 1) {
      throw new UsageException("--retries must be >= 1");
    }
    return new RetryPolicy(retries, Duration.ofMillis(100), Duration.ofSeconds(2));
  }

  /** The state directory, or null with --no-state. */
  Path stateDirectory() {
    if (noState) {
      return null;
    }
    return stateDir != null ? stateDir : Path.of(System.getProperty("user.home"), ".tlog");
  }

  static String readVkey(String vkey, Path file) {
    if (vkey != null && file != null) {
      throw new UsageException("give --vkey or --vkey-file, not both");
    }
    if (file != null) {
      try {
        return Files.readString(file).strip();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
      }
    }
    if (vkey == null || vkey.isBlank()) {
      throw new UsageException(
          "the log's verifier key is required: --vkey, --vkey-file or TLOG_VKEY (get it from the"
              + " log operator, or GET <http>/vkey and compare it with a trusted copy)");
    }
    return vkey;
  }
}
