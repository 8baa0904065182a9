package dev.tlog.server.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.tlog.merkle.hash.Hash;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The in-memory leaf index answers like a map from leaf hash to its earliest index, for any
 * sequence of appends, including hashes that share their 8-byte prefix (only the confirmation
 * against the "stored" hash tells them apart) and growth of the table.
 */
class LeafIndexProperties {
  /** Hashes from few prefixes and few suffixes: many exact repeats and many prefix collisions. */
  @Provide
  Arbitrary<List<Hash>> leaves() {
    Arbitrary<Hash> leaf =
        Arbitraries.integers()
            .between(0, 40)
            .flatMap(
                prefix ->
                    Arbitraries.integers()
                        .between(0, 3)
                        .map(
                            suffix -> {
                              byte[] b = new byte[Hash.SIZE];
                              b[7] = prefix.byteValue();
                              b[31] = suffix.byteValue();
                              return Hash.of(b);
                            }));
    return leaf.list().ofMinSize(1).ofMaxSize(3000);
  }

  @Property(tries = 40)
  void putUnlessPresentKeepsTheEarliestIndexPerHash(@ForAll("leaves") List<Hash> appends) {
    LeafIndex index = new LeafIndex();
    List<Hash> log = new ArrayList<>(); // what "storage" holds, for confirmation
    Map<Hash, Long> first = new HashMap<>();
    for (Hash leaf : appends) {
      long got = index.putUnlessPresent(leaf, log.size(), i -> log.get((int) i).equals(leaf));
      Long want = first.get(leaf);
      assertEquals(want == null ? -1 : want, got, "append of " + leaf);
      if (want == null) {
        first.put(leaf, (long) log.size());
        log.add(leaf);
      }
    }
    for (Map.Entry<Hash, Long> e : first.entrySet()) {
      assertEquals(e.getValue(), index.find(e.getKey(), i -> log.get((int) i).equals(e.getKey())));
    }
    assertEquals(log.size(), index.size());
  }

  @Property(tries = 40)
  void withoutDeduplicationLookupsFindTheEarliestOfRepeatedHashes(
      @ForAll("leaves") List<Hash> appends) {
    LeafIndex index = new LeafIndex();
    Map<Hash, Long> first = new HashMap<>();
    for (int i = 0; i < appends.size(); i++) {
      index.put(appends.get(i), i);
      first.putIfAbsent(appends.get(i), (long) i);
    }
    for (Map.Entry<Hash, Long> e : first.entrySet()) {
      assertEquals(
          e.getValue(), index.find(e.getKey(), i -> appends.get((int) i).equals(e.getKey())));
    }
  }
}
