package dev.tlog.merkle.note;

/** Signs note texts with one key. Implementations must be thread-safe. */
public interface NoteSigner {
  /** The key name written in the signature line. */
  String name();

  /** The 32-bit key hash (key ID) written before the signature bytes. */
  int keyHash();

  /** The signature of {@code message} (without the 4-byte key hash). */
  byte[] sign(byte[] message);
}
