package dev.tlog.merkle.checkpoint;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.InvalidHashException;
import dev.tlog.merkle.note.Note;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A C2SP tlog-checkpoint body: origin, tree size, root hash and optional extension lines. Every
 * value serializes with {@link #toBody()} to text that {@link #parse(String)} maps back to an equal
 * value.
 */
public record Checkpoint(String origin, long size, Hash root, List<String> extensions) {
  /** Longest body accepted, in characters: the note size limit. */
  public static final int MAX_BODY_CHARS = Note.MAX_NOTE_BYTES;

  public Checkpoint {
    Objects.requireNonNull(root, "root");
    extensions = List.copyOf(extensions);
    checkLine(origin, "origin");
    if (size < 0) {
      throw new CheckpointFormatException("tree size must be >= 0, got " + size);
    }
    for (int i = 0; i < extensions.size(); i++) {
      checkLine(extensions.get(i), "extension line " + (i + 1));
    }
  }

  /** A checkpoint without extension lines. */
  public Checkpoint(String origin, long size, Hash root) {
    this(origin, size, root, List.of());
  }

  /**
   * Parses a checkpoint body strictly, all or nothing.
   *
   * @throws CheckpointFormatException on any defect, with a message naming the line
   */
  public static Checkpoint parse(String body) {
    Objects.requireNonNull(body, "body");
    if (body.length() > MAX_BODY_CHARS) {
      throw new CheckpointFormatException(
          "checkpoint body is " + body.length() + " chars, limit is " + MAX_BODY_CHARS);
    }
    if (!body.endsWith("\n")) {
      throw new CheckpointFormatException("checkpoint body must end with a newline");
    }
    String[] lines = body.substring(0, body.length() - 1).split("\n", -1);
    if (lines.length < 3) {
      throw new CheckpointFormatException(
          "checkpoint body needs origin, size and root hash lines, got " + lines.length + " lines");
    }
    long size = parseSize(lines[1]);
    Hash root = parseRoot(lines[2]);
    List<String> ext = new ArrayList<>(List.of(lines).subList(3, lines.length));
    return new Checkpoint(lines[0], size, root, ext);
  }

  /** The body: origin, size, base64 root and extension lines, each ending in a newline. */
  public String toBody() {
    StringBuilder sb = new StringBuilder();
    sb.append(origin).append('\n').append(size).append('\n').append(root.toBase64()).append('\n');
    for (String e : extensions) {
      sb.append(e).append('\n');
    }
    return sb.toString();
  }

  /** C2SP: ASCII decimal, no sign, no leading zeros except "0" itself. */
  static long parseSize(String s) {
    boolean digits = !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    if (!digits) {
      throw new CheckpointFormatException(
          "tree size must be ASCII decimal digits, got \"" + abbreviate(s) + "\"");
    }
    if (s.length() > 1 && s.charAt(0) == '0') {
      throw new CheckpointFormatException(
          "tree size has a leading zero: \"" + abbreviate(s) + "\"");
    }
    if (s.length() > 19) {
      throw new CheckpointFormatException("tree size " + abbreviate(s) + " exceeds 2^63-1");
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw new CheckpointFormatException("tree size " + s + " exceeds 2^63-1");
    }
  }

  private static Hash parseRoot(String s) {
    try {
      return Hash.fromBase64(s);
    } catch (InvalidHashException e) {
      throw new CheckpointFormatException(
          "root hash line is not base64 of 32 bytes: \"" + abbreviate(s) + "\"");
    }
  }

  private static void checkLine(String line, String what) {
    Objects.requireNonNull(line, what);
    if (line.isEmpty()) {
      throw new CheckpointFormatException(what + " is empty");
    }
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c < 0x20) {
        throw new CheckpointFormatException(
            String.format("%s has control character U+%04X at index %d", what, (int) c, i));
      }
      if (Character.isHighSurrogate(c)
          && i + 1 < line.length()
          && Character.isLowSurrogate(line.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new CheckpointFormatException(what + " has an unpaired surrogate at index " + i);
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
