package dev.tlog.server.api.grpc;

import java.time.Duration;

/**
 * Per-connection limits of the gRPC listener (spec/api.md, "Limits"). A connection is one client's
 * HTTP/2 session: each call is a stream on it.
 *
 * @param maxConcurrentCallsPerConnection streams one connection may have open at once (HTTP/2
 *     {@code SETTINGS_MAX_CONCURRENT_STREAMS}); a client's further calls wait in its own transport
 *     until one ends, so one connection cannot hold an unbounded number of server calls
 * @param permitKeepAliveTime the shortest interval between client keepalive pings the server
 *     accepts; a client pinging more often is sent GOAWAY ({@code ENHANCE_YOUR_CALM})
 * @param keepAliveTime how long a connection may be silent before the server pings it
 * @param keepAliveTimeout how long the server waits for that ping's answer before closing the
 *     connection, so a vanished peer does not hold its streams forever
 * @param maxConnectionIdle how long a connection with no open call is kept before GOAWAY
 */
public record GrpcLimits(
    int maxConcurrentCallsPerConnection,
    Duration permitKeepAliveTime,
    Duration keepAliveTime,
    Duration keepAliveTimeout,
    Duration maxConnectionIdle) {
  public static final int DEFAULT_MAX_CONCURRENT_CALLS_PER_CONNECTION = 256;

  public GrpcLimits {
    if (maxConcurrentCallsPerConnection < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentCallsPerConnection must be >= 1, got " + maxConcurrentCallsPerConnection);
    }
    for (Duration d :
        new Duration[] {permitKeepAliveTime, keepAliveTime, keepAliveTimeout, maxConnectionIdle}) {
      if (d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(
            "gRPC keepalive and idle durations must be > 0, got " + d);
      }
    }
  }

  /** 256 calls per connection; pings accepted every 10 s; ping after 60 s of silence. */
  public static GrpcLimits defaults() {
    return new GrpcLimits(
        DEFAULT_MAX_CONCURRENT_CALLS_PER_CONNECTION,
        Duration.ofSeconds(10),
        Duration.ofSeconds(60),
        Duration.ofSeconds(20),
        Duration.ofMinutes(30));
  }

  /** These limits with {@code n} calls per connection. */
  public GrpcLimits withMaxConcurrentCallsPerConnection(int n) {
    return new GrpcLimits(
        n, permitKeepAliveTime, keepAliveTime, keepAliveTimeout, maxConnectionIdle);
  }
}
