package dev.tlog.merkle.cosignature;

import dev.tlog.merkle.checkpoint.Checkpoint;
import dev.tlog.merkle.note.Ed25519KeyPair;
import dev.tlog.merkle.note.KeyFormatException;
import dev.tlog.merkle.note.KeyName;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.SignerKey;
import dev.tlog.merkle.note.UnsupportedKeyAlgorithmException;
import dev.tlog.merkle.note.VerifierKey;
import java.nio.ByteBuffer;
import java.security.SecureRandom;

/**
 * Makes Ed25519 cosignatures v1 (C2SP tlog-cosignature, signature type 0x04) on checkpoints. The
 * caller supplies the time, so a witness can sign only after persisting its new state. Thread-safe.
 * {@link #toString()} never shows the seed.
 */
public final class Cosigner {
  private final String name;
  private final Ed25519KeyPair keys;
  private final int keyHash;

  /** A cosigner named {@code name} with the key pair of a 32-byte {@code seed}. */
  public Cosigner(String name, byte[] seed) {
    this.name = KeyName.check(name);
    this.keys = Ed25519KeyPair.fromSeed(seed);
    this.keyHash = VerifierKey.keyHash(name, CosignatureVerifier.ALGORITHM, keys.publicKey());
  }

  /** A cosigner with a fresh key from {@code random}. */
  public static Cosigner generate(String name, SecureRandom random) {
    return new Cosigner(name, Ed25519KeyPair.generate(random).seed());
  }

  /** Parses {@code PRIVATE+KEY+<name>+<hash>+<base64(0x04 || seed)>}, checking the key hash. */
  public static Cosigner fromPrivateKey(String skey) {
    SignerKey k = SignerKey.parse(skey);
    if (k.algorithm() != CosignatureVerifier.ALGORITHM) {
      throw new UnsupportedKeyAlgorithmException(
          k.algorithm(),
          String.format(
              "private key has signature type 0x%02x, a cosigner key has 0x%02x",
              k.algorithm(), CosignatureVerifier.ALGORITHM));
    }
    Cosigner c = new Cosigner(k.name(), k.secret());
    if (c.keyHash != k.keyHash()) {
      throw new KeyFormatException(
          String.format(
              "private key for %s says key hash %08x, its public key gives %08x",
              k.name(), k.keyHash(), c.keyHash));
    }
    return c;
  }

  public String name() {
    return name;
  }

  public int keyHash() {
    return keyHash;
  }

  /**
   * Cosigns {@code checkpointBody} as of {@code unixSeconds}. The body must parse as a checkpoint:
   * a cosigner never signs anything else with this key.
   *
   * @throws dev.tlog.merkle.checkpoint.CheckpointFormatException if the body is not a checkpoint
   * @throws IllegalArgumentException if {@code unixSeconds} is negative
   */
  public NoteSignature cosign(String checkpointBody, long unixSeconds) {
    return cosign(Checkpoint.parse(checkpointBody), unixSeconds);
  }

  /** Cosigns {@code checkpoint} as of {@code unixSeconds}. */
  public NoteSignature cosign(Checkpoint checkpoint, long unixSeconds) {
    byte[] message = CosignedMessage.of(unixSeconds, checkpoint.toBody());
    byte[] sig =
        ByteBuffer.allocate(CosignatureVerifier.SIGNATURE_SIZE)
            .putLong(unixSeconds)
            .put(keys.sign(message))
            .array();
    return new NoteSignature(name, keyHash, sig);
  }

  /** A copy of the 32-byte public key. */
  public byte[] publicKey() {
    return keys.publicKey();
  }

  /** The matching verifier. */
  public CosignatureVerifier verifier() {
    return new CosignatureVerifier(name, keys.publicKey());
  }

  /** {@code <name>+<hash>+<base64(0x04 || public key)>}. */
  public String verifierKey() {
    return verifier().verifierKey();
  }

  /** {@code PRIVATE+KEY+<name>+<hash>+<base64(0x04 || seed)>}. Keep it secret. */
  public String privateKey() {
    return new SignerKey(name, keyHash, CosignatureVerifier.ALGORITHM, keys.seed()).encode();
  }

  @Override
  public String toString() {
    return "Cosigner[" + verifierKey() + "]";
  }
}
