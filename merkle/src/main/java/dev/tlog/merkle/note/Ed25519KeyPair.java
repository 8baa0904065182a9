package dev.tlog.merkle.note;

import java.security.SecureRandom;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;

/**
 * An RFC 8032 Ed25519 key pair from a 32-byte seed, shared by note signers (type 0x01) and
 * cosigners (type 0x04). Immutable and thread-safe: each operation uses a fresh Bouncy Castle
 * signer.
 */
public final class Ed25519KeyPair {
  /** Seed, public key: 32 bytes each. */
  public static final int KEY_SIZE = 32;

  /** Signature: 64 bytes. */
  public static final int SIGNATURE_SIZE = 64;

  private final Ed25519PrivateKeyParameters privateKey;
  private final byte[] publicKey;

  private Ed25519KeyPair(byte[] seed) {
    this.privateKey = new Ed25519PrivateKeyParameters(seed, 0);
    this.publicKey = privateKey.generatePublicKey().getEncoded();
  }

  /** The key pair for {@code seed}, which must be 32 bytes. */
  public static Ed25519KeyPair fromSeed(byte[] seed) {
    if (seed == null || seed.length != KEY_SIZE) {
      throw new KeyFormatException(
          "Ed25519 seed must be " + KEY_SIZE + " bytes, got " + (seed == null ? 0 : seed.length));
    }
    return new Ed25519KeyPair(seed.clone());
  }

  /** A new key pair from {@code random}. */
  public static Ed25519KeyPair generate(SecureRandom random) {
    byte[] seed = new byte[KEY_SIZE];
    random.nextBytes(seed);
    return new Ed25519KeyPair(seed);
  }

  /** A copy of the 32-byte seed. */
  public byte[] seed() {
    return privateKey.getEncoded();
  }

  /** A copy of the 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** The deterministic 64-byte signature of {@code message}. */
  public byte[] sign(byte[] message) {
    Ed25519Signer signer = new Ed25519Signer();
    signer.init(true, privateKey);
    signer.update(message, 0, message.length);
    return signer.generateSignature();
  }

  /**
   * Throws {@link KeyFormatException} unless {@code publicKey} is 32 bytes encoding a point on the
   * curve.
   */
  public static void checkPublicKey(byte[] publicKey) {
    decodePublicKey(publicKey);
  }

  static Ed25519PublicKeyParameters decodePublicKey(byte[] publicKey) {
    if (publicKey.length != KEY_SIZE) {
      throw new KeyFormatException(
          "Ed25519 public key must be " + KEY_SIZE + " bytes, got " + publicKey.length);
    }
    try {
      return new Ed25519PublicKeyParameters(publicKey, 0);
    } catch (IllegalArgumentException e) {
      throw new KeyFormatException("not a valid Ed25519 public key: " + e.getMessage());
    }
  }

  /** Whether {@code signature} is a valid Ed25519 signature of {@code message} under the key. */
  public static boolean verify(byte[] publicKey, byte[] message, byte[] signature) {
    Ed25519PublicKeyParameters key;
    try {
      key = decodePublicKey(publicKey);
    } catch (KeyFormatException e) {
      return false;
    }
    return verify(key, message, signature);
  }

  static boolean verify(Ed25519PublicKeyParameters key, byte[] message, byte[] signature) {
    if (signature.length != SIGNATURE_SIZE) {
      return false;
    }
    Ed25519Signer verifier = new Ed25519Signer();
    verifier.init(false, key);
    verifier.update(message, 0, message.length);
    return verifier.verifySignature(signature);
  }

  @Override
  public String toString() {
    return "Ed25519KeyPair[public " + VerifierKey.hex(publicKey) + "]";
  }
}
