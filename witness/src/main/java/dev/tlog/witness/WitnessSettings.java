package dev.tlog.witness;

import dev.tlog.runtime.http.HttpLimits;
import dev.tlog.witness.config.WitnessConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a witness needs to start. {@code name} is the cosigner key name used when the key is
 * first generated (null: use the existing key's name); a {@code crossCheckInterval} of zero turns
 * periodic cross-checking off. {@code http} holds the listener's connection limits and timeouts
 * (spec/witness.md, "Limits"); {@link #defaults} takes {@link HttpLimits#defaults()}.
 */
public record WitnessSettings(
    Path dataDir,
    WitnessConfig config,
    String name,
    String bind,
    int port,
    Duration crossCheckInterval,
    Clock clock,
    HttpLimits http) {
  public WitnessSettings {
    Objects.requireNonNull(http, "http");
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(crossCheckInterval, "crossCheckInterval");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
  }

  /** Settings with the default HTTP limits. */
  public static WitnessSettings defaults(
      Path dataDir,
      WitnessConfig config,
      String name,
      String bind,
      int port,
      Duration crossCheckInterval,
      Clock clock) {
    return new WitnessSettings(
        dataDir, config, name, bind, port, crossCheckInterval, clock, HttpLimits.defaults());
  }

  /** These settings with {@code http} as the listener's limits. */
  public WitnessSettings withHttpLimits(HttpLimits http) {
    return new WitnessSettings(dataDir, config, name, bind, port, crossCheckInterval, clock, http);
  }

  /** {@code <data-dir>/witness.key}: the cosigner's private key. */
  public Path keyFile() {
    return dataDir.resolve("witness.key");
  }
}
