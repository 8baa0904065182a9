package dev.tlog.merkle.note;

import java.util.List;
import java.util.Objects;

/**
 * A note whose signatures from known keys all verified. {@code verified} holds those signatures (at
 * least one); {@code unverified} holds signatures from keys the caller did not know, which were
 * ignored.
 */
public record VerifiedNote(
    Note note, List<NoteSignature> verified, List<NoteSignature> unverified) {
  public VerifiedNote {
    Objects.requireNonNull(note, "note");
    verified = List.copyOf(verified);
    unverified = List.copyOf(unverified);
  }

  /** The verified text. */
  public String text() {
    return note.text();
  }
}
