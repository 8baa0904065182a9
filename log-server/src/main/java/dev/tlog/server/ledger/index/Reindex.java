package dev.tlog.server.ledger.index;

import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

/**
 * Rebuilds a ledger index from scratch, offline ({@code tlog-server reindex}): deletes what is in
 * the index directory, indexes every stored entry in chunks, and commits once at the end. The
 * caller holds the data directory's {@link dev.tlog.server.storage.DataDirLock}, so no server feeds
 * the same index meanwhile.
 *
 * <p>Threading: runs on the caller's thread. Exceptions: storage and Lucene failures as {@link
 * dev.tlog.server.errors.StorageException}; an interrupted rebuild leaves an index that the next
 * start rebuilds or catches up.
 */
public final class Reindex {
  /** How the rebuild went: entries indexed and the time it took. */
  public record Result(long entries, long millis) {}

  private Reindex() {}

  /**
   * Rebuilds the index in {@code indexDir} from {@code storage}; {@code progress} gets the number
   * of entries indexed so far after every chunk.
   */
  public static Result run(LogStorage storage, Path indexDir, LongConsumer progress) {
    long started = System.nanoTime();
    long size;
    try (LogReader r = storage.reader()) {
      size = r.size();
    }
    try (LedgerIndex index = LedgerIndex.rebuild(indexDir, storage.origin())) {
      IndexState s = index.opened();
      while (s.covered() < size) {
        try (LogReader r = storage.reader()) {
          s = IndexFeeder.feed(r, index, s, size);
        }
        progress.accept(s.covered());
      }
      index.commit(s);
    }
    return new Result(size, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
  }
}
