package dev.tlog.bench;

import dev.tlog.bench.report.Machine;
import dev.tlog.bench.report.ResultsFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every measuring command shares: the results file and the data directory's parent. */
final class ResultsOptions {
  @Option(names = "--out", required = true, description = "Results file (JSON lines), appended to.")
  Path out;

  @Option(
      names = "--work-dir",
      defaultValue = "${java.io.tmpdir}/tlog-bench",
      description = "Where LMDB environments and server data dirs go (default: ${DEFAULT-VALUE}).")
  Path workDir;

  /** A fresh directory for one command's data, under {@code --work-dir}. */
  Path runDir(String prefix) throws IOException {
    Files.createDirectories(workDir);
    return Files.createTempDirectory(workDir, prefix);
  }

  ResultsFile resultsFile() {
    return new ResultsFile(out, Machine.describe(workDir));
  }
}
