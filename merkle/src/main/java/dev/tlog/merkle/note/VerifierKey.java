package dev.tlog.merkle.note;

import dev.tlog.merkle.hash.TreeHasher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A decoded verifier key ("vkey"): {@code <name>+<8 hex key hash>+<base64(alg || public key)>}.
 * Parsing checks the syntax and that the key hash matches; it does not interpret the public key.
 */
public record VerifierKey(String name, int keyHash, int algorithm, byte[] publicKey) {

  public VerifierKey {
    KeyName.check(name);
    if (algorithm < 0 || algorithm > 0xff) {
      throw new KeyFormatException("signature type must be a byte, got " + algorithm);
    }
    publicKey = publicKey.clone();
    int want = keyHash(name, algorithm, publicKey);
    if (keyHash != want) {
      throw new KeyFormatException(
          String.format(
              "key hash mismatch for %s: key says %08x, name and key give %08x",
              name, keyHash, want));
    }
  }

  /** Parses a vkey. Throws {@link KeyFormatException} on any defect. */
  public static VerifierKey parse(String vkey) {
    if (vkey == null) {
      throw new KeyFormatException("verifier key is missing");
    }
    String[] parts = splitKey(vkey, "verifier key must be <name>+<hex key hash>+<base64 key>");
    int hash = parseKeyHash(parts[1]);
    byte[] key = decodeKey(parts[2]);
    return new VerifierKey(parts[0], hash, key[0] & 0xff, Arrays.copyOfRange(key, 1, key.length));
  }

  /**
   * The signature type of a syntactically valid vkey, without checking its key hash: the key-hash
   * rule depends on the type (C2SP type 0x02 hashes a DER key, for instance).
   */
  static int peekAlgorithm(String vkey) {
    if (vkey == null) {
      throw new KeyFormatException("verifier key is missing");
    }
    String[] parts = splitKey(vkey, "verifier key must be <name>+<hex key hash>+<base64 key>");
    KeyName.check(parts[0]);
    parseKeyHash(parts[1]);
    return decodeKey(parts[2])[0] & 0xff;
  }

  @Override
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The vkey string. */
  public String encode() {
    return encode(name, keyHash, algorithm, publicKey);
  }

  /**
   * C2SP signed-note key ID: the first 4 bytes, big-endian, of {@code SHA-256(name || 0x0A || alg
   * || key)}.
   */
  public static int keyHash(String name, int algorithm, byte[] key) {
    MessageDigest md = TreeHasher.sha256();
    md.update(name.getBytes(StandardCharsets.UTF_8));
    md.update((byte) '\n');
    md.update((byte) algorithm);
    md.update(key);
    return ByteBuffer.wrap(md.digest()).getInt();
  }

  static String encode(String name, int keyHash, int algorithm, byte[] key) {
    byte[] raw = new byte[key.length + 1];
    raw[0] = (byte) algorithm;
    System.arraycopy(key, 0, raw, 1, key.length);
    return name
        + "+"
        + String.format("%08x", keyHash)
        + "+"
        + Base64.getEncoder().encodeToString(raw);
  }

  /** Splits {@code name+hash+key} at the first two pluses (base64 may itself contain '+'). */
  static String[] splitKey(String s, String usage) {
    int a = s.indexOf('+');
    int b = a < 0 ? -1 : s.indexOf('+', a + 1);
    if (b < 0) {
      throw new KeyFormatException(usage);
    }
    return new String[] {s.substring(0, a), s.substring(a + 1, b), s.substring(b + 1)};
  }

  static int parseKeyHash(String hex) {
    if (hex.length() != 8
        || !hex.chars().allMatch(c -> (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
      throw new KeyFormatException("key hash must be 8 lowercase hex digits, got \"" + hex + "\"");
    }
    return (int) Long.parseLong(hex, 16);
  }

  static byte[] decodeKey(String b64) {
    byte[] raw = NoteParser.decodeCanonical(b64);
    if (raw == null) {
      throw new KeyFormatException("key material is not canonical padded base64");
    }
    if (raw.length == 0) {
      throw new KeyFormatException("key material is empty: need a signature type byte");
    }
    return raw;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VerifierKey k
        && name.equals(k.name)
        && keyHash == k.keyHash
        && algorithm == k.algorithm
        && Arrays.equals(publicKey, k.publicKey);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, keyHash, algorithm, Arrays.hashCode(publicKey));
  }

  @Override
  public String toString() {
    return encode();
  }

  /** Lowercase hex, for messages. */
  static String hex(byte[] b) {
    return HexFormat.of().formatHex(b);
  }
}
