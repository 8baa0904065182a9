package dev.tlog.merkle.testing;

import dev.tlog.merkle.hash.Hash;
import java.util.ArrayList;
import java.util.List;

/** Small helpers to corrupt hashes and hash lists. */
public final class Mutations {
  private Mutations() {}

  /** {@code h} with byte {@code at} XORed with {@code mask} (non-zero). */
  public static Hash flip(Hash h, int at, int mask) {
    byte[] b = h.bytes();
    b[at] ^= (byte) mask;
    return Hash.of(b);
  }

  /** {@code hashes} with element {@code i} replaced. */
  public static List<Hash> replace(List<Hash> hashes, int i, Hash h) {
    List<Hash> out = new ArrayList<>(hashes);
    out.set(i, h);
    return out;
  }

  public static List<Hash> withoutLast(List<Hash> hashes) {
    return new ArrayList<>(hashes.subList(0, hashes.size() - 1));
  }

  public static List<Hash> plus(List<Hash> hashes, Hash extra) {
    List<Hash> out = new ArrayList<>(hashes);
    out.add(extra);
    return out;
  }
}
