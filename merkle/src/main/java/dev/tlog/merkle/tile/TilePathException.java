package dev.tlog.merkle.tile;

import dev.tlog.merkle.MerkleException;

/** A string is not a canonical C2SP tlog-tiles resource path. */
public final class TilePathException extends MerkleException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_QUOTED = 80;

  private final String path;

  public TilePathException(String path, String reason) {
    super("malformed tile path " + quote(path) + ": " + reason);
    this.path = path;
  }

  /** The rejected input, exactly as given (may be null). */
  public String path() {
    return path;
  }

  // Paths come from the network: keep the message printable and short.
  private static String quote(String s) {
    if (s == null) {
      return "null";
    }
    StringBuilder b = new StringBuilder("\"");
    for (int i = 0; i < s.length() && i < MAX_QUOTED; i++) {
      char c = s.charAt(i);
      b.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (s.length() > MAX_QUOTED) {
      b.append("...");
    }
    return b.append('"').toString();
  }
}
