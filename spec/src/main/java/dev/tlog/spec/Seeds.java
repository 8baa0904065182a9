package dev.tlog.spec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Random;

/**
 * Fixed seeds for the vectors: keys are derived as {@code SHA-256("tlog vector key " + label)} and
 * pseudo-random data from {@link Random} seeded with a fixed number, so regeneration is
 * bit-identical. These keys are public and must never sign anything real.
 */
public final class Seeds {
  private Seeds() {}

  /** A 32-byte Ed25519 seed derived from {@code label}. */
  public static byte[] keySeed(String label) {
    try {
      return MessageDigest.getInstance("SHA-256")
          .digest(("tlog vector key " + label).getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A deterministic random source for {@code label}. */
  public static Random random(String label) {
    return new Random(label.hashCode());
  }
}
