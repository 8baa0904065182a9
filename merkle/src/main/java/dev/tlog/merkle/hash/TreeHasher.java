package dev.tlog.merkle.hash;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 6962 §2.1 / RFC 9162 §2.1.1 hashing: {@code leaf = SHA-256(0x00 || data)}, {@code node =
 * SHA-256(0x01 || left || right)}, empty tree = {@code SHA-256()}. Stateless and thread-safe.
 */
public final class TreeHasher {
  private static final byte LEAF_PREFIX = 0x00;
  private static final byte NODE_PREFIX = 0x01;
  // Never updated, only cloned: cloning is several times cheaper than a provider lookup.
  private static final MessageDigest PROTOTYPE = newSha256();
  private static final Hash EMPTY_ROOT = Hash.of(sha256().digest());

  private TreeHasher() {}

  /** The root of the tree of size 0: SHA-256 of the empty string. */
  public static Hash emptyRoot() {
    return EMPTY_ROOT;
  }

  /** {@code SHA-256(0x00 || data)}. */
  public static Hash leafHash(byte[] data) {
    MessageDigest md = sha256();
    md.update(LEAF_PREFIX);
    md.update(data);
    return Hash.of(md.digest());
  }

  /** {@code SHA-256(0x01 || left || right)}. */
  public static Hash nodeHash(Hash left, Hash right) {
    byte[] buf = new byte[1 + 2 * Hash.SIZE];
    buf[0] = NODE_PREFIX;
    left.copyTo(buf, 1);
    right.copyTo(buf, 1 + Hash.SIZE);
    return Hash.of(sha256().digest(buf));
  }

  /** {@code SHA-256(a || b)} without a domain prefix: the step of tlog's linear chain. */
  public static Hash concatHash(Hash a, Hash b) {
    byte[] buf = new byte[2 * Hash.SIZE];
    a.copyTo(buf, 0);
    b.copyTo(buf, Hash.SIZE);
    return Hash.of(sha256().digest(buf));
  }

  /** A fresh SHA-256 digest. */
  public static MessageDigest sha256() {
    try {
      return (MessageDigest) PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256();
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
  }
}
