package dev.tlog.bench;

import dev.tlog.bench.report.Machine;
import dev.tlog.bench.report.PublishSummary;
import dev.tlog.bench.report.ResultsFile;
import dev.tlog.bench.report.ResultsTable;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code table}: prints a results file as an aligned table, with the machine it came from. */
@Command(name = "table", description = "Print a results file as a table.")
final class TableCommand implements Callable<Integer> {
  @Option(names = "--in", required = true)
  Path in;

  @Override
  public Integer call() {
    var figures = ResultsFile.read(in);
    if (figures.isEmpty()) {
      System.err.println("no figures in " + in);
      return 1;
    }
    Machine m = figures.get(0).machine();
    if (m != null) {
      System.out.printf(
          "machine: %d CPUs (%s), %d MiB RAM, %s, data on %s%n",
          m.nproc(), m.cpuModel(), m.memTotalBytes() >> 20, m.javaVersion(), m.dataFs());
    }
    new ResultsTable(figures).print(System.out);
    new PublishSummary(figures).print(System.out);
    return 0;
  }
}
