package dev.tlog.merkle.witness;

import dev.tlog.merkle.hash.Hash;
import dev.tlog.merkle.hash.InvalidHashException;
import dev.tlog.merkle.note.Note;
import dev.tlog.merkle.note.NoteFormatException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The body of a C2SP tlog-witness {@code add-checkpoint} request: an {@code old <size>} line, up to
 * 63 consistency proof lines (base64 hashes), an empty line, then a signed checkpoint note.
 *
 * <p>{@link #parse} is bounded and all or nothing: it throws {@link AddCheckpointFormatException}
 * on the first defect and never returns a partly parsed request. {@code parse(r.toBytes())} equals
 * {@code r} for every request.
 */
public record AddCheckpointRequest(long oldSize, List<Hash> proof, Note note) {
  /** Largest request body accepted, in bytes. */
  public static final int MAX_BODY_BYTES = 128 * 1024;

  /** Most consistency proof lines (C2SP: a client MUST NOT send more than 63). */
  public static final int MAX_PROOF_LINES = 63;

  private static final String OLD_PREFIX = "old ";

  public AddCheckpointRequest {
    Objects.requireNonNull(note, "note");
    proof = List.copyOf(proof);
    if (oldSize < 0) {
      throw new AddCheckpointFormatException("old size must be >= 0, got " + oldSize);
    }
    if (proof.size() > MAX_PROOF_LINES) {
      throw new AddCheckpointFormatException(
          "consistency proof has " + proof.size() + " lines, limit is " + MAX_PROOF_LINES);
    }
  }

  /** Parses a request body. */
  public static AddCheckpointRequest parse(byte[] body) {
    Objects.requireNonNull(body, "body");
    if (body.length > MAX_BODY_BYTES) {
      throw new AddCheckpointFormatException(
          "request body is " + body.length + " bytes, limit is " + MAX_BODY_BYTES);
    }
    int pos = 0;
    int end = lineEnd(body, pos, "old size");
    long old = parseOld(ascii(body, pos, end));
    pos = end + 1;
    List<Hash> proof = new ArrayList<>();
    while (true) {
      end = lineEnd(body, pos, "consistency proof");
      if (end == pos) {
        pos = end + 1;
        break;
      }
      if (proof.size() == MAX_PROOF_LINES) {
        throw new AddCheckpointFormatException(
            "more than " + MAX_PROOF_LINES + " consistency proof lines");
      }
      proof.add(parseHash(ascii(body, pos, end), proof.size() + 1));
      pos = end + 1;
    }
    byte[] noteBytes = java.util.Arrays.copyOfRange(body, pos, body.length);
    if (noteBytes.length == 0) {
      throw new AddCheckpointFormatException("request has no checkpoint after the empty line");
    }
    try {
      return new AddCheckpointRequest(old, proof, Note.parse(noteBytes));
    } catch (NoteFormatException e) {
      throw new AddCheckpointFormatException("checkpoint note: " + e.getMessage(), e);
    }
  }

  /** The request body. */
  public byte[] toBytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    StringBuilder head = new StringBuilder(OLD_PREFIX).append(oldSize).append('\n');
    for (Hash h : proof) {
      head.append(h.toBase64()).append('\n');
    }
    head.append('\n');
    out.writeBytes(head.toString().getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(note.toBytes());
    return out.toByteArray();
  }

  private static int lineEnd(byte[] body, int from, String what) {
    // No header line is longer than "old " + 19 digits, or 44 base64 characters.
    int limit = Math.min(body.length, from + 64);
    for (int i = from; i < limit; i++) {
      if (body[i] == '\n') {
        return i;
      }
    }
    throw new AddCheckpointFormatException(
        "expected a " + what + " line ending in a newline at byte " + from);
  }

  private static String ascii(byte[] body, int from, int to) {
    for (int i = from; i < to; i++) {
      if (body[i] < 0x20 || body[i] > 0x7e) {
        throw new AddCheckpointFormatException(
            String.format("byte 0x%02x at offset %d is not printable ASCII", body[i] & 0xff, i));
      }
    }
    return new String(body, from, to - from, StandardCharsets.US_ASCII);
  }

  /** C2SP: {@code old}, one space, ASCII decimal without leading zeros (unless exactly 0). */
  private static long parseOld(String line) {
    if (!line.startsWith(OLD_PREFIX)) {
      throw new AddCheckpointFormatException(
          "first line must be \"old <size>\", got \"" + abbreviate(line) + "\"");
    }
    String digits = line.substring(OLD_PREFIX.length());
    boolean ok =
        !digits.isEmpty()
            && digits.length() <= 19
            && digits.chars().allMatch(c -> c >= '0' && c <= '9')
            && (digits.length() == 1 || digits.charAt(0) != '0');
    if (!ok) {
      throw new AddCheckpointFormatException(
          "old size must be a canonical decimal, got \"" + abbreviate(digits) + "\"");
    }
    try {
      return Long.parseLong(digits);
    } catch (NumberFormatException e) {
      throw new AddCheckpointFormatException("old size " + digits + " exceeds 2^63-1");
    }
  }

  private static Hash parseHash(String line, int lineNo) {
    try {
      return Hash.fromBase64(line);
    } catch (InvalidHashException e) {
      throw new AddCheckpointFormatException(
          "consistency proof line " + lineNo + " is not base64 of 32 bytes: " + e.getMessage());
    }
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "…";
  }
}
