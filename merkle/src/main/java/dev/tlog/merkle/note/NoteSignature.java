package dev.tlog.merkle.note;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One signature line of a note: key name, 32-bit key hash and the signature bytes that follow the
 * key hash. Immutable: the byte array is copied in and out.
 */
public record NoteSignature(String name, int keyHash, byte[] signature) {
  /** The prefix of every signature line: em dash (U+2014) and a space. */
  public static final String LINE_PREFIX = "\u2014 ";

  public NoteSignature {
    Objects.requireNonNull(signature, "signature");
    if (!KeyName.isValid(name)) {
      throw new NoteFormatException("invalid key name in signature: \"" + name + "\"");
    }
    if (signature.length == 0) {
      throw new NoteFormatException("empty signature for key " + keyId(name, keyHash));
    }
    signature = signature.clone();
  }

  @Override
  public byte[] signature() {
    return signature.clone();
  }

  /** {@code base64(keyHash || signature)}, the last field of the signature line. */
  public String base64() {
    return Base64.getEncoder().encodeToString(payload());
  }

  /** The key hash (4 bytes, big-endian) followed by the signature. */
  public byte[] payload() {
    return ByteBuffer.allocate(4 + signature.length).putInt(keyHash).put(signature).array();
  }

  /** The full signature line: {@code "— <name> <base64>\n"}. */
  public String toLine() {
    return LINE_PREFIX + name + " " + base64() + "\n";
  }

  /** {@code name+hhhhhhhh}, how Go's note package names a key in messages. */
  public String keyId() {
    return keyId(name, keyHash);
  }

  static String keyId(String name, int keyHash) {
    return name + "+" + String.format("%08x", keyHash);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NoteSignature s
        && name.equals(s.name)
        && keyHash == s.keyHash
        && Arrays.equals(signature, s.signature);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, keyHash, Arrays.hashCode(signature));
  }

  @Override
  public String toString() {
    return "NoteSignature[" + keyId() + " " + base64() + "]";
  }
}
