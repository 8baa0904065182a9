package dev.tlog.merkle.cosignature;

import dev.tlog.merkle.note.Ed25519KeyPair;
import dev.tlog.merkle.note.KeyName;
import dev.tlog.merkle.note.NoteSignature;
import dev.tlog.merkle.note.NoteVerificationException;
import dev.tlog.merkle.note.NoteVerificationException.Reason;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKey;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.OptionalLong;

/**
 * Verifies Ed25519 cosignatures v1 (signature type 0x04). As a {@link NoteVerifier} it plugs into
 * {@link dev.tlog.merkle.note.Notes#open}: the note text is the checkpoint body and the signature
 * bytes are {@code timestamp (8 bytes, big-endian) || Ed25519 signature (64 bytes)}. Thread-safe.
 */
public final class CosignatureVerifier implements NoteVerifier {
  /** The C2SP signature type of Ed25519 cosignatures v1. */
  public static final int ALGORITHM = 0x04;

  /** Signature bytes after the key hash: 8-byte timestamp and 64-byte Ed25519 signature. */
  public static final int SIGNATURE_SIZE = 8 + Ed25519KeyPair.SIGNATURE_SIZE;

  private final String name;
  private final byte[] publicKey;
  private final int keyHash;

  /** A verifier for cosigner {@code name} with a 32-byte Ed25519 public key. */
  public CosignatureVerifier(String name, byte[] publicKey) {
    this.name = KeyName.check(name);
    this.publicKey = publicKey.clone();
    Ed25519KeyPair.checkPublicKey(this.publicKey);
    this.keyHash = VerifierKey.keyHash(name, ALGORITHM, this.publicKey);
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
    OptionalLong time = timestamp(signature);
    if (time.isEmpty()) {
      return false;
    }
    byte[] sig = Arrays.copyOfRange(signature, 8, SIGNATURE_SIZE);
    return Ed25519KeyPair.verify(publicKey, CosignedMessage.of(time.getAsLong(), message), sig);
  }

  /**
   * The timestamp in cosignature bytes (after the key hash), without checking the signature; empty
   * if the bytes are not 72 long or the timestamp exceeds 2^63-1.
   */
  public OptionalLong timestamp(byte[] signature) {
    return timestampOf(signature);
  }

  /** As {@link #timestamp(byte[])}, for callers without a verifier. */
  public static OptionalLong timestampOf(byte[] signature) {
    if (signature == null || signature.length != SIGNATURE_SIZE) {
      return OptionalLong.empty();
    }
    long t = ByteBuffer.wrap(signature).getLong();
    return t < 0 ? OptionalLong.empty() : OptionalLong.of(t);
  }

  /**
   * Verifies {@code sig} over {@code checkpointBody} and returns who cosigned when.
   *
   * @throws IllegalArgumentException if {@code sig} is not by this verifier's (name, key hash)
   * @throws NoteVerificationException if the cosignature is invalid
   */
  public Cosignature check(String checkpointBody, NoteSignature sig) {
    if (!sig.name().equals(name) || sig.keyHash() != keyHash) {
      throw new IllegalArgumentException(
          "signature is by "
              + sig.keyId()
              + ", this verifier is "
              + String.format("%s+%08x", name, keyHash));
    }
    byte[] raw = sig.signature();
    if (!verify(checkpointBody.getBytes(StandardCharsets.UTF_8), raw)) {
      throw new NoteVerificationException(
          Reason.INVALID_SIGNATURE, "invalid cosignature by known key " + sig.keyId());
    }
    return new Cosignature(name, keyHash, timestampOf(raw).getAsLong());
  }

  /** A copy of the 32-byte public key. */
  public byte[] publicKey() {
    return publicKey.clone();
  }

  /** {@code <name>+<hash>+<base64(0x04 || public key)>}. */
  public String verifierKey() {
    return new VerifierKey(name, keyHash, ALGORITHM, publicKey).encode();
  }

  @Override
  public String toString() {
    return "CosignatureVerifier[" + verifierKey() + "]";
  }
}
