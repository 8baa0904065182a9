package dev.tlog.merkle.note;

import java.security.SecureRandom;

/**
 * Signs notes with Ed25519 (C2SP signed-note signature type 0x01). Thread-safe. {@link #toString()}
 * never shows the seed.
 */
public final class Ed25519NoteSigner implements NoteSigner {
  /** The C2SP signed-note signature type of plain Ed25519 signatures. */
  public static final int ALGORITHM = 0x01;

  private final String name;
  private final Ed25519KeyPair keys;
  private final int keyHash;

  /** A signer named {@code name} with the key pair of a 32-byte {@code seed}. */
  public Ed25519NoteSigner(String name, byte[] seed) {
    this.name = KeyName.check(name);
    this.keys = Ed25519KeyPair.fromSeed(seed);
    this.keyHash = VerifierKey.keyHash(name, ALGORITHM, keys.publicKey());
  }

  /** A signer with a fresh key from {@code random}. */
  public static Ed25519NoteSigner generate(String name, SecureRandom random) {
    return new Ed25519NoteSigner(name, Ed25519KeyPair.generate(random).seed());
  }

  /**
   * Parses {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>} and checks the key hash against
   * the derived public key.
   */
  public static Ed25519NoteSigner fromPrivateKey(String skey) {
    SignerKey k = SignerKey.parse(skey);
    if (k.algorithm() != ALGORITHM) {
      throw new UnsupportedKeyAlgorithmException(
          k.algorithm(),
          String.format(
              "private key has signature type 0x%02x, an Ed25519 note key has 0x%02x",
              k.algorithm(), ALGORITHM));
    }
    Ed25519NoteSigner signer = new Ed25519NoteSigner(k.name(), k.secret());
    if (signer.keyHash != k.keyHash()) {
      throw new KeyFormatException(
          String.format(
              "private key for %s says key hash %08x, its public key gives %08x",
              k.name(), k.keyHash(), signer.keyHash));
    }
    return signer;
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
  public byte[] sign(byte[] message) {
    return keys.sign(message);
  }

  /** A copy of the 32-byte public key. */
  public byte[] publicKey() {
    return keys.publicKey();
  }

  /** The matching verifier. */
  public Ed25519NoteVerifier verifier() {
    return new Ed25519NoteVerifier(name, keys.publicKey());
  }

  /** {@code <name>+<hash>+<base64(0x01 || public key)>}. */
  public String verifierKey() {
    return VerifierKey.encode(name, keyHash, ALGORITHM, keys.publicKey());
  }

  /** {@code PRIVATE+KEY+<name>+<hash>+<base64(0x01 || seed)>}. Keep it secret. */
  public String privateKey() {
    return new SignerKey(name, keyHash, ALGORITHM, keys.seed()).encode();
  }

  @Override
  public String toString() {
    return "Ed25519NoteSigner[" + verifierKey() + "]";
  }
}
