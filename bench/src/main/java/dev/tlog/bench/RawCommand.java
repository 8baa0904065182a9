package dev.tlog.bench;

import dev.tlog.bench.raw.LmdbAppendLimit;
import dev.tlog.bench.raw.Sha256Limit;
import dev.tlog.bench.report.ResultsFile;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code raw}: durable LMDB append limits at several batch sizes, and SHA-256 of 128 bytes. */
@Command(name = "raw", description = "Measure physical limits: LMDB durable appends, SHA-256.")
final class RawCommand implements Callable<Integer> {
  @Mixin ResultsOptions options;

  @Option(names = "--seconds", defaultValue = "3", description = "Per measurement.")
  double seconds;

  @Option(names = "--entry-bytes", defaultValue = "128")
  int entryBytes;

  @Option(
      names = "--batches",
      split = ",",
      defaultValue = "1,100,1024",
      description = "Entries per committed transaction (default: ${DEFAULT-VALUE}).")
  List<Integer> batches;

  @Override
  public Integer call() {
    ResultsFile results = options.resultsFile();
    Duration d = Duration.ofMillis((long) (seconds * 1000));
    LmdbAppendLimit lmdb = new LmdbAppendLimit(options.workDir, entryBytes);
    for (int batch : batches) {
      results.append(lmdb.measure(batch, d, 20_000_000L));
    }
    results.append(new Sha256Limit().measure(d, entryBytes));
    return 0;
  }
}
