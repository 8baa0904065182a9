package dev.tlog.server.integrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.chain.HashChain;
import dev.tlog.merkle.checkpoint.ChainHeadExtension;
import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.checkpoint.Checkpoints;
import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.NodeId;
import dev.tlog.merkle.hash.TreeHasher;
import dev.tlog.merkle.note.Ed25519NoteSigner;
import dev.tlog.merkle.proof.MemoryHashStore;
import dev.tlog.merkle.proof.Proofs;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.EntryBundles;
import dev.tlog.merkle.tile.HashTiles;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileMath;
import dev.tlog.server.checkpoint.CheckpointSigner;
import dev.tlog.server.checkpoint.SignedCheckpoint;
import dev.tlog.server.dedup.LeafIndex;
import dev.tlog.server.startup.StartupVerifier;
import dev.tlog.server.storage.LogReader;
import dev.tlog.server.storage.lmdb.LmdbLogStorage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * For any sequence of batches (with repeated entries within and across batches), integrating into
 * real LMDB gives: each distinct entry exactly one index in first-seen order, duplicates answered
 * with that index, a tree equal to the reference tree of the distinct entries, the linear chain
 * over them, a signed checkpoint that agrees with both, and stored state that passes the FULL
 * startup verification.
 */
class IntegratorProperties {
  private static final String ORIGIN = "tlog.test/integrator";
  private static final Ed25519NoteSigner KEY = new Ed25519NoteSigner(ORIGIN, new byte[32]);

  @Provide
  Arbitrary<List<List<String>>> batches() {
    Arbitrary<String> entry = Arbitraries.integers().between(0, 40).map(i -> "entry-" + i);
    return entry.list().ofMinSize(1).ofMaxSize(12).list().ofMinSize(1).ofMaxSize(15);
  }

  /** Batches that cross bundle and level-1 tile boundaries: sizes up to 700, few repeats. */
  @Provide
  Arbitrary<List<Integer>> largeBatches() {
    return Arbitraries.integers().between(1, 700).list().ofMinSize(1).ofMaxSize(8);
  }

  /** Integrates {@code entries} as one sealed batch and writes it as the writer would. */
  private static List<Slot> integrate(
      Integrator integrator, LmdbLogStorage storage, List<byte[]> entries) {
    List<Slot> slots = integrator.add(Submitted.opaque(entries));
    SealedBatch sealed = integrator.seal();
    sealed.write().ifPresent(storage::append);
    return slots;
  }

  private static Integrator integrator(
      LmdbLogStorage storage, CheckpointSigner signer, SignedCheckpoint current) {
    LeafIndex index = new LeafIndex();
    try (LogReader r = storage.reader()) {
      index.rebuild(r);
    }
    return new Integrator(storage, signer, index, true, () -> Long.MAX_VALUE, null, current);
  }

