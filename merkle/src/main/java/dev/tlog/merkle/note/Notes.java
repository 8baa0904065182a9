package dev.tlog.merkle.note;

import dev.tlog.merkle.note.NoteVerificationException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Signing and opening (parse + verify) of C2SP signed notes. */
public final class Notes {
  private Notes() {}

  /**
   * Signs {@code text} with each signer, in order. The text must end in a newline and contain no
   * control characters other than newline; it may contain blank lines.
   */
  public static Note sign(String text, NoteSigner... signers) {
    Objects.requireNonNull(text, "text");
    Note.checkText(text);
    if (signers.length == 0) {
      throw new IllegalArgumentException("need at least one signer");
    }
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    List<NoteSignature> sigs = new ArrayList<>();
    for (NoteSigner s : signers) {
      sigs.add(new NoteSignature(s.name(), s.keyHash(), s.sign(message)));
    }
    return new Note(text, sigs);
  }

  /**
   * Parses {@code note} and verifies it against {@code known}, per C2SP signed-note: signatures by
   * unknown (name, key hash) pairs are kept but ignored; any signature by a known key must verify;
   * at least one must come from a known key.
   *
   * @throws NoteFormatException if the bytes are not a well-formed note
   * @throws NoteVerificationException if a known key's signature fails, or none is from a known key
   * @throws IllegalArgumentException if two verifiers in {@code known} share a name and key hash
   */
  public static VerifiedNote open(byte[] note, Collection<? extends NoteVerifier> known) {
    Map<String, NoteVerifier> byId = index(known);
    Note parsed = Note.parse(note);
    byte[] message = parsed.textBytes();
    List<NoteSignature> verified = new ArrayList<>();
    List<NoteSignature> unverified = new ArrayList<>();
    for (NoteSignature sig : parsed.signatures()) {
      NoteVerifier v = byId.get(sig.keyId());
      if (v == null) {
        unverified.add(sig);
      } else if (v.verify(message, sig.signature())) {
        verified.add(sig);
      } else {
        throw new NoteVerificationException(
            Reason.INVALID_SIGNATURE, "invalid signature by known key " + sig.keyId());
      }
    }
    if (verified.isEmpty()) {
      throw new NoteVerificationException(
          Reason.NO_TRUSTED_SIGNATURE,
          "no trusted signature: none of the "
              + unverified.size()
              + " signatures is by a known key (found "
              + String.join(", ", unverified.stream().map(NoteSignature::keyId).toList())
              + ")");
    }
    return new VerifiedNote(parsed, verified, unverified);
  }

  private static Map<String, NoteVerifier> index(Collection<? extends NoteVerifier> known) {
    Objects.requireNonNull(known, "known");
    Map<String, NoteVerifier> byId = new HashMap<>();
    for (NoteVerifier v : known) {
      String id = NoteSignature.keyId(v.name(), v.keyHash());
      NoteVerifier prev = byId.putIfAbsent(id, v);
      if (prev != null && prev != v) {
        throw new IllegalArgumentException("ambiguous verifiers: two keys are " + id);
      }
    }
    return byId;
  }
}
