package dev.tlog.witness.http;

import dev.tlog.witness.errors.MalformedRequestException;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The origin segment of {@code /checkpoint/<origin>}: the origin's UTF-8 bytes percent-encoded, so
 * that {@code /} and spaces fit in one path segment. Decoding is strict: every {@code %} must be
 * followed by two hex digits and the bytes must be valid UTF-8; {@code +} is a literal plus.
 */
public final class OriginPath {
  /** Longest encoded origin accepted. */
  static final int MAX_ENCODED_LENGTH = 1024;

  private OriginPath() {}

  /** Percent-encodes {@code origin} (spaces as {@code %20}, not {@code +}). */
  public static String encode(String origin) {
    return URLEncoder.encode(origin, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** Decodes a raw path segment. */
  static String decode(String segment) {
    if (segment.isEmpty() || segment.length() > MAX_ENCODED_LENGTH) {
      throw new MalformedRequestException(
          "origin in path must be 1.." + MAX_ENCODED_LENGTH + " characters");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < segment.length(); i++) {
      char c = segment.charAt(i);
      if (c == '%') {
        int hi = i + 2 < segment.length() ? hex(segment.charAt(i + 1)) : -1;
        int lo = hi >= 0 ? hex(segment.charAt(i + 2)) : -1;
        if (lo < 0) {
          throw new MalformedRequestException("bad percent-encoding in origin at index " + i);
        }
        out.write(hi * 16 + lo);
        i += 2;
      } else if (c < 0x80) {
        out.write(c);
      } else {
        throw new MalformedRequestException("non-ASCII character in path; percent-encode it");
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new MalformedRequestException("origin in path is not UTF-8");
    }
  }

  // ASCII only: Character.digit also accepts digits of other scripts.
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
