package dev.tlog.server.storage.lmdb;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.proof.HashNotFoundException;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.StoredCheckpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.lmdbjava.Cursor;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/** One LMDB read transaction presented as a {@link LogReader}. */
final class LmdbLogReader implements LogReader {
  private final LmdbLogStorage s;
  private final Txn<byte[]> txn;
  private final Runnable onClose;
  private final long size;
  private boolean closed;

  LmdbLogReader(LmdbLogStorage storage, Txn<byte[]> txn, Runnable onClose) {
    this.s = storage;
    this.txn = txn;
    this.onClose = onClose;
    this.size = Keys.index(storage.meta.get(txn, LmdbLogStorage.META_SIZE));
  }

  @Override
  public long size() {
    return size;
  }

  private void checkIndex(long index) {
    if (index < 0 || index >= size) {
      throw new OutOfRangeException("index " + index + " is not in [0, " + size + ")");
    }
  }

  private byte[] required(Dbi<byte[]> db, byte[] key, String what) {
    byte[] v = db.get(txn, key);
    if (v == null) {
      throw new StateMismatchException("storage is missing " + what);
    }
    return v;
  }

  @Override
  public byte[] entry(long index) {
    checkIndex(index);
    return required(s.entries, Keys.index(index), "entry " + index);
  }

  @Override
  public List<byte[]> entries(long start, long end) {
    if (start < 0 || start > end || end > size) {
      throw new OutOfRangeException(
          "entry range [" + start + ", " + end + ") is not within [0, " + size + "]");
    }
    List<byte[]> out = new ArrayList<>((int) Math.min(end - start, 1 << 16));
    for (long i = start; i < end; i++) {
      out.add(required(s.entries, Keys.index(i), "entry " + i));
    }
    return out;
  }

  @Override
  public Hash chainHash(long index) {
    checkIndex(index);
    return Hash.of(required(s.chain, Keys.index(index), "chain hash " + index));
  }

  @Override
  public OptionalLong indexOf(Hash leafHash) {
    byte[] v = s.leaves.get(txn, leafHash.bytes());
    if (v == null) {
      return OptionalLong.empty();
    }
    long index = Keys.index(v);
    return index < size ? OptionalLong.of(index) : OptionalLong.empty();
  }

  @Override
  public List<Hash> readHashes(List<NodeId> ids) {
    List<Hash> out = new ArrayList<>(ids.size());
    for (NodeId id : ids) {
      if (id.endLeaf() > size || id.endLeaf() <= 0) {
        throw new HashNotFoundException(
            "node " + id + " is not a complete subtree of the tree of size " + size);
      }
      byte[] v = s.nodes.get(txn, Keys.node(id));
      if (v == null) {
        throw new StateMismatchException("storage is missing node hash " + id);
      }
      out.add(Hash.of(v));
    }
    return out;
  }

  @Override
  public List<Hash> nodeRow(int level, long start, int count) {
    List<NodeId> ids = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      ids.add(new NodeId(level, start + i));
    }
    return readHashes(ids);
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    try (Cursor<byte[]> c = s.checkpoints.openCursor(txn)) {
      if (!c.last()) {
        return Optional.empty();
      }
      return Optional.of(new StoredCheckpoint(Keys.index(c.key()), c.val()));
    }
  }

  @Override
  public Optional<StoredCheckpoint> checkpoint(long treeSize) {
    byte[] v = s.checkpoints.get(txn, Keys.index(treeSize));
    return v == null ? Optional.empty() : Optional.of(new StoredCheckpoint(treeSize, v));
  }

  @Override
  public Optional<StoredCheckpoint> cosignedCheckpoint() {
    byte[] v = s.meta.get(txn, LmdbLogStorage.META_COSIGNED);
    if (v == null) {
      return Optional.empty();
    }
    byte[] note = java.util.Arrays.copyOfRange(v, Long.BYTES, v.length);
    return Optional.of(
        new StoredCheckpoint(Keys.index(java.util.Arrays.copyOf(v, Long.BYTES)), note));
  }

  @Override
  public void close() {
    if (!closed) {
      closed = true;
      try {
        txn.close();
      } finally {
        onClose.run();
      }
    }
  }
}
