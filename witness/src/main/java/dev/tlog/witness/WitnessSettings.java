package dev.tlog.witness;

import dev.tlog.witness.config.WitnessConfig;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a witness needs to start. {@code name} is the cosigner key name used when the key is
 * first generated (null: use the existing key's name); a {@code crossCheckInterval} of zero turns
 * periodic cross-checking off.
 */
public record WitnessSettings(
    Path dataDir,
    WitnessConfig config,
    String name,
    String bind,
    int port,
    Duration crossCheckInterval,
    Clock clock) {
  public WitnessSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(crossCheckInterval, "crossCheckInterval");
    Objects.requireNonNull(clock, "clock");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
  }

  /** {@code <data-dir>/witness.key}: the cosigner's private key. */
  public Path keyFile() {
    return dataDir.resolve("witness.key");
  }
}
