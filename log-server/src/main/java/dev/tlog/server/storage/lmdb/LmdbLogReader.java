package dev.tlog.server.storage.lmdb;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.proof.HashNotFoundException;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.server.errors.OutOfRangeException;
import dev.tlog.server.errors.StateMismatchException;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.StoredCheckpoint;
import dev.tlog.server.storage.TileStratum;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.lmdbjava.Dbi;
import org.lmdbjava.Txn;

/**
 * One LMDB read transaction presented as a {@link LogReader}. Values are read in place from the
 * memory map and copied out before the next lookup (LMDB reuses the value buffer).
 */
final class LmdbLogReader implements LogReader {
  private static final int PREFIX = 2;

  private final LmdbLogStorage s;
  private final Txn<ByteBuffer> txn;
  private final Runnable onClose;
  private final ByteBuffer key = Keys.allocate();
  private final long size;
  private boolean closed;

  LmdbLogReader(LmdbLogStorage storage, Txn<ByteBuffer> txn, Runnable onClose) {
    this.s = storage;
    this.txn = txn;
    this.onClose = onClose;
    this.size = Keys.readLong(storage.meta.get(txn, LmdbLogStorage.META_SIZE));
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

  private void checkRange(long start, long end, String what) {
    if (start < 0 || start > end || end > size) {
      throw new OutOfRangeException(
          what + " range [" + start + ", " + end + ") is not within [0, " + size + "]");
    }
  }

  private ByteBuffer required(Dbi<ByteBuffer> db, ByteBuffer k, String what) {
    ByteBuffer v = db.get(txn, k);
    if (v == null) {
      throw new StateMismatchException("storage is missing " + what);
    }
    return v;
  }

  private ByteBuffer bundle(long index) {
    return required(s.bundles, Keys.index(key, index), "entry bundle " + index);
  }

  @Override
  public byte[] entry(long index) {
    checkIndex(index);
    ByteBuffer b = bundle(index >>> TileMath.HEIGHT);
    int pos = skip(b, (int) (index & (TileMath.FULL_WIDTH - 1)), index);
    int len = lengthAt(b, pos, index);
    byte[] out = new byte[len];
    b.get(pos + PREFIX, out);
    return out;
  }

  @Override
  public List<byte[]> entries(long start, long end) {
    checkRange(start, end, "entry");
    List<byte[]> out = new ArrayList<>((int) Math.min(end - start, 1 << 16));
    long i = start;
    while (i < end) {
      long bundleIndex = i >>> TileMath.HEIGHT;
      ByteBuffer b = bundle(bundleIndex);
      int pos = skip(b, (int) (i & (TileMath.FULL_WIDTH - 1)), i);
      long stop = Math.min(end, (bundleIndex + 1) << TileMath.HEIGHT);
      for (; i < stop; i++) {
        int len = lengthAt(b, pos, i);
        byte[] e = new byte[len];
        b.get(pos + PREFIX, e);
        out.add(e);
        pos += PREFIX + len;
      }
    }
    return out;
  }

  /** Position in bundle {@code b} of its {@code n}-th entry. */
  private static int skip(ByteBuffer b, int n, long forIndex) {
    int pos = 0;
    for (int k = 0; k < n; k++) {
      pos += PREFIX + lengthAt(b, pos, forIndex);
    }
    return pos;
  }

  private static int lengthAt(ByteBuffer b, int pos, long forIndex) {
    if (pos + PREFIX > b.limit()) {
      throw new StateMismatchException("entry bundle holding entry " + forIndex + " is truncated");
    }
    int len = ((b.get(pos) & 0xff) << 8) | (b.get(pos + 1) & 0xff);
    if (pos + PREFIX + len > b.limit()) {
      throw new StateMismatchException("entry bundle holding entry " + forIndex + " is truncated");
    }
    return len;
  }

  @Override
  public byte[] entryBundle(long index, int width) {
    int have = TileMath.entryBundleWidthAt(index, size);
    if (width < 1 || width > have) {
      throw new OutOfRangeException(
          "entry bundle " + index + " has " + have + " entries at size " + size + ", not " + width);
    }
    ByteBuffer b = bundle(index);
    int end = width == have ? b.limit() : skip(b, width, index << TileMath.HEIGHT);
    byte[] out = new byte[end];
    b.get(0, out);
    return out;
  }

  @Override
  public byte[] hashTile(int level, long index, int width) {
    int have = TileMath.widthAt(level, index, size);
    if (width < 1 || width > have) {
      throw new OutOfRangeException(
          "tile " + level + "/" + index + " has width " + have + " at size " + size);
    }
    ByteBuffer t = tile(level, index, have);
    byte[] out = new byte[width * Hash.SIZE];
    t.get(0, out);
    return out;
  }

  @Override
  public byte[] tileStratum(int level, long index) {
    int have = TileMath.widthAt(level, index, size);
    if (have == 0) {
      throw new OutOfRangeException("tile " + level + "/" + index + " is empty at size " + size);
    }
    return Keys.bytes(tile(level, index, have));
  }

  private ByteBuffer tile(int level, long index, int width) {
    ByteBuffer t =
        required(s.tiles, Keys.tile(key, level, index), "hash tile " + level + "/" + index);
    if (t.remaining() != TileStratum.byteLength(width)) {
      throw new StateMismatchException(
          "hash tile "
              + level
              + "/"
              + index
              + " holds "
              + t.remaining()
              + " bytes, want "
              + TileStratum.byteLength(width));
    }
    return t;
  }

  @Override
  public Optional<byte[]> payloadRecord(long index) {
    checkIndex(index);
    ByteBuffer v = s.payloads.get(txn, Keys.index(key, index));
    return v == null ? Optional.empty() : Optional.of(Keys.bytes(v));
  }

  @Override
  public Hash chainHash(long index) {
    checkIndex(index);
    return chainHashes(index, index + 1).get(0);
  }

  @Override
  public List<Hash> chainHashes(long start, long end) {
    checkRange(start, end, "chain");
    List<Hash> out = new ArrayList<>((int) Math.min(end - start, 1 << 16));
    byte[] h = new byte[Hash.SIZE];
    long i = start;
    while (i < end) {
      long bundleIndex = i >>> TileMath.HEIGHT;
      ByteBuffer c = required(s.chains, Keys.index(key, bundleIndex), "chain of bundle " + i);
      long stop = Math.min(end, (bundleIndex + 1) << TileMath.HEIGHT);
      for (; i < stop; i++) {
        int off = (int) (i & (TileMath.FULL_WIDTH - 1)) * Hash.SIZE;
        if (off + Hash.SIZE > c.limit()) {
          throw new StateMismatchException("storage is missing chain hash " + i);
        }
        c.get(off, h);
        out.add(Hash.of(h));
      }
    }
    return out;
  }

  @Override
  public Hash leafHash(long index) {
    checkIndex(index);
    return readHashes(List.of(new NodeId(0, index))).get(0);
  }

  @Override
  public List<Hash> readHashes(List<NodeId> ids) {
    List<Hash> out = new ArrayList<>(ids.size());
    byte[] h = new byte[Hash.SIZE];
    for (NodeId id : ids) {
      if (!TileMath.isComplete(id, size)) {
        throw new HashNotFoundException(
            "node " + id + " is not a complete subtree of the tree of size " + size);
      }
      TileStratum.Location at = TileStratum.locate(id);
      int width = TileMath.widthAt(at.level(), at.index(), size);
      tile(at.level(), at.index(), width).get(at.byteOffset(width), h);
      out.add(Hash.of(h));
    }
    return out;
  }

  @Override
  public Optional<StoredCheckpoint> latestCheckpoint() {
    ByteBuffer v = s.meta.get(txn, LmdbLogStorage.META_CHECKPOINT);
    return v == null ? Optional.empty() : Optional.of(new StoredCheckpoint(size, Keys.bytes(v)));
  }

  @Override
  public Optional<StoredCheckpoint> cosignedCheckpoint() {
    ByteBuffer v = s.meta.get(txn, LmdbLogStorage.META_COSIGNED);
    if (v == null) {
      return Optional.empty();
    }
    byte[] all = Keys.bytes(v);
    long cosignedSize = Keys.readLong(ByteBuffer.wrap(all, 0, Long.BYTES).slice());
    return Optional.of(
        new StoredCheckpoint(cosignedSize, Arrays.copyOfRange(all, Long.BYTES, all.length)));
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
