package dev.tlog.merkle.hash;

import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/** An immutable 32-byte SHA-256 value. {@link #toString()} is lowercase hex. */
public final class Hash implements Comparable<Hash> {
  /** Size of a hash in bytes. */
  public static final int SIZE = 32;

  /** 32 zero bytes: the linear chain's C[-1]. */
  public static final Hash ZERO = new Hash(new byte[SIZE]);

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] bytes;

  private Hash(byte[] bytes) {
    this.bytes = bytes;
  }

  /** Copies {@code bytes}, which must be exactly 32 bytes long. */
  public static Hash of(byte[] bytes) {
    if (bytes == null || bytes.length != SIZE) {
      throw new InvalidHashException(
          "hash must be " + SIZE + " bytes, got " + (bytes == null ? "null" : bytes.length));
    }
    return new Hash(bytes.clone());
  }

  /** Copies 32 bytes of {@code src} starting at {@code offset}. */
  public static Hash of(byte[] src, int offset) {
    if (offset < 0 || src.length - offset < SIZE) {
      throw new InvalidHashException(
          "need " + SIZE + " bytes at offset " + offset + ", buffer has " + src.length);
    }
    return new Hash(Arrays.copyOfRange(src, offset, offset + SIZE));
  }

  /** Parses 64 hex digits (either case). */
  public static Hash fromHex(String hex) {
    if (hex == null || hex.length() != 2 * SIZE) {
      throw new InvalidHashException(
          "hex hash must be " + 2 * SIZE + " digits, got " + (hex == null ? "null" : hex.length()));
    }
    try {
      return new Hash(HEX.parseHex(hex));
    } catch (IllegalArgumentException e) {
      throw new InvalidHashException("invalid hex hash: " + e.getMessage());
    }
  }

  /** Parses standard (RFC 4648 §4, padded) base64 of exactly 32 bytes. */
  public static Hash fromBase64(String b64) {
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(b64);
    } catch (IllegalArgumentException e) {
      throw new InvalidHashException("invalid base64 hash: " + e.getMessage());
    }
    if (decoded.length != SIZE || !Base64.getEncoder().encodeToString(decoded).equals(b64)) {
      throw new InvalidHashException(
          "base64 hash must encode exactly " + SIZE + " bytes canonically");
    }
    return new Hash(decoded);
  }

  /** A copy of the 32 bytes. */
  public byte[] bytes() {
    return bytes.clone();
  }

  /** Writes the 32 bytes into {@code dst} at {@code offset}. */
  public void copyTo(byte[] dst, int offset) {
    System.arraycopy(bytes, 0, dst, offset, SIZE);
  }

  public String toHex() {
    return HEX.formatHex(bytes);
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Hash h && Arrays.equals(bytes, h.bytes);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(bytes);
  }

  @Override
  public int compareTo(Hash o) {
    return Arrays.compareUnsigned(bytes, o.bytes);
  }

  @Override
  public String toString() {
    return toHex();
  }
}
