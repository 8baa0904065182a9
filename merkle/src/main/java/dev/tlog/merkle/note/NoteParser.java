package dev.tlog.merkle.note;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The bounded, all-or-nothing signed-note parser behind {@link Note#parse(byte[])}. */
final class NoteParser {
  private static final byte[] SIG_PREFIX =
      NoteSignature.LINE_PREFIX.getBytes(StandardCharsets.UTF_8);

  private NoteParser() {}

  static Note parse(byte[] msg) {
    Objects.requireNonNull(msg, "note");
    if (msg.length > Note.MAX_NOTE_BYTES) {
      throw new NoteFormatException(
          "note is " + msg.length + " bytes, limit is " + Note.MAX_NOTE_BYTES);
    }
    checkUtf8(msg);
    for (int i = 0; i < msg.length; i++) {
      // UTF-8 continuation and lead bytes are all >= 0x80, so a byte scan finds every control.
      if ((msg[i] & 0xff) < 0x20 && msg[i] != '\n') {
        throw new NoteFormatException(
            String.format("control character 0x%02x at byte %d", msg[i] & 0xff, i));
      }
    }
    if (msg.length == 0 || msg[msg.length - 1] != '\n') {
      throw new NoteFormatException("note does not end with a newline");
    }
    int split = lastBlankLine(msg);
    if (split < 0) {
      throw new NoteFormatException("no blank line separates the text from the signatures");
    }
    String text = new String(msg, 0, split + 1, StandardCharsets.UTF_8);
    int start = split + 2;
    if (start >= msg.length) {
      throw new NoteFormatException("note has no signature lines");
    }
    List<NoteSignature> sigs = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    while (start < msg.length) {
      int end = indexOf(msg, (byte) '\n', start);
      if (sigs.size() == Note.MAX_SIGNATURES) {
        throw new NoteFormatException("note has more than " + Note.MAX_SIGNATURES + " signatures");
      }
      NoteSignature sig = parseLine(Arrays.copyOfRange(msg, start, end), sigs.size() + 1);
      if (!seen.add(sig.keyId())) {
        throw new NoteFormatException("duplicate signature for key " + sig.keyId());
      }
      sigs.add(sig);
      start = end + 1;
    }
    return new Note(text, sigs);
  }

  private static NoteSignature parseLine(byte[] line, int lineNo) {
    if (!startsWith(line, SIG_PREFIX)) {
      throw new NoteFormatException(
          "signature line " + lineNo + " does not start with an em dash and a space");
    }
    String rest =
        new String(
            line, SIG_PREFIX.length, line.length - SIG_PREFIX.length, StandardCharsets.UTF_8);
    int space = rest.indexOf(' ');
    if (space < 0) {
      throw new NoteFormatException("signature line " + lineNo + " has no space after the name");
    }
    String name = rest.substring(0, space);
    String b64 = rest.substring(space + 1);
    if (!KeyName.isValid(name)) {
      throw new NoteFormatException(
          "signature line " + lineNo + ": invalid key name \"" + name + "\"");
    }
    byte[] raw = decodeCanonical(b64);
    if (raw == null) {
      throw new NoteFormatException(
          "signature line " + lineNo + ": signature is not canonical padded base64");
    }
    if (raw.length < 5) {
      throw new NoteFormatException(
          "signature line "
              + lineNo
              + ": "
              + raw.length
              + " bytes, need a 4-byte key hash and"
              + " at least 1 signature byte");
    }
    int keyHash = ByteBuffer.wrap(raw).getInt();
    return new NoteSignature(name, keyHash, Arrays.copyOfRange(raw, 4, raw.length));
  }

  /** Standard padded base64 that re-encodes to itself, or null. */
  static byte[] decodeCanonical(String b64) {
    try {
      byte[] raw = Base64.getDecoder().decode(b64);
      return Base64.getEncoder().encodeToString(raw).equals(b64) ? raw : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static void checkUtf8(byte[] msg) {
    ByteBuffer in = ByteBuffer.wrap(msg);
    CharBuffer out = CharBuffer.allocate(msg.length);
    CoderResult r =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT)
            .decode(in, out, true);
    if (r.isError()) {
      throw new NoteFormatException(
          "note is not valid UTF-8: bad byte sequence at byte " + in.position());
    }
  }

  private static int lastBlankLine(byte[] msg) {
    for (int i = msg.length - 2; i >= 0; i--) {
      if (msg[i] == '\n' && msg[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static int indexOf(byte[] b, byte v, int from) {
    for (int i = from; i < b.length; i++) {
      if (b[i] == v) {
        return i;
      }
    }
    return -1;
  }

  private static boolean startsWith(byte[] b, byte[] prefix) {
    return b.length >= prefix.length
        && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
  }
}