  @Property(tries = 15)
  void everyStoredNodeTileAndBundleEqualsTheReference(@ForAll("largeBatches") List<Integer> sizes)
      throws IOException {
    Path dir = Files.createTempDirectory("tlog-integrator");
    try (LmdbLogStorage storage = LmdbLogStorage.open(dir, ORIGIN, 1 << 22)) {
      CheckpointSigner signer = new CheckpointSigner(ORIGIN, KEY);
      SignedCheckpoint current = signer.sign(0, TreeHasher.emptyRoot(), Hash.ZERO);
      List<byte[]> all = new ArrayList<>();
      MemoryHashStore reference = MemoryHashStore.of(List.of());
      for (int n : sizes) {
        // A fresh integrator per batch also exercises loading the right edge from storage.
        Integrator integrator = integrator(storage, signer, current);
        List<byte[]> entries = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          entries.add(("e" + (all.size() + i)).getBytes(StandardCharsets.UTF_8));
        }
        integrate(integrator, storage, entries);
        entries.forEach(e -> reference.append(TreeHasher.leafHash(e)));
        all.addAll(entries);
        current =
            new StartupVerifier(storage, signer, KEY.verifier()).verify(StartupVerifier.Mode.TAIL);
      }
      try (LogReader r = storage.reader()) {
        long size = r.size();
        assertEquals(all.size(), size);
        for (int level = 0; (size >> level) > 0; level++) {
          for (long i = 0; i < size >> level; i++) {
            NodeId id = new NodeId(level, i);
            assertEquals(
                reference.readHashes(List.of(id)), r.readHashes(List.of(id)), "node " + id);
          }
        }
        for (TileId t : TileMath.tilesForSize(size)) {
          List<Hash> want = reference.readHashes(TileMath.nodesInTile(t));
          assertArrayEquals(
              HashTiles.encode(want), r.hashTile(t.level(), t.index(), t.width()), "tile " + t);
        }
        for (EntryBundleId b : TileMath.entryBundlesForSize(size)) {
          long start = b.index() << 8;
          assertArrayEquals(
              EntryBundles.encode(all.subList((int) start, (int) start + b.width())),
              r.entryBundle(b.index(), b.width()),
              "bundle " + b);
        }
        assertEquals(reference.root(), Proofs.treeRoot(size, r));
      }
      assertEquals(
          all.size(),
          new StartupVerifier(storage, signer, KEY.verifier())
              .verify(StartupVerifier.Mode.FULL)
              .size());
    } finally {
      deleteTree(dir);
    }
  }

  @Property(tries = 60)
  void integrationMatchesTheReferenceTreeAndChain(@ForAll("batches") List<List<String>> batches)
      throws IOException {
    Path dir = Files.createTempDirectory("tlog-integrator");
    try (LmdbLogStorage storage = LmdbLogStorage.open(dir, ORIGIN, 1 << 20)) {
      CheckpointSigner signer = new CheckpointSigner(ORIGIN, KEY);
      SignedCheckpoint empty = signer.sign(0, TreeHasher.emptyRoot(), Hash.ZERO);
      Integrator integrator = integrator(storage, signer, empty);

      Map<String, Long> firstIndex = new HashMap<>();
      MemoryHashStore reference = MemoryHashStore.of(List.of());
      Hash head = Hash.ZERO;
      for (List<String> batch : batches) {
        List<byte[]> entries = batch.stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
        List<Slot> slots = integrate(integrator, storage, entries);
        SignedCheckpoint cpNow = integrator.seal().checkpoint();
        List<AppendResult> results = slots.stream().map(sl -> sl.acknowledged(cpNow)).toList();
        assertEquals(batch.size(), results.size());
        for (int i = 0; i < batch.size(); i++) {
          String e = batch.get(i);
          AppendResult r = results.get(i);
          Long seen = firstIndex.get(e);
          if (seen == null) {
            Hash leaf = TreeHasher.leafHash(entries.get(i));
            reference.append(leaf);
            head = HashChain.next(head, leaf);
            firstIndex.put(e, r.index());
            assertEquals(reference.size() - 1, r.index(), "new entries get the next index");
            assertTrue(!r.duplicate());
            assertEquals(head, r.chainHash());
          } else {
            assertEquals(seen, r.index(), "a repeated entry keeps its first index");
            assertTrue(r.duplicate());
          }
          Checkpoint cp =
              Checkpoints.openSigned(
                  r.checkpoint().note().getBytes(StandardCharsets.UTF_8),
                  ORIGIN,
                  List.of(KEY.verifier()));
          assertTrue(r.index() < cp.size());
        }
        Checkpoint latest = results.get(results.size() - 1).checkpoint().checkpoint();
        assertEquals(reference.size(), latest.size());
        assertEquals(reference.root(), latest.root());
        assertEquals(head, ChainHeadExtension.find(latest).orElseThrow());
      }
      try (LogReader r = storage.reader()) {
        assertEquals(reference.size(), r.size());
        assertEquals(reference.root(), Proofs.treeRoot(r.size(), r));
      }
      SignedCheckpoint verified =
          new StartupVerifier(storage, signer, KEY.verifier()).verify(StartupVerifier.Mode.FULL);
      assertEquals(reference.size(), verified.size());
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
