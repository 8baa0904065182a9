package dev.tlog.bench;

import dev.tlog.bench.micro.JmhImport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code jmh-import}: JMH's JSON results into the results file. */
@Command(name = "jmh-import", description = "Append JMH JSON results (-rf json) as figures.")
final class JmhImportCommand implements Callable<Integer> {
  @Mixin ResultsOptions options;

  @Option(names = "--jmh-json", required = true)
  Path jmhJson;

  @Override
  public Integer call() {
    int n = new JmhImport(options.resultsFile()).importFile(jmhJson);
    return n > 0 ? 0 : 1;
  }
}
