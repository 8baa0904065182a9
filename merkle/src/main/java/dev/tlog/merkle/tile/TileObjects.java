package dev.tlog.merkle.tile;

/**
 * How each C2SP tlog-tiles object is labelled wherever the log serves or publishes it (its HTTP API
 * and an object-storage bucket alike; spec/api.md, "HTTP"): its media type, and how long caches may
 * keep it.
 */
public final class TileObjects {
  /** Hash tiles and entry bundles. */
  public static final String OCTETS = "application/octet-stream";

  /** The checkpoint and the verifier key. */
  public static final String TEXT = "text/plain; charset=utf-8";

  /** Full tiles and bundles never change: any cache may keep them for a year. */
  public static final String IMMUTABLE = "public, max-age=31536000, immutable";

  /** Partial tiles are replaced by wider ones as the log grows. */
  public static final String SHORT = "public, max-age=10";

  /** The checkpoint changes with every batch. */
  public static final String NO_CACHE = "no-cache";

  private TileObjects() {}

  /** The Cache-Control of a tile or bundle {@code width} entries wide. */
  public static String cacheControl(int width) {
    return width == TileMath.FULL_WIDTH ? IMMUTABLE : SHORT;
  }
}
