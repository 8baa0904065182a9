package dev.tlog.witness.testing;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.note.Ed25519NoteVerifier;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.proof.HashReader;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.HashTiles;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.merkle.tile.TileNotFoundException;
import dev.tlog.merkle.witness.AddCheckpointRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A real log in memory: a Merkle tree in a {@link MemoryHashStore} and an Ed25519 key that signs
 * its checkpoints. Two instances made with the same seed are the same log key signing two histories
 * (a forking log). Synchronized: tile servers read it from other threads.
 */
public final class TestLog {
  private final String origin;
  private final String keyName;
  private final byte seed;
  private final Ed25519NoteSigner signer;
  private final MemoryHashStore store = new MemoryHashStore();
  private final List<Hash> leaves = new ArrayList<>();

  public TestLog(String origin, int seed) {
    this(origin, origin, seed);
  }

  /** A log whose key name differs from its origin (as sum.golang.org's does). */
  public TestLog(String origin, String keyName, int seed) {
    this.origin = origin;
    this.keyName = keyName;
    this.seed = (byte) seed;
    byte[] s = new byte[32];
    Arrays.fill(s, this.seed);
    this.signer = new Ed25519NoteSigner(keyName, s);
  }

  public String origin() {
    return origin;
  }

  /** Another history signed by the same key, sharing this log's first {@code prefix} leaves. */
  public synchronized TestLog fork(long prefix) {
    TestLog other = new TestLog(origin, keyName, seed);
    for (int i = 0; i < prefix; i++) {
      other.appendLeaf(leaves.get(i));
    }
    return other;
  }

  /** Appends {@code n} entries named {@code tag-<index>}. */
  public synchronized TestLog append(int n, String tag) {
    for (int i = 0; i < n; i++) {
      byte[] entry = (tag + "-" + store.size()).getBytes(StandardCharsets.UTF_8);
      appendLeaf(TreeHasher.leafHash(entry));
    }
    return this;
  }

  private void appendLeaf(Hash leaf) {
    leaves.add(leaf);
    store.append(leaf);
  }

  public synchronized long size() {
    return store.size();
  }

  public synchronized Hash root() {
    return store.root();
  }

  /** The signed checkpoint of the current size, with optional extension lines. */
  public synchronized Note checkpoint(String... extensions) {
    return Checkpoints.sign(
        new Checkpoint(origin, store.size(), store.root(), List.of(extensions)), signer);
  }

  /** The RFC 9162 consistency proof from {@code old} to the current size. */
  public synchronized List<Hash> proof(long old) {
    return Proofs.proveConsistency(old, store.size(), store).hashes();
  }

  /** An add-checkpoint body from {@code old} to the current size. */
  public synchronized byte[] body(long old) {
    return new AddCheckpointRequest(old, proof(old), checkpoint()).toBytes();
  }

  /** A reader over this log's tree (for building proofs at any size up to the current one). */
  public HashReader reader() {
    return ids -> {
      synchronized (this) {
        return store.readHashes(ids);
      }
    };
  }

  public Ed25519NoteVerifier verifier() {
    return signer.verifier();
  }

  public String vkey() {
    return signer.verifierKey();
  }

  public Ed25519NoteSigner signer() {
    return signer;
  }

  /** The body of hash tile {@code t} as this log would serve it now. */
  public synchronized byte[] tile(TileId t) {
    if (TileMath.widthAt(t.level(), t.index(), store.size()) < t.width()) {
      throw new TileNotFoundException(t, "tile " + t + " beyond size " + store.size());
    }
    List<NodeId> ids = new ArrayList<>();
    for (int i = 0; i < t.width(); i++) {
      ids.add(new NodeId(t.nodeLevel(), (t.index() << TileMath.HEIGHT) + i));
    }
    return HashTiles.encode(store.readHashes(ids));
  }
}
