package dev.tlog.merkle.note;

import dev.tlog.merkle.cosignature.CosignatureVerifier;

/** Turns vkey strings into verifiers for the signature types tlog implements. */
public final class VerifierKeys {
  private VerifierKeys() {}

  /**
   * Parses a vkey: type 0x01 gives an {@link Ed25519NoteVerifier}, type 0x04 a {@link
   * CosignatureVerifier}; any other type throws {@link UnsupportedKeyAlgorithmException}.
   *
   * <p>The type is checked before the key hash, since the key-hash rule depends on the type.
   *
   * @throws KeyFormatException if the string is malformed or its key hash does not match
   */
  public static NoteVerifier parse(String vkey) {
    int algorithm = VerifierKey.peekAlgorithm(vkey);
    if (algorithm != Ed25519NoteSigner.ALGORITHM && algorithm != CosignatureVerifier.ALGORITHM) {
      throw new UnsupportedKeyAlgorithmException(
          algorithm,
          String.format(
              "verifier key %s has unsupported signature type 0x%02x",
              vkey.substring(0, vkey.indexOf('+')), algorithm));
    }
    VerifierKey k = VerifierKey.parse(vkey);
    return algorithm == Ed25519NoteSigner.ALGORITHM
        ? new Ed25519NoteVerifier(k.name(), k.publicKey())
        : new CosignatureVerifier(k.name(), k.publicKey());
  }
}
