package dev.tlog.merkle.note;

/** Verifies note signatures made by one key. Implementations must be thread-safe. */
public interface NoteVerifier {
  /** The key name this verifier answers to. */
  String name();

  /** The 32-bit key hash (key ID) this verifier answers to. */
  int keyHash();

  /**
   * Whether {@code signature} (the bytes after the 4-byte key hash) is valid for {@code message}.
   * Never throws on malformed signatures; returns false instead.
   */
  boolean verify(byte[] message, byte[] signature);
}
