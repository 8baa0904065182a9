package dev.tlog.mirror.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.mirror.verify.ForkCheck.Verdict;
import org.junit.jupiter.api.Test;

/**
 * A fork is proven only by tiles that lead to the new signed root; bad tiles prove nothing. Old
 * sizes cover powers of two (whose proof carries no old root) and other sizes.
 */
class ForkCheckTest {
  private final MemoryLog honest = new MemoryLog(1000, "a");
  private final MemoryLog other = new MemoryLog(1000, "b");

  @Test
  void anExtensionIsConsistent() {
    for (long old : new long[] {1, 256, 300, 512, 999}) {
      Hash root = honest.checkpoint(old).root();
      assertEquals(
          Verdict.CONSISTENT,
          ForkCheck.check(old, root, honest.checkpoint(1000), t -> honest.body(t, 1000)),
          "old size " + old);
    }
  }

  @Test
  void anotherHistoryIsAProvenFork() {
    for (long old : new long[] {1, 256, 300, 512, 999}) {
      Hash root = honest.checkpoint(old).root();
      assertEquals(
          Verdict.FORKED,
          ForkCheck.check(old, root, other.checkpoint(1000), t -> other.body(t, 1000)),
          "old size " + old);
    }
  }

  @Test
  void tilesThatMissTheSignedRootProveNothing() {
    for (long old : new long[] {1, 256, 300, 512, 999}) {
      Hash root = honest.checkpoint(old).root();
      // The other log's tiles under the honest log's signed checkpoint: they lead elsewhere.
      assertEquals(
          Verdict.UNPROVEN,
          ForkCheck.check(old, root, honest.checkpoint(1000), t -> other.body(t, 1000)),
          "old size " + old);
    }
  }
}
