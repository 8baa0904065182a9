package dev.tlog.server.ledger.index;

import dev.tlog.ledger.query.EventFields;
import dev.tlog.ledger.query.FilterQueries;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.server.errors.StorageException;
import dev.tlog.server.storage.LogReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.apache.lucene.document.Document;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.IOUtils;

/**
 * The ledger's derived Lucene index in one directory ({@code <data-dir>/index/}): documents of
 * {@link dev.tlog.ledger.query.EventDocuments}, sorted by log index, searchable in near real time,
 * each commit carrying the {@link IndexState} it covers. It never decides what is true: an index
 * that is missing, unreadable, of another format or log, or ahead of the log is rebuilt from
 * scratch when opened, and one that is behind is caught up by whoever feeds it.
 *
 * <p>Threading: one thread (the indexer, or the offline reindex) calls {@link #add}, {@link
 * #publish} and {@link #commit}; any thread calls {@link #view} and {@link #awaitCovered}. Lucene
 * I/O failures become {@link StorageException}.
 */
public final class LedgerIndex implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger(LedgerIndex.class.getName());

  private final FSDirectory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final IndexState opened;
  private final Object coverage = new Object();
  private volatile IndexState searchable;

  private LedgerIndex(FSDirectory directory, IndexWriter writer, IndexState state)
      throws IOException {
    this.directory = directory;
    this.writer = writer;
    this.searchers = new SearcherManager(writer, new SearcherFactory());
    this.opened = state;
    this.searchable = state;
  }

  /**
   * Opens the index in {@code dir} for the log {@code origin} read through {@code log}, or creates
   * it empty (with a log line saying why) when it cannot be continued.
   */
  public static LedgerIndex open(Path dir, String origin, LogReader log) {
    Existing found = existing(dir, origin, log);
    String problem = found.problem();
    if (problem == null) {
      try {
        return create(dir, found.state(), IndexWriterConfig.OpenMode.APPEND);
      } catch (IOException | RuntimeException e) {
        problem = "it cannot be opened for writing (" + e + ")";
      }
    }
    LOG.log(
        problem.equals(NONE) ? System.Logger.Level.INFO : System.Logger.Level.WARNING,
        "ledger index in " + dir + ": " + problem + "; rebuilding it from the log");
    return rebuild(dir, origin);
  }

  /** Deletes whatever is in {@code dir} and creates an empty index of log {@code origin}. */
  public static LedgerIndex rebuild(Path dir, String origin) {
    try {
      wipe(dir);
      return create(dir, IndexState.empty(origin), IndexWriterConfig.OpenMode.CREATE);
    } catch (IOException e) {
      throw new StorageException("cannot create the ledger index in " + dir + ": " + e, e);
    }
  }

  private static final String NONE = "there is none";

  /** What is in an index directory: a state to continue from, or why it cannot be continued. */
  private record Existing(IndexState state, String problem) {
    static Existing unusable(String problem) {
      return new Existing(null, problem);
    }
  }

  private static Existing existing(Path dir, String origin, LogReader log) {
    IndexState s;
    try (FSDirectory d = FSDirectory.open(dir)) {
      if (!DirectoryReader.indexExists(d)) {
        return Existing.unusable(NONE);
      }
      s = IndexState.fromUserData(SegmentInfos.readLatestCommit(d).getUserData());
    } catch (IllegalArgumentException e) {
      return Existing.unusable(e.getMessage());
    } catch (IOException | RuntimeException e) {
      return Existing.unusable("it is unreadable (" + e + ")");
    }
    if (!s.origin().equals(origin)) {
      return Existing.unusable(
          "it was built for origin \"" + s.origin() + "\", this log is \"" + origin + "\"");
    }
    if (s.covered() > log.size()) {
      return Existing.unusable(
          "it covers " + s.covered() + " entries but the log holds " + log.size());
    }
    Hash head = s.covered() == 0 ? Hash.ZERO : log.chainHash(s.covered() - 1);
    if (!head.equals(s.chainHead())) {
      return Existing.unusable(
          "it was built from another log: chain hash at "
              + (s.covered() - 1)
              + " is "
              + s.chainHead()
              + " in the index, "
              + head
              + " in the log");
    }
    return new Existing(s, null);
  }

  private static LedgerIndex create(Path dir, IndexState state, IndexWriterConfig.OpenMode mode)
      throws IOException {
    Files.createDirectories(dir);
    FSDirectory d = FSDirectory.open(dir);
    IndexWriter w = null;
    try {
      IndexWriterConfig c = new IndexWriterConfig(FilterQueries.analyzer());
      c.setOpenMode(mode);
      c.setIndexSort(new Sort(new SortField(EventFields.INDEX, SortField.Type.LONG)));
      c.setCommitOnClose(false);
      c.setRAMBufferSizeMB(64);
      w = new IndexWriter(d, c);
      if (mode == IndexWriterConfig.OpenMode.CREATE) {
        w.setLiveCommitData(state.toUserData().entrySet());
        w.commit();
      }
      return new LedgerIndex(d, w, state);
    } catch (IOException | RuntimeException e) {
      if (w != null) {
        IOUtils.closeWhileHandlingException(w::rollback);
      }
      IOUtils.closeWhileHandlingException(d);
      throw e;
    }
  }

  private static void wipe(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  /** What the index held when it was opened: indexing continues from here. */
  public IndexState opened() {
    return opened;
  }

  /** What searches see now. */
  public IndexState searchable() {
    return searchable;
  }

  /** Adds documents (the feeding thread only). */
  void add(List<Document> docs) {
    try {
      writer.addDocuments(docs);
    } catch (IOException e) {
      throw new StorageException("ledger index: cannot add documents: " + e, e);
    }
  }

  /** Makes everything added so far searchable; {@code state} must describe exactly that. */
  void publish(IndexState state) {
    try {
      searchers.maybeRefreshBlocking();
    } catch (IOException e) {
      throw new StorageException("ledger index: cannot refresh: " + e, e);
    }
    synchronized (coverage) {
      searchable = state;
      coverage.notifyAll();
    }
  }

  /** Durably commits everything added so far, recording {@code state}. */
  void commit(IndexState state) {
    try {
      writer.setLiveCommitData(state.toUserData().entrySet());
      writer.commit();
    } catch (IOException e) {
      throw new StorageException("ledger index: cannot commit: " + e, e);
    }
  }

  /**
   * Waits until searches cover at least {@code size} entries or {@code timeoutMillis} passed;
   * returns the size they cover.
   */
  public long awaitCovered(long size, long timeoutMillis) {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
    synchronized (coverage) {
      while (searchable.covered() < size) {
        long left = (deadline - System.nanoTime()) / 1_000_000L;
        if (left <= 0) {
          break;
        }
        try {
          coverage.wait(left);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return searchable.covered();
    }
  }

  /** A searcher and the log size it covers at least; close it promptly. */
  public View view() {
    // Covered first, searcher second: a refresh between the two only makes the view see more.
    long covered = searchable.covered();
    try {
      return new View(searchers.acquire(), covered);
    } catch (IOException e) {
      throw new StorageException("ledger index: cannot open a searcher: " + e, e);
    }
  }

  /** One point-in-time searcher; hits at indexes {@code >= covered} must be ignored. */
  public final class View implements AutoCloseable {
    private final IndexSearcher searcher;
    private final long covered;

    private View(IndexSearcher searcher, long covered) {
      this.searcher = searcher;
      this.covered = covered;
    }

    public IndexSearcher searcher() {
      return searcher;
    }

    /** Log entries {@code [0, covered)} are all in this view. */
    public long covered() {
      return covered;
    }

    @Override
    public void close() {
      try {
        searchers.release(searcher);
      } catch (IOException e) {
        LOG.log(System.Logger.Level.WARNING, "ledger index: releasing a searcher failed", e);
      }
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      LOG.log(System.Logger.Level.WARNING, "ledger index: error while closing", e);
    }
  }
}
