package dev.tlog.merkle.tile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tlog.merkle.hash.Hash;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one bounded tile source with the C2SP partial-to-full fallback. */
class FallbackTileSourceTest {
  private final Map<String, byte[]> served = new HashMap<>();
  private final List<String> asked = new ArrayList<>();
  private final FallbackTileSource source =
      new FallbackTileSource(
          (path, max) -> {
            asked.add(path + " " + max);
            return Optional.ofNullable(served.get(path));
          },
          "test");

  private static byte[] body(int width) {
    byte[] b = new byte[width * Hash.SIZE];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) i;
    }
    return b;
  }

  @Test
  void servedPartialTileIsReturnedWithItsExactBound() {
    TileId partial = new TileId(0, 1, 5);
    served.put(partial.path(), body(5));
    assertArrayEquals(body(5), source.read(partial));
    assertEquals(List.of(partial.path() + " " + 5 * Hash.SIZE), asked);
  }

  @Test
  void missingPartialTileIsReadAsThePrefixOfTheFullTile() {
    TileId partial = new TileId(1, 2, 7);
    served.put(TileId.full(1, 2).path(), body(256));
    assertArrayEquals(Arrays.copyOf(body(256), 7 * Hash.SIZE), source.read(partial));
  }

  @Test
  void missingFullTileIsNotFound() {
    assertThrows(TileNotFoundException.class, () -> source.read(TileId.full(0, 3)));
  }

  @Test
  void bodyOverTheTileIsRejected() {
    TileId partial = new TileId(0, 0, 2);
    served.put(partial.path(), body(3));
    assertThrows(TileFormatException.class, () -> source.read(partial));
  }
}
