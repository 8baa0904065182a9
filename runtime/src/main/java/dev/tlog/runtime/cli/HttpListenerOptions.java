package dev.tlog.runtime.cli;

import dev.tlog.runtime.http.HttpLimits;
import java.time.Duration;
import picocli.CommandLine.Option;

/**
 * The command-line flags of an HTTP listener's connection limits, shared by the log server and the
 * witness as a picocli mixin ({@code @Mixin HttpListenerOptions http;}).
 */
public final class HttpListenerOptions {
  @Option(
      names = "--http-max-connections",
      defaultValue = "4096",
      description =
          "Most open HTTP connections; extras are closed when accepted (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(
      names = "--http-max-connections-per-client",
      defaultValue = "256",
      description =
          "Most open HTTP connections from one client IP address (default: ${DEFAULT-VALUE}).")
  int maxConnectionsPerClient;

  @Option(
      names = "--http-idle-timeout",
      defaultValue = "PT60S",
      description =
          "An HTTP connection with no bytes read or written for this long is closed, ISO-8601"
              + " duration (default: ${DEFAULT-VALUE}).")
  Duration idleTimeout;

  @Option(
      names = "--http-header-timeout",
      defaultValue = "PT10S",
      description =
          "An HTTP request's headers must be complete this long after the connection opens or the"
              + " previous response ends, else the connection is closed (default: ${DEFAULT-VALUE}).")
  Duration headerTimeout;

  /** The limits these flags give, with the fixed request-line and header sizes. */
  public HttpLimits limits() {
    HttpLimits d = HttpLimits.defaults();
    return new HttpLimits(
        maxConnections,
        maxConnectionsPerClient,
        idleTimeout,
        headerTimeout,
        d.maxInitialLineLength(),
        d.maxHeaderSize());
  }
}
