package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntryBundlesTest {
  private static final HexFormat HEX = HexFormat.of();

  @Test
  void encodesLengthPrefixedEntries() {
    byte[] body = EntryBundles.encode(List.of("hello".getBytes(), new byte[0]));
    assertEquals("000568656c6c6f0000", HEX.formatHex(body));
    List<byte[]> back = EntryBundles.decode(new EntryBundleId(0, 2), body);
    assertArrayEquals("hello".getBytes(), back.get(0));
    assertArrayEquals(new byte[0], back.get(1));
  }

  @Test
  void largestEntryFits() {
    byte[] big = new byte[EntryBundles.MAX_ENTRY_SIZE];
    big[0] = 7;
    byte[] body = EntryBundles.encode(List.of(big));
    assertEquals(0xff, body[0] & 0xff);
    assertEquals(0xff, body[1] & 0xff);
    assertArrayEquals(big, EntryBundles.decode(body).get(0));
    assertThrows(
        TileFormatException.class,
        () -> EntryBundles.encode(List.of(new byte[EntryBundles.MAX_ENTRY_SIZE + 1])));
  }

  @Test
  void rejectsMalformedBodies() {
    EntryBundleId two = new EntryBundleId(0, 2);
    String[] bad = {
      "", // empty
      "00", // truncated length
      "0005686568", // truncated entry
      "000568656c6c6f00", // second length truncated
      "000568656c6c6f000000", // trailing byte after two entries
      "000568656c6c6f", // one entry, two expected
      "00000000000000", // three entries and a half
    };
    for (String hex : bad) {
      assertThrows(
          TileFormatException.class, () -> EntryBundles.decode(two, HEX.parseHex(hex)), hex);
    }
    assertThrows(TileFormatException.class, () -> EntryBundles.decode(new byte[0]));
    assertThrows(TileFormatException.class, () -> EntryBundles.decode(new byte[257 * 2]));
    assertEquals(256, EntryBundles.decode(new byte[256 * 2]).size());
    TileFormatException e =
        assertThrows(
            TileFormatException.class,
            () -> EntryBundles.decode(two, HEX.parseHex("000568656c6c6f000000")));
    assertEquals(
        "entry bundle tile/entries/000.p/2: 1 trailing bytes after 2 entries", e.getMessage());
    assertThrows(TileFormatException.class, () -> EntryBundles.encode(List.of()));
  }
}
