package dev.tlog.server.startup;

import dev.tlog.server.errors.CorruptStorageException;
import dev.tlog.server.errors.StorageException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs the storage walk of startup verification in a child JVM (same java, JVM flags and class
 * path) and turns how it ended into a verdict. LMDB has no page checksums: a damaged page can make
 * the native reader dereference a wild pointer, and a SIGSEGV in native code ends the whole JVM
 * with no Java exception to catch. In a child, that crash is an exit status the server can report
 * (spec/api.md, "Startup and shutdown").
 *
 * <p>Threading: {@link #run} blocks the calling thread until the child exits. Exceptions: {@link
 * CorruptStorageException} when the child crashed or refused the storage; {@link StorageException}
 * when it could not be started.
 */
public final class StorageCheckProcess {
  /** The check's exit code for storage that is damaged but did not crash it. */
  public static final int EXIT_CORRUPT = 4;

  /** How much of the child's output is kept for the message (its tail). */
  private static final int MAX_OUTPUT = 64 * 1024;

  private static final Pattern FATAL_SIGNAL = Pattern.compile("#\\s+(SIG[A-Z]+) \\(0x");
  private static final Map<Integer, String> SIGNALS =
      Map.of(4, "SIGILL", 6, "SIGABRT", 7, "SIGBUS", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");

  private final List<String> command;
  private final Consumer<String> progress;

  /** A check that runs {@code command} (a whole command line; see {@link #javaCommand}). */
  public StorageCheckProcess(List<String> command) {
    this(command, line -> {});
  }

  /**
   * A check that runs {@code command} and hands the child's {@link Progress} lines to {@code
   * progress} as they come.
   */
  public StorageCheckProcess(List<String> command, Consumer<String> progress) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("empty storage check command");
    }
    this.command = List.copyOf(command);
    this.progress = progress;
  }

  /**
   * The command line that runs {@code mainClass} with {@code args} on this JVM's java, JVM flags
   * (debug agents left out) and class path. A fatal-error report goes to a temporary file, not the
   * working directory, and no core dump is written: the crash is expected and reported.
   */
  public static List<String> javaCommand(String mainClass, List<String> args) {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (!a.startsWith("-agentlib:")
          && !a.startsWith("-javaagent:")
          && !a.startsWith("-Xrunjdwp")
          && !a.startsWith("-XX:ErrorFile=")) {
        cmd.add(a);
      }
    }
    cmd.add(
        "-XX:ErrorFile="
            + Path.of(System.getProperty("java.io.tmpdir"), "tlog-check-storage-hs_err-%p.log"));
    cmd.add("-XX:-CreateCoredumpOnCrash");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(mainClass);
    cmd.addAll(args);
    return cmd;
  }

  /**
   * Runs the check on {@code dataDir} and returns its output when it passed; otherwise {@link
   * CorruptStorageException} naming {@code dataDir} and how the check ended.
   */
  public String run(Path dataDir) {
    Process p;
    try {
      p = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new StorageException("cannot start the storage check: " + e.getMessage(), e);
    }
    String output;
    int exit;
    try (InputStream in = p.getInputStream()) {
      output = tail(in);
      exit = p.waitFor();
    } catch (IOException e) {
      p.destroyForcibly();
      throw new StorageException("cannot read the storage check's output: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new StorageException("interrupted while checking storage in " + dataDir, e);
    }
    if (exit == 0) {
      return output;
    }
    if (exit != EXIT_CORRUPT && exit <= 128 && !FATAL_SIGNAL.matcher(output).find()) {
      // The check could not run (the lock is held, the key is missing): not the storage's fault.
      throw new StorageException(
          "cannot check storage in "
              + dataDir
              + ": "
              + lastLine(output).replaceFirst("^tlog-server: ", ""));
    }
    throw new CorruptStorageException(
        "storage in "
            + dataDir
            + " is corrupt ("
            + howItEnded(exit, output)
            + ") — restore from a backup, see README (\"Restoring from a backup\")");
  }

  /** "the check crashed with SIGSEGV", or the check's own last line when it refused. */
  static String howItEnded(int exit, String output) {
    Matcher m = FATAL_SIGNAL.matcher(output);
    if (m.find()) {
      return "the check crashed with " + m.group(1);
    }
    if (exit > 128) {
      return "the check was ended by " + SIGNALS.getOrDefault(exit - 128, "signal " + (exit - 128));
    }
    return "the check found: " + lastLine(output).replaceFirst("^tlog-server: ", "");
  }

  private static String lastLine(String output) {
    String[] lines = output.strip().split("\n");
    return lines.length == 0 ? "" : lines[lines.length - 1].strip();
  }

  private String tail(InputStream in) throws IOException {
    StringBuilder kept = new StringBuilder();
    BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    for (String line = lines.readLine(); line != null; line = lines.readLine()) {
      if (line.startsWith(StartupVerifier.PROGRESS + ":")) {
        progress.accept(line);
      }
      kept.append(line).append('\n');
      if (kept.length() > 2 * MAX_OUTPUT) {
        kept.delete(0, kept.length() - MAX_OUTPUT);
      }
    }
    return kept.toString();
  }
}
