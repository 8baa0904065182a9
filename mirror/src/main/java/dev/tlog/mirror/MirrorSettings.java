package dev.tlog.mirror;

import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.runtime.http.HttpLimits;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything a mirror is started with.
 *
 * @param dataDir state directory (LMDB, lock file)
 * @param upstream the log's tlog-tiles base URL
 * @param logKey the log's note verifier; its name is the log's origin
 * @param bind address to listen on
 * @param port HTTP port, 0 for any free one
 * @param pollInterval pause between the end of one poll and the start of the next
 * @param limits HTTP connection limits
 * @param stepBytes verified bytes held in memory at most while catching up
 */
public record MirrorSettings(
    Path dataDir,
    URI upstream,
    NoteVerifier logKey,
    String bind,
    int port,
    Duration pollInterval,
    HttpLimits limits,
    long stepBytes) {
  public MirrorSettings {
    Objects.requireNonNull(dataDir, "dataDir");
    Objects.requireNonNull(upstream, "upstream");
    Objects.requireNonNull(logKey, "logKey");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(limits, "limits");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be in [0, 65535], got " + port);
    }
    if (pollInterval.isNegative() || pollInterval.isZero()) {
      throw new IllegalArgumentException("poll interval must be positive, got " + pollInterval);
    }
    if (stepBytes < 1) {
      throw new IllegalArgumentException("step must be >= 1 byte, got " + stepBytes);
    }
  }

  /** The log's origin: the name of its key. */
  public String origin() {
    return logKey.name();
  }
}
