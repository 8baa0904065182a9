package dev.tlog.runtime.http;

import java.time.Duration;

/**
 * What one HTTP client may hold of a listener: the log server's tiles listener (spec/api.md,
 * "Limits") or the witness's (spec/witness.md, "Limits"). A connection over {@code maxConnections}
 * in total, or over {@code maxConnectionsPerClient} from one IP address, is closed as soon as it is
 * accepted; a connection that sends nothing for {@code idleTimeout} is closed; a request whose
 * headers are not complete within {@code headerTimeout} of the connection opening (or of the
 * previous response ending) is closed (slowloris).
 *
 * @param maxConnections open connections in total
 * @param maxConnectionsPerClient open connections from one client IP address
 * @param idleTimeout a connection with no bytes read or written for this long is closed
 * @param headerTimeout a request line and headers must be complete within this
 * @param maxInitialLineLength longest request line, in bytes (longer: 414)
 * @param maxHeaderSize most bytes of request headers (more: 431)
 */
public record HttpLimits(
    int maxConnections,
    int maxConnectionsPerClient,
    Duration idleTimeout,
    Duration headerTimeout,
    int maxInitialLineLength,
    int maxHeaderSize) {

  public HttpLimits {
    if (maxConnections < 1) {
      throw new IllegalArgumentException("maxConnections must be >= 1, got " + maxConnections);
    }
    if (maxConnectionsPerClient < 1 || maxConnectionsPerClient > maxConnections) {
      throw new IllegalArgumentException(
          "maxConnectionsPerClient must be in [1, maxConnections = "
              + maxConnections
              + "], got "
              + maxConnectionsPerClient);
    }
    requirePositive("idleTimeout", idleTimeout);
    requirePositive("headerTimeout", headerTimeout);
    if (maxInitialLineLength < 64) {
      throw new IllegalArgumentException(
          "maxInitialLineLength must be >= 64, got " + maxInitialLineLength);
    }
    if (maxHeaderSize < 256) {
      throw new IllegalArgumentException("maxHeaderSize must be >= 256, got " + maxHeaderSize);
    }
  }

  /** The documented defaults (spec/api.md and spec/witness.md, "Limits"; the same numbers). */
  public static HttpLimits defaults() {
    return new HttpLimits(4096, 256, Duration.ofSeconds(60), Duration.ofSeconds(10), 4096, 8192);
  }

  private static void requirePositive(String name, Duration d) {
    if (d == null || d.isNegative() || d.isZero() || d.toMillis() < 1) {
      throw new IllegalArgumentException(name + " must be at least 1 ms, got " + d);
    }
  }
}
