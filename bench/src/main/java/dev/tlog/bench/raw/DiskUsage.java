package dev.tlog.bench.raw;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * Bytes a directory really occupies on disk ({@code du -s -B1}: allocated blocks, so LMDB's sparse
 * map file counts only the pages written).
 */
public final class DiskUsage {
  private DiskUsage() {}

  /** Allocated bytes under {@code dir}. */
  public static long of(Path dir) {
    try {
      Process p = new ProcessBuilder("du", "-s", "-B1", dir.toString()).start();
      String out = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() != 0 || out.isEmpty()) {
        throw new UncheckedIOException(new IOException("du -s -B1 " + dir + " failed"));
      }
      return Long.parseLong(out.split("\\s+")[0]);
    } catch (IOException e) {
      throw new UncheckedIOException("du -s -B1 " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running du", e);
    }
  }
}
