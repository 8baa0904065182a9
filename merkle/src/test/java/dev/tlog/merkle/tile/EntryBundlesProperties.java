package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class EntryBundlesProperties {
  @Property(tries = 300)
  void roundTrips(@ForAll("entries") List<byte[]> entries) {
    byte[] body = EntryBundles.encode(entries);
    EntryBundleId id = new EntryBundleId(3, entries.size());
    List<byte[]> back = EntryBundles.decode(id, body);
    assertEquals(entries.size(), back.size());
    for (int i = 0; i < entries.size(); i++) {
      assertArrayEquals(entries.get(i), back.get(i));
    }
    assertArrayEquals(body, EntryBundles.encode(EntryBundles.decode(body)));
  }

  @Property(tries = 300)
  void truncationIsRejected(
      @ForAll("entries") List<byte[]> entries, @ForAll @IntRange(min = 1, max = 1000) int cut) {
    byte[] body = EntryBundles.encode(entries);
    byte[] shorter = Arrays.copyOf(body, Math.max(0, body.length - cut));
    EntryBundleId id = new EntryBundleId(0, entries.size());
    assertThrows(TileFormatException.class, () -> EntryBundles.decode(id, shorter));
  }

  @Property(tries = 300)
  void trailingGarbageIsRejected(
      @ForAll("entries") List<byte[]> entries, @ForAll @Size(min = 1, max = 40) byte[] garbage) {
    byte[] body = EntryBundles.encode(entries);
    byte[] longer = Arrays.copyOf(body, body.length + garbage.length);
    System.arraycopy(garbage, 0, longer, body.length, garbage.length);
    EntryBundleId id = new EntryBundleId(0, entries.size());
    assertThrows(TileFormatException.class, () -> EntryBundles.decode(id, longer));
  }

  @Property(tries = 300)
  void wrongExpectedWidthIsRejected(
      @ForAll("entries") List<byte[]> entries, @ForAll @IntRange(min = 1, max = 256) int width) {
    if (width == entries.size()) {
      return;
    }
    byte[] body = EntryBundles.encode(entries);
    assertThrows(
        TileFormatException.class, () -> EntryBundles.decode(new EntryBundleId(0, width), body));
  }

  @Property(tries = 1000)
  void arbitraryBytesDecodeOrThrowTileFormatException(@ForAll @Size(max = 300) byte[] body) {
    try {
      List<byte[]> entries = EntryBundles.decode(body);
      assertArrayEquals(body, EntryBundles.encode(entries));
    } catch (TileFormatException e) {
      // expected for most inputs
    }
  }

  @Provide
  Arbitrary<List<byte[]>> entries() {
    Arbitrary<byte[]> entry =
        Arbitraries.oneOf(
            Arbitraries.bytes().array(byte[].class).ofMaxSize(40),
            Arbitraries.bytes().array(byte[].class).ofMinSize(250).ofMaxSize(300));
    return entry.list().ofMinSize(1).ofMaxSize(256);
  }
}
