package dev.tlog.server;

import dev.tlog.server.errors.WrongModeException;
import dev.tlog.server.ledger.Ledger;
import dev.tlog.server.ledger.index.Reindex;
import dev.tlog.server.storage.DataDirLock;
import dev.tlog.server.storage.LogMode;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tlog-server reindex --data-dir D}: rebuilds a ledger log's derived index ({@code
 * D/index/}) from the log, offline, printing progress. Refuses while a server (or another reindex)
 * holds the data directory, and for opaque logs.
 */
@Command(
    name = "reindex",
    mixinStandardHelpOptions = true,
    version = "tlog-server 0.1.0",
    description =
        "Rebuilds a ledger log's index (<data-dir>/index/) from the log. The server must be"
            + " stopped; a running server catches its index up by itself.")
final class ReindexCommand implements Callable<Integer> {
  /** Exit code when there is no log to reindex. */
  static final int EXIT_NO_LOG = 2;

  @Option(
      names = "--data-dir",
      defaultValue = "data",
      description = "Data directory of the log (default: ${DEFAULT-VALUE}).")
  Path dataDir;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    Path logDir = dataDir.resolve("log");
    if (!Files.exists(logDir.resolve("data.mdb"))) {
      spec.commandLine().getErr().println("tlog-server reindex: no log in " + logDir);
      return EXIT_NO_LOG;
    }
    try (DataDirLock lock = DataDirLock.acquire(dataDir);
        LmdbLogStorage storage = LmdbLogStorage.open(logDir, null, null, 1L << 30)) {
      if (storage.mode() != LogMode.LEDGER) {
        throw new WrongModeException(
            dataDir + " holds an opaque log; only ledger logs have an index");
      }
      long size;
      try (LogReader r = storage.reader()) {
        size = r.size();
      }
      Path indexDir = dataDir.resolve(Ledger.INDEX_DIR);
      out.println("reindexing " + storage.origin() + ": " + size + " entries into " + indexDir);
      out.flush();
      Progress progress = new Progress(out, size);
      Reindex.Result r = Reindex.run(storage, indexDir, progress::report);
      out.printf("done: %d entries indexed in %.1f s%n", r.entries(), r.millis() / 1000.0);
      out.flush();
      return 0;
    }
  }

  /** Prints how far the rebuild got, at most once a second. */
  private static final class Progress {
    private final PrintWriter out;
    private final long total;
    private long lastPrinted = System.nanoTime();

    Progress(PrintWriter out, long total) {
      this.out = out;
      this.total = total;
    }

    void report(long done) {
      long now = System.nanoTime();
      if (now - lastPrinted >= 1_000_000_000L || done == total) {
        lastPrinted = now;
        out.printf(
            "  %d / %d entries (%d%%)%n", done, total, total == 0 ? 100 : done * 100 / total);
        out.flush();
      }
    }
  }
}
