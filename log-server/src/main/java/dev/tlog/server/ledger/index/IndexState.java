package dev.tlog.server.ledger.index;

import dev.tlog.merkle.hash.Hash;
import java.util.Map;

/**
 * What the ledger index covers: log entries {@code [0, covered)} of the log {@code origin}, whose
 * chain hash {@code C[covered-1]} is {@code chainHead} (so an index built from another log with the
 * same origin is recognised), and the receive clock at that point ({@code received(covered-1)}, or
 * -1 before the first clock mark), from which indexing continues. Every Lucene commit stores it in
 * its user data.
 */
public record IndexState(String origin, long covered, long clock, Hash chainHead) {
  /** Bumped whenever documents or commit data change incompatibly: an older index is rebuilt. */
  public static final String FORMAT = "tlog-index/1";

  private static final String KEY_FORMAT = "tlog.format";
  private static final String KEY_ORIGIN = "tlog.origin";
  private static final String KEY_COVERED = "tlog.covered";
  private static final String KEY_CLOCK = "tlog.clock";
  private static final String KEY_CHAIN = "tlog.chain";

  /** An empty index of log {@code origin}. */
  public static IndexState empty(String origin) {
    return new IndexState(origin, 0, -1, Hash.ZERO);
  }

  /** The state after indexing up to {@code newCovered}. */
  IndexState advance(long newCovered, long newClock, Hash newChainHead) {
    return new IndexState(origin, newCovered, newClock, newChainHead);
  }

  Map<String, String> toUserData() {
    return Map.of(
        KEY_FORMAT,
        FORMAT,
        KEY_ORIGIN,
        origin,
        KEY_COVERED,
        Long.toString(covered),
        KEY_CLOCK,
        Long.toString(clock),
        KEY_CHAIN,
        chainHead.toHex());
  }

  /**
   * Reads commit user data; {@link IllegalArgumentException} with the reason when it is not a tlog
   * index of this format.
   */
  static IndexState fromUserData(Map<String, String> data) {
    String format = data.get(KEY_FORMAT);
    if (!FORMAT.equals(format)) {
      throw new IllegalArgumentException(
          format == null
              ? "its commit does not say what it covers"
              : "it has format " + format + ", this server writes " + FORMAT);
    }
    try {
      return new IndexState(
          required(data, KEY_ORIGIN),
          Long.parseLong(required(data, KEY_COVERED)),
          Long.parseLong(required(data, KEY_CLOCK)),
          Hash.fromHex(required(data, KEY_CHAIN)));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("its commit data is malformed: " + e.getMessage(), e);
    }
  }

  private static String required(Map<String, String> data, String key) {
    String v = data.get(key);
    if (v == null) {
      throw new IllegalArgumentException(key + " missing");
    }
    return v;
  }
}
