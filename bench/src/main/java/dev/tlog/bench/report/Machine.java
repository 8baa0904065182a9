package dev.tlog.bench.report;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What a figure was measured on: CPUs, memory, JVM, the filesystem of the data directories, and the
 * 1-minute load average at the time (on a shared machine, a load above {@code nproc} means the
 * figure competed with other work).
 */
public record Machine(
    int nproc,
    @JsonProperty("cpu_model") String cpuModel,
    @JsonProperty("mem_total_bytes") long memTotalBytes,
    @JsonProperty("java_version") String javaVersion,
    @JsonProperty("data_fs") String dataFs,
    @JsonProperty("load_avg_1m") double loadAvg1m) {

  /** Describes this machine; {@code dataDir} is where LMDB environments are created. */
  public static Machine describe(Path dataDir) {
    return new Machine(
        Runtime.getRuntime().availableProcessors(),
        procField(Path.of("/proc/cpuinfo"), "model name"),
        memTotal(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"),
        fileSystem(dataDir),
        loadAverage());
  }

  /** This description with the load average of now. */
  public Machine withCurrentLoad() {
    return new Machine(nproc, cpuModel, memTotalBytes, javaVersion, dataFs, loadAverage());
  }

  /** The 1-minute load average when the figure was taken: above nproc, other work was running. */
  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
  }

  private static String procField(Path file, String key) {
    try {
      for (String line : Files.readAllLines(file)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
      return "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static long memTotal() {
    String kb = procField(Path.of("/proc/meminfo"), "MemTotal").replace("kB", "").trim();
    try {
      return Long.parseLong(kb) * 1024;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** {@code df -T} of {@code dir}: device, type and mount point, e.g. {@code /dev/vda ext4 /}. */
  static String fileSystem(Path dir) {
    try {
      Files.createDirectories(dir);
      Process p = new ProcessBuilder("df", "-T", dir.toString()).redirectErrorStream(true).start();
      List<String> lines = new String(p.getInputStream().readAllBytes()).lines().toList();
      p.waitFor();
      if (lines.size() < 2) {
        return "unknown";
      }
      String[] f = lines.get(lines.size() - 1).trim().split("\\s+");
      return f.length >= 7 ? f[0] + " " + f[1] + " " + f[6] : String.join(" ", f);
    } catch (IOException e) {
      throw new UncheckedIOException("df -T " + dir, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }
}
