package dev.tlog.merkle.note;

import dev.tlog.merkle.cosignature.CosignatureVerifier;

/** Turns vkey strings into verifiers for the signature types tlog implements. */
public final class VerifierKeys {
  private VerifierKeys() {}

  /**
   * Parses a vkey: type 0x01 gives an {@link Ed25519NoteVerifier}, type 0x04 a {@link
   * CosignatureVerifier}; any other type throws {@link UnsupportedKeyAlgorithmException}.
   *
   * @throws KeyFormatException if the string is malformed or its key hash does not match
   */
  public static NoteVerifier parse(String vkey) {
    VerifierKey k = VerifierKey.parse(vkey);
    return switch (k.algorithm()) {
      case Ed25519NoteSigner.ALGORITHM -> new Ed25519NoteVerifier(k.name(), k.publicKey());
      case CosignatureVerifier.ALGORITHM -> new CosignatureVerifier(k.name(), k.publicKey());
      default ->
          throw new UnsupportedKeyAlgorithmException(
              k.algorithm(),
              String.format(
                  "verifier key %s+%08x has unsupported signature type 0x%02x",
                  k.name(), k.keyHash(), k.algorithm()));
    };
  }
}
