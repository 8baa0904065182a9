package dev.tlog.merkle.note;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A C2SP signed note: a text and one or more signature lines. Every {@code Note} value serializes
 * to bytes that {@link #parse(byte[])} accepts and maps back to an equal value.
 *
 * <p>Parsing does not verify signatures; use {@link Notes#open} for that.
 */
public record Note(String text, List<NoteSignature> signatures) {
  /** Largest serialized note accepted, in bytes (room for 100 post-quantum signatures). */
  public static final int MAX_NOTE_BYTES = 1 << 20;

  /** Most signature lines accepted in one note (the limit Go's sumdb/note applies). */
  public static final int MAX_SIGNATURES = 100;

  public Note {
    Objects.requireNonNull(text, "text");
    signatures = List.copyOf(signatures);
    checkText(text);
    if (signatures.isEmpty()) {
      throw new NoteFormatException("a signed note needs at least one signature");
    }
    if (signatures.size() > MAX_SIGNATURES) {
      throw new NoteFormatException(
          "note has " + signatures.size() + " signatures, limit is " + MAX_SIGNATURES);
    }
    Set<String> seen = new HashSet<>();
    for (NoteSignature s : signatures) {
      if (!seen.add(s.keyId())) {
        throw new NoteFormatException("duplicate signature for key " + s.keyId());
      }
    }
    int size = serializedSize(text, signatures);
    if (size > MAX_NOTE_BYTES) {
      throw new NoteFormatException("note would be " + size + " bytes, limit is " + MAX_NOTE_BYTES);
    }
  }

  /** Parses a signed note, all or nothing. Throws {@link NoteFormatException} on any defect. */
  public static Note parse(byte[] bytes) {
    return NoteParser.parse(bytes);
  }

  /** Parses the UTF-8 encoding of {@code note}. */
  public static Note parse(String note) {
    Objects.requireNonNull(note, "note");
    if (note.length() > MAX_NOTE_BYTES) {
      throw new NoteFormatException(
          "note is over " + MAX_NOTE_BYTES + " bytes, limit is " + MAX_NOTE_BYTES);
    }
    checkNoUnpairedSurrogates(note, "note");
    return NoteParser.parse(note.getBytes(StandardCharsets.UTF_8));
  }

  /** The text's UTF-8 bytes: what every signature signs. */
  public byte[] textBytes() {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  /** The serialized note: text, a blank line, then one line per signature. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(textBytes());
    out.write('\n');
    for (NoteSignature s : signatures) {
      out.writeBytes(s.toLine().getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  /** {@link #toBytes()} as a string. */
  public String serialize() {
    return new String(toBytes(), StandardCharsets.UTF_8);
  }

  /**
   * A copy of this note with {@code signature} appended; an existing signature by the same (name,
   * key hash) is replaced, as Go's note.Sign does.
   */
  public Note withSignature(NoteSignature signature) {
    List<NoteSignature> out = new ArrayList<>();
    for (NoteSignature s : signatures) {
      if (!s.keyId().equals(signature.keyId())) {
        out.add(s);
      }
    }
    out.add(signature);
    return new Note(text, out);
  }

  /**
   * Checks that {@code text} can be the text of a signed note: non-empty, ends in a newline, no
   * control characters other than newline, no unpaired surrogates.
   */
  static void checkText(String text) {
    if (text.isEmpty() || text.charAt(text.length() - 1) != '\n') {
      throw new NoteFormatException("note text must end with a newline");
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\n') {
        throw new NoteFormatException(
            String.format("control character U+%04X in note text at index %d", (int) c, i));
      }
    }
    checkNoUnpairedSurrogates(text, "note text");
  }

  private static void checkNoUnpairedSurrogates(String s, String what) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new NoteFormatException(what + " is not valid Unicode: unpaired surrogate at " + i);
      }
    }
  }

  private static int serializedSize(String text, List<NoteSignature> signatures) {
    long size = text.getBytes(StandardCharsets.UTF_8).length + 1L;
    for (NoteSignature s : signatures) {
      size += s.toLine().getBytes(StandardCharsets.UTF_8).length;
    }
    return (int) Math.min(size, Integer.MAX_VALUE);
  }
}
