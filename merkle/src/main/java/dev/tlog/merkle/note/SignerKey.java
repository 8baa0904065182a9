package dev.tlog.merkle.note;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * A decoded private key string: {@code PRIVATE+KEY+<name>+<8 hex key hash>+<base64(alg ||
 * secret)>}, the format of Go's note.NewSigner. The key hash is of the <em>public</em> key, so only
 * the algorithm-specific signer can check it. {@link #toString()} never shows the secret.
 */
public record SignerKey(String name, int keyHash, int algorithm, byte[] secret) {
  /** Every private key string starts with this, so it is never mistaken for a vkey. */
  public static final String PREFIX = "PRIVATE+KEY+";

  public SignerKey {
    KeyName.check(name);
    if (algorithm < 0 || algorithm > 0xff) {
      throw new KeyFormatException("signature type must be a byte, got " + algorithm);
    }
    secret = secret.clone();
  }

  /** Parses a private key string. Error messages never include key material. */
  public static SignerKey parse(String skey) {
    if (skey == null || !skey.startsWith(PREFIX)) {
      throw new KeyFormatException("private key must start with " + PREFIX);
    }
    String[] parts =
        VerifierKey.splitKey(
            skey.substring(PREFIX.length()),
            "private key must be PRIVATE+KEY+<name>+<hex key hash>+<base64 key>");
    int hash = VerifierKey.parseKeyHash(parts[1]);
    byte[] key = VerifierKey.decodeKey(parts[2]);
    return new SignerKey(parts[0], hash, key[0] & 0xff, Arrays.copyOfRange(key, 1, key.length));
  }

  @Override
  public byte[] secret() {
    return secret.clone();
  }

  /** The private key string. Keep it secret. */
  public String encode() {
    byte[] raw = new byte[secret.length + 1];
    raw[0] = (byte) algorithm;
    System.arraycopy(secret, 0, raw, 1, secret.length);
    return PREFIX
        + name
        + "+"
        + String.format("%08x", keyHash)
        + "+"
        + Base64.getEncoder().encodeToString(raw);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SignerKey k
        && name.equals(k.name)
        && keyHash == k.keyHash
        && algorithm == k.algorithm
        && Arrays.equals(secret, k.secret);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, keyHash, algorithm, Arrays.hashCode(secret));
  }

  @Override
  public String toString() {
    return String.format(
        "SignerKey[%s+%08x, type 0x%02x, secret redacted]", name, keyHash, algorithm);
  }
}
