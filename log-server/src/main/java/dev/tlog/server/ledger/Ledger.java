package dev.tlog.server.ledger;

import dev.tlog.server.checkpoint.CheckpointFeed;
import dev.tlog.server.ledger.index.Indexer;
import dev.tlog.server.ledger.index.LedgerIndex;
import dev.tlog.server.ledger.query.EventQueries;
import dev.tlog.server.ledger.query.PayloadReads;
import dev.tlog.server.ledger.query.WindowFinder;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.LogStorage;
import java.nio.file.Path;

/**
 * A ledger log's query side, wired: the derived {@link LedgerIndex} in {@code <data-dir>/index/},
 * the {@link Indexer} that makes it follow the signed checkpoints, and the read services built on
 * them. The caller owns the data directory ({@link dev.tlog.server.storage.DataDirLock}).
 */
public final class Ledger implements AutoCloseable {
  /** The index directory inside the data directory. */
  public static final String INDEX_DIR = "index";

  private final LedgerIndex index;
  private final Indexer indexer;
  private final EventQueries queries;
  private final WindowFinder windows;
  private final PayloadReads payloads;

  private Ledger(LedgerIndex index, LogStorage storage, CheckpointFeed signed) {
    this.index = index;
    this.queries = new EventQueries(index, storage, signed, EventQueries.WAIT_MILLIS);
    this.windows = new WindowFinder(index, storage, signed, EventQueries.WAIT_MILLIS);
    this.payloads = new PayloadReads(storage, signed);
    this.indexer = Indexer.start(index, storage, signed);
  }

  /**
   * Opens or rebuilds the index in {@code dataDir} and starts following {@code signed}. Catching up
   * runs in the background: queries say how much they cover.
   */
  public static Ledger start(Path dataDir, LogStorage storage, CheckpointFeed signed) {
    LedgerIndex index;
    try (LogReader r = storage.reader()) {
      index = LedgerIndex.open(dataDir.resolve(INDEX_DIR), storage.origin(), r);
    }
    try {
      return new Ledger(index, storage, signed);
    } catch (RuntimeException e) {
      index.close();
      throw e;
    }
  }

  public EventQueries queries() {
    return queries;
  }

  public WindowFinder windows() {
    return windows;
  }

  /** How many entries of the log searches cover now. */
  public long indexCovered() {
    return index.searchable().covered();
  }

  public PayloadReads payloads() {
    return payloads;
  }

  /** Stops the indexer (it commits what it indexed) and closes the index. */
  @Override
  public void close() {
    indexer.close();
    index.close();
  }
}
