package dev.tlog.mirror.verify;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.tile.EntryBundleId;
import dev.tlog.merkle.tile.TileId;
import dev.tlog.merkle.tile.TileRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

/**
 * For random sizes and growth steps, the honest objects verify (and the stored tree then has the
 * checkpoint's root at every size up to it), and flipping any single byte of any object the growth
 * fetched makes the verification fail.
 */
class GrowthVerifierProperties {

  @Property(tries = 60)
  void honestGrowthVerifiesAndAnyFlippedByteFails(
      @ForAll @LongRange(min = 0, max = 1500) long oldSize,
      @ForAll @LongRange(min = 1, max = 1500) long growth,
      @ForAll @IntRange(min = 1, max = 40_000) int stepBytes,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int pick,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int at,
      @ForAll @IntRange(min = 1, max = 255) int flip) {
    long newSize = oldSize + growth;
    MemoryLog log = new MemoryLog(newSize, "p");
    Map<TileRef, byte[]> store = new HashMap<>();
    if (oldSize > 0) {
      grow(store, log, 0, log.checkpoint(oldSize), stepBytes, null);
    }
    Map<TileRef, byte[]> before = new HashMap<>(store);

    List<TileRef> fetched = grow(store, log, oldSize, log.checkpoint(newSize), stepBytes, null);
    StoredTree tree = new StoredTree(ref -> Optional.ofNullable(store.get(key(ref))));
    for (long s : new long[] {0, oldSize, (oldSize + newSize) / 2, newSize}) {
      assertEquals(log.checkpoint(s).root(), tree.rootAt(s), "root at " + s);
    }

    TileRef victim = fetched.get(Math.floorMod(pick, fetched.size()));
    Tamper tamper = new Tamper(victim, at, (byte) flip);
    Map<TileRef, byte[]> again = new HashMap<>(before);
    assertThrows(
        VerificationFailedException.class,
        () -> grow(again, log, oldSize, log.checkpoint(newSize), stepBytes, tamper),
        () -> "flipping a byte of " + victim.path() + " went unnoticed");
  }

  @Property(tries = 30)
  void storedPrefixesAreServedAsTheLogServesThem(
      @ForAll @LongRange(min = 1, max = 1200) long size,
      @ForAll @IntRange(min = 0, max = Integer.MAX_VALUE) int pick) {
    MemoryLog log = new MemoryLog(size, "q");
    Map<TileRef, byte[]> store = new HashMap<>();
    List<TileRef> all = grow(store, log, 0, log.checkpoint(size), 1 << 20, null);
    StoredTree tree = new StoredTree(ref -> Optional.ofNullable(store.get(key(ref))));
    TileRef ref = all.get(Math.floorMod(pick, all.size()));
    for (int w = 1; w <= ref.width(); w++) {
      TileRef narrower =
          ref instanceof TileId t
              ? new TileId(t.level(), t.index(), w)
              : new EntryBundleId(ref.index(), w);
      long sizeAtWidth = ref.index() * 256 + w;
      if (ref instanceof TileId t && t.level() > 0) {
        continue; // a narrower upper tile belongs to a different tree size; level 0 suffices
      }
      assertArrayEquals(log.body(narrower, sizeAtWidth), tree.read(narrower), narrower.path());
    }
  }

  /** Past 65536 entries a level-2 tile appears; staging in small steps, then a growth into it. */
  @Example
  void threeTileLevelsVerifyInSmallSteps() {
    MemoryLog log = new MemoryLog(70_000, "big");
    Map<TileRef, byte[]> store = new HashMap<>();
    grow(store, log, 0, log.checkpoint(65_000), 256 * 1024, null);
    List<TileRef> fetched = grow(store, log, 65_000, log.checkpoint(70_000), 256 * 1024, null);
    assertTrue(fetched.contains(new TileId(2, 0, 1)), fetched.toString());
    StoredTree tree = new StoredTree(ref -> Optional.ofNullable(store.get(key(ref))));
    assertEquals(log.checkpoint(70_000).root(), tree.rootAt(70_000));
    assertEquals(log.checkpoint(65_536).root(), tree.rootAt(65_536));
    Map<TileRef, byte[]> again = new HashMap<>(store);
    assertThrows(
        VerificationFailedException.class,
        () ->
            grow(
                again,
                log,
                65_000,
                log.checkpoint(70_000),
                256 * 1024,
                new Tamper(new TileId(2, 0, 1), 0, (byte) 1)));
  }

  private record Tamper(TileRef victim, int at, byte flip) {}

  // Runs the verifier over the in-memory store; returns the objects it fetched, in order.
  private static List<TileRef> grow(
      Map<TileRef, byte[]> store,
      MemoryLog log,
      long oldSize,
      Checkpoint next,
      int stepBytes,
      Tamper tamper) {
    List<TileRef> fetched = new ArrayList<>();
    ObjectFetcher upstream =
        ref -> {
          fetched.add(ref);
          byte[] body = log.body(ref, next.size());
          if (tamper != null && tamper.victim().equals(ref)) {
            body = body.clone();
            body[Math.floorMod(tamper.at(), body.length)] ^= tamper.flip();
          }
          return body;
        };
    GrowthVerifier v =
        new GrowthVerifier(
            ref -> Optional.ofNullable(store.get(key(ref))),
            upstream,
            bodies -> bodies.forEach((k, b) -> store.put(key(k), b)),
            stepBytes);
    v.verify(oldSize, next).forEach((k, b) -> store.put(key(k), b));
    return fetched;
  }

  private static TileRef key(TileRef ref) {
    return ref instanceof TileId t
        ? TileId.full(t.level(), t.index())
        : EntryBundleId.full(ref.index());
  }
}
