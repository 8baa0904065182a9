package dev.tlog.client;

import dev.tlog.merkle.MerkleException;
import dev.tlog.merkle.cosignature.CosignatureVerifier;
import dev.tlog.merkle.note.Ed25519NoteVerifier;
import dev.tlog.merkle.note.NoteVerifier;
import dev.tlog.merkle.note.VerifierKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a client trusts about one log: its origin, its checkpoint-signing key and the witnesses
 * whose cosignatures it recognises. Immutable.
 */
public record LogIdentity(
    String origin, NoteVerifier logKey, String logVkey, List<CosignatureVerifier> witnesses) {
  public LogIdentity {
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(logKey, "logKey");
    Objects.requireNonNull(logVkey, "logVkey");
    witnesses = List.copyOf(witnesses);
  }

  /**
   * Parses the log's vkey and the witnesses' vkeys. {@code origin} may be null: the origin is then
   * the key name, as for every tlog log.
   *
   * @throws VerificationException if a key does not parse or has the wrong type
   */
  public static LogIdentity of(String logVkey, String origin, List<String> witnessVkeys) {
    NoteVerifier key = parse(logVkey.strip(), "log key");
    if (!(key instanceof Ed25519NoteVerifier)) {
      throw new VerificationException("log key " + key.name() + " is not an Ed25519 note key");
    }
    List<CosignatureVerifier> ws = new ArrayList<>();
    for (String w : witnessVkeys) {
      if (!(parse(w.strip(), "witness key") instanceof CosignatureVerifier c)) {
        throw new VerificationException("witness key " + w + " is not a cosignature (0x04) key");
      }
      ws.add(c);
    }
    return new LogIdentity(origin != null ? origin : key.name(), key, logVkey.strip(), ws);
  }

  /** The log key followed by the witness keys: everything a checkpoint note may be signed by. */
  public List<NoteVerifier> allKeys() {
    List<NoteVerifier> all = new ArrayList<>();
    all.add(logKey);
    all.addAll(witnesses);
    return all;
  }

  private static NoteVerifier parse(String vkey, String what) {
    try {
      return VerifierKeys.parse(vkey);
    } catch (MerkleException e) {
      throw new VerificationException(what + " does not parse: " + e.getMessage(), e);
    }
  }
}
