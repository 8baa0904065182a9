package dev.tlog.client.state;

import dev.tlog.merkle.hash.TreeHasher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HexFormat;

/**
 * The files of one log in a state directory: {@code <log>.checkpoint} (last verified checkpoint
 * note), {@code <log>.audit.json} and {@code <log>.monitor.json} (audit progress), where {@code
 * <log>} is the origin with unsafe characters replaced, plus 8 hex digits of its SHA-256.
 */
public record StateDir(Path dir) {
  public Path checkpointFile(String origin) {
    return dir.resolve(base(origin) + ".checkpoint");
  }

  public Path auditFile(String origin, String purpose) {
    return dir.resolve(base(origin) + "." + purpose + ".json");
  }

  static String base(String origin) {
    String safe = origin.replaceAll("[^A-Za-z0-9._-]", "_");
    byte[] h = TreeHasher.sha256().digest(origin.getBytes(StandardCharsets.UTF_8));
    return safe + "-" + HexFormat.of().formatHex(h, 0, 4);
  }
}
