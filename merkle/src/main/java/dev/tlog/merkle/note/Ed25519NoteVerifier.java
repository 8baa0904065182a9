package dev.tlog.merkle.note;

import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;

/** Verifies C2SP signed-note Ed25519 signatures (signature type 0x01). Thread-safe. */
public final class Ed25519NoteVerifier implements NoteVerifier {
  private final String name;
  private final byte[] publicKey;
  private final Ed25519PublicKeyParameters key;
  private final int keyHash;

  /** A verifier for {@code name} and a 32-byte Ed25519 public key. */
  public Ed25519NoteVerifier(String name, byte[] publicKey) {
    this.name = KeyName.check(name);
    this.publicKey = publicKey.clone();
    this.key = Ed25519KeyPair.decodePublicKey(this.publicKey);
    this.keyHash = VerifierKey.keyHash(name, Ed25519NoteSigner.ALGORITHM, this.publicKey);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int keyHash() {
    return keyHash;
  }

  @Override
  public boolean verify(byte[] message, byte[] signature) {
    return Ed25519KeyPair.verify(key, message, signature);
  }

  /** A copy of the 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** {@code <name>+<hash>+<base64(0x01 || public key)>}. */
  public String verifierKey() {
    return VerifierKey.encode(name, keyHash, Ed25519NoteSigner.ALGORITHM, publicKey);
  }

  @Override
  public String toString() {
    return "Ed25519NoteVerifier[" + verifierKey() + "]";
  }
}
