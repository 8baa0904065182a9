package dev.tlog.merkle.note;

import dev.tlog.merkle.MerkleException;

/** Bytes are not a well-formed signed note, or a note value would not serialize to one. */
public final class NoteFormatException extends MerkleException {
  private static final long serialVersionUID = 1L;

  public NoteFormatException(String message) {
    super(message);
  }
}
