package dev.tlog.client;

import dev.tlog.client.LogConsistencyException.Kind;
import dev.tlog.client.state.CheckpointStore;
import java.util.Optional;

/**
 * Remembers the largest verified checkpoint seen of one log (in memory and, if given, in a {@link
 * CheckpointStore}) and checks every new one against it, so a log that rolls back or forks — even
 * between two runs — is noticed. Thread-safe.
 */
public final class CheckpointTracker {
  private final VerifyingReader reader;
  private final CheckpointStore store;
  private VerifiedCheckpoint last;

  /**
   * A tracker starting from {@code store}'s checkpoint; {@code store} may be null (memory only).
   */
  public CheckpointTracker(VerifyingReader reader, CheckpointStore store) {
    this.reader = reader;
    this.store = store;
    this.last = store == null ? null : store.load(reader.verifier()).orElse(null);
  }

  public synchronized Optional<VerifiedCheckpoint> last() {
    return Optional.ofNullable(last);
  }

  /**
   * {@code cp} is the log's latest checkpoint: it must not be smaller than the last one seen
   * (ROLLBACK) and must extend it (FORK otherwise). Returns the previous checkpoint, if any.
   */
  public synchronized Optional<VerifiedCheckpoint> observeLatest(VerifiedCheckpoint cp) {
    VerifiedCheckpoint prev = last;
    if (prev != null && cp.size() < prev.size()) {
      throw new LogConsistencyException(
          Kind.ROLLBACK,
          prev.size(),
          cp.size(),
          "log rolled back: its latest checkpoint has size "
              + cp.size()
              + " (root "
              + cp.root()
              + "), but it earlier signed size "
              + prev.size()
              + " (root "
              + prev.root()
              + ")",
          null);
    }
    advance(cp);
    return Optional.ofNullable(prev);
  }

  /**
   * {@code cp} is any checkpoint of the log (e.g. from an append acknowledgement, possibly older
   * than the last seen): the smaller of the two must be a prefix of the larger.
   */
  public synchronized void observe(VerifiedCheckpoint cp) {
    if (last != null && cp.size() < last.size()) {
      checkExtends(cp, last);
    } else {
      advance(cp);
    }
  }

  private void advance(VerifiedCheckpoint cp) {
    if (last != null) {
      checkExtends(last, cp);
    }
    boolean grew = last == null || cp.size() > last.size();
    last = grew ? cp : last;
    if (grew && store != null) {
      store.save(cp);
    }
  }

  private void checkExtends(VerifiedCheckpoint older, VerifiedCheckpoint newer) {
    if (older.size() == newer.size()) {
      if (!older.sameTree(newer)) {
        throw fork(older, newer, "two different trees of size " + older.size(), null);
      }
      return;
    }
    try {
      reader.consistency(older.size(), older.root(), newer);
    } catch (VerificationException e) {
      throw fork(older, newer, e.getMessage(), e);
    }
  }

  private static LogConsistencyException fork(
      VerifiedCheckpoint older, VerifiedCheckpoint newer, String why, Throwable cause) {
    return new LogConsistencyException(
        Kind.FORK,
        older.size(),
        newer.size(),
        "log forked: checkpoint of size "
            + newer.size()
            + " (root "
            + newer.root()
            + ") does not extend the earlier checkpoint of size "
            + older.size()
            + " (root "
            + older.root()
            + "): "
            + why,
        cause);
  }
}
