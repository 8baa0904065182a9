package dev.tlog.bench;

import dev.tlog.bench.report.ResultsFile;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code import}: figures as JSON lines on stdin (the Go peer's output), stamped with this
 * machine. Lines that do not start with {@code {} are echoed and skipped.
 */
@Command(name = "import", description = "Append JSON-line figures read from stdin.")
final class ImportCommand implements Callable<Integer> {
  @Mixin ResultsOptions options;

  @Override
  public Integer call() throws IOException {
    ResultsFile results = options.resultsFile();
    int n = 0;
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.startsWith("{")) {
        results.append(results.parse(line));
        n++;
      } else {
        System.out.println(line);
      }
    }
    return n > 0 ? 0 : 1;
  }
}
