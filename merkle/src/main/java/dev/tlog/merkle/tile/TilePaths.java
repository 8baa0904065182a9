package dev.tlog.merkle.tile;

/**
 * Formats and parses C2SP tlog-tiles resource paths, relative to the log prefix and without a
 * leading slash: {@code tile/<L>/<N>[.p/<W>]} for hash tiles and {@code tile/entries/<N>[.p/<W>]}
 * for entry bundles.
 *
 * <p>{@code <N>} is written in 3-digit groups, most significant first, every group but the last
 * prefixed with {@code x}: 1234067 is {@code x001/x234/067}, 0 is {@code 000}. {@code .p/<W>} is
 * present exactly when the width is below 256.
 *
 * <p>{@link #parse} accepts only the canonical form that {@link #format} produces (as Go's {@code
 * tlog.ParseTilePath} does by re-formatting and comparing): no leading zeros in {@code <L>} or
 * {@code <W>}, no leading all-zero group in {@code <N>} ({@code x000/001} is rejected), no {@code
 * .p/256}, ASCII digits only, no empty segments, no leading or trailing slash. It is bounded (at
 * most {@value #MAX_PATH_LENGTH} characters) and all-or-nothing.
 */
public final class TilePaths {
  /** Longer inputs are rejected before any parsing; the longest valid path has 47 characters. */
  public static final int MAX_PATH_LENGTH = 64;

  private static final String ENTRIES = "entries";
  private static final String PARTIAL = ".p";
  // 6 groups encode up to 10^18 - 1, enough for TileId.MAX_INDEX (about 3.6 * 10^16).
  private static final int MAX_GROUPS = 6;

  private TilePaths() {}

  /**
   * The path of {@code tile}, e.g. {@code tile/0/x001/x234/067.p/3} or {@code tile/entries/000}.
   */
  public static String format(TileRef tile) {
    StringBuilder b = new StringBuilder("tile/");
    if (tile instanceof TileId t) {
      b.append(t.level());
    } else {
      b.append(ENTRIES);
    }
    b.append('/').append(formatIndex(tile.index()));
    if (!tile.isFull()) {
      b.append(PARTIAL).append('/').append(tile.width());
    }
    return b.toString();
  }

  /**
   * The {@code <N>} path segments of {@code index}: {@code 1234067} gives {@code x001/x234/067}.
   */
  public static String formatIndex(long index) {
    if (index < 0) {
      throw new IllegalArgumentException("tile index must be >= 0, got " + index);
    }
    String last = threeDigits(index % 1000);
    StringBuilder prefix = new StringBuilder();
    for (long n = index / 1000; n > 0; n /= 1000) {
      prefix.insert(0, "x" + threeDigits(n % 1000) + "/");
    }
    return prefix + last;
  }

  /** Parses a canonical hash-tile or entry-bundle path; throws {@link TilePathException}. */
  public static TileRef parse(String path) {
    if (path == null || path.isEmpty()) {
      throw new TilePathException(path, "empty path");
    }
    if (path.length() > MAX_PATH_LENGTH) {
      throw new TilePathException(path, "longer than " + MAX_PATH_LENGTH + " characters");
    }
    String[] f = path.split("/", -1);
    if (f.length < 3 || !f[0].equals("tile")) {
      throw new TilePathException(path, "want tile/<L>/<N>[.p/<W>] or tile/entries/<N>[.p/<W>]");
    }
    int end = f.length;
    int width = TileMath.FULL_WIDTH;
    if (end >= 4 && f[end - 2].endsWith(PARTIAL)) {
      width = parseWidth(path, f[end - 1]);
      end--;
      f[end - 1] = f[end - 1].substring(0, f[end - 1].length() - PARTIAL.length());
    }
    long index = parseIndex(path, f, 2, end);
    if (f[1].equals(ENTRIES)) {
      return new EntryBundleId(index, width);
    }
    return new TileId(parseLevel(path, f[1]), index, width);
  }

  /** Like {@link #parse} but requires a hash tile path. */
  public static TileId parseHashTile(String path) {
    if (parse(path) instanceof TileId t) {
      return t;
    }
    throw new TilePathException(path, "an entry bundle path where a hash tile path is required");
  }

  /** Like {@link #parse} but requires an entry bundle path. */
  public static EntryBundleId parseEntryBundle(String path) {
    if (parse(path) instanceof EntryBundleId e) {
      return e;
    }
    throw new TilePathException(path, "a hash tile path where an entry bundle path is required");
  }

  private static int parseLevel(String path, String s) {
    int level = parseDecimal(s, 2);
    if (level < 0 || level > TileId.MAX_LEVEL) {
      throw new TilePathException(
          path, "level " + quoteSegment(s) + " is not a decimal in [0, " + TileId.MAX_LEVEL + "]");
    }
    return level;
  }

  private static int parseWidth(String path, String s) {
    int width = parseDecimal(s, 3);
    if (width < 1 || width >= TileMath.FULL_WIDTH) {
      throw new TilePathException(
          path, "partial width " + quoteSegment(s) + " is not a decimal in [1, 255]");
    }
    return width;
  }

  // The groups f[from .. to): "xDDD" for all but the last, "DDD" for the last.
  private static long parseIndex(String path, String[] f, int from, int to) {
    int groups = to - from;
    if (groups > MAX_GROUPS) {
      throw new TilePathException(
          path, "index has " + groups + " groups, at most " + MAX_GROUPS + " allowed");
    }
    long index = 0;
    for (int i = from; i < to; i++) {
      boolean last = i == to - 1;
      String g = f[i];
      int digitsAt = last ? 0 : 1;
      if (g.length() != digitsAt + 3 || (!last && g.charAt(0) != 'x')) {
        throw new TilePathException(
            path,
            "index group "
                + quoteSegment(g)
                + (last ? " must be 3 digits" : " must be x followed by 3 digits"));
      }
      int value = parseDecimalDigits(g.substring(digitsAt));
      if (value < 0) {
        throw new TilePathException(path, "index group " + quoteSegment(g) + " is not 3 digits");
      }
      if (i == from && groups > 1 && value == 0) {
        throw new TilePathException(path, "index has a leading all-zero group");
      }
      index = index * 1000 + value;
    }
    if (index > TileId.MAX_INDEX) {
      throw new TilePathException(path, "index " + index + " exceeds " + TileId.MAX_INDEX);
    }
    return index;
  }

  // A canonical decimal (no sign, no leading zero unless "0") of at most maxDigits ASCII digits,
  // or -1.
  private static int parseDecimal(String s, int maxDigits) {
    if (s.isEmpty() || s.length() > maxDigits || (s.length() > 1 && s.charAt(0) == '0')) {
      return -1;
    }
    return parseDecimalDigits(s);
  }

  // ASCII digits only: Character.isDigit and Integer.parseInt also accept other scripts and '+'.
  private static int parseDecimalDigits(String s) {
    int v = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  private static String threeDigits(long v) {
    return v < 10 ? "00" + v : v < 100 ? "0" + v : Long.toString(v);
  }

  private static String quoteSegment(String s) {
    return "\"" + s.replaceAll("[^\\x20-\\x7e]", "?") + "\"";
  }
}
