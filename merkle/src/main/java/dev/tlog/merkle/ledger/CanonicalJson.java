package dev.tlog.merkle.ledger;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;
import org.erdtman.jcs.JsonCanonicalizer;

/**
 * Strict JSON in, RFC 8785 (JCS) canonical JSON out. Input must be valid UTF-8 holding one JSON
 * value with no duplicate member names, nested at most {@value #MAX_DEPTH} deep; integers must lie
 * within +-2^53 (I-JSON, RFC 7493 §2.2) so that JCS's IEEE-754 numbers keep them exact.
 */
final class CanonicalJson {
  static final int MAX_DEPTH = 32;
  private static final long MAX_SAFE_INTEGER = (1L << 53);

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  static {
    MAPPER
        .getFactory()
        .setStreamReadConstraints(
            StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH + 2).build());
  }

  private CanonicalJson() {}

  /** Parses {@code bytes}, a whole document, strictly; failures name {@code field}. */
  static JsonNode parse(String field, byte[] bytes) {
    return parse(field, bytes, 0);
  }

  /**
   * Parses {@code bytes} strictly as a value that will sit {@code depth} levels inside its document
   * (a payload: 1, inside its submission and its payload record), so that a value accepted alone is
   * accepted in its document too; failures name {@code field}.
   */
  static JsonNode parse(String field, byte[] bytes, int depth) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new EventFormatException(field, "not valid UTF-8");
    }
    try {
      JsonNode node = MAPPER.readTree(text);
      if (node == null || node.isMissingNode()) {
        throw new EventFormatException(field, "empty document");
      }
      checkValues(field, node, depth);
      return node;
    } catch (IOException e) {
      throw new EventFormatException(field, "not valid JSON: " + firstLine(e.getMessage()));
    }
  }

  /** The JCS encoding of {@code node}. */
  static String canonical(JsonNode node) {
    try {
      return new JsonCanonicalizer(MAPPER.writeValueAsString(node)).getEncodedString();
    } catch (IOException e) {
      throw new IllegalStateException("JCS rejected Jackson output", e);
    }
  }

  static ObjectMapper mapper() {
    return MAPPER;
  }

  /**
   * Strings must be valid Unicode: no unpaired UTF-16 surrogate, such as a {@code "\ud800"} escape
   * (I-JSON, RFC 7493 §2.1, which RFC 8785 §3.1 requires). Java would encode one as {@code ?}, so
   * the bytes committed would not be the ones sent.
   */
  static void checkUnicode(String field, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        throw new EventFormatException(
            field,
            String.format(
                "lone surrogate U+%04X at character %d is not Unicode (RFC 7493 §2.1)",
                (int) c, i));
      }
    }
  }

  /**
   * One rule for every number, however it is written: its canonical form must not be an integer
   * beyond +-2^53 (RFC 7493 §2.2). JCS writes a double below 1e21 in magnitude without an exponent,
   * so {@code 1e16} canonicalises to {@code 10000000000000000} and fails here, on the first pass,
   * rather than only when its canonical form is parsed again.
   */
  private static void checkNumber(String field, JsonNode node) {
    if (node.isIntegralNumber()) {
      // Not Math.abs: it leaves Long.MIN_VALUE negative.
      if (!node.canConvertToLong()
          || node.longValue() > MAX_SAFE_INTEGER
          || node.longValue() < -MAX_SAFE_INTEGER) {
        throw new EventFormatException(
            field,
            "integer " + node.asText() + " is outside +-2^53 (RFC 7493); send it as a string");
      }
      return;
    }
    double d = node.doubleValue();
    if (!Double.isFinite(d)) {
      throw new EventFormatException(field, "number " + node.asText() + " is not finite");
    }
    if (Math.abs(d) > MAX_SAFE_INTEGER && Math.abs(d) < 1e21) {
      throw new EventFormatException(
          field,
          "number "
              + node.asText()
              + " canonicalises to an integer outside +-2^53 (RFC 7493); send it as a string");
    }
  }

  private static void checkValues(String field, JsonNode node, int depth) {
    if (depth > MAX_DEPTH) {
      throw new EventFormatException(field, "nested deeper than " + MAX_DEPTH);
    }
    if (node.isNumber()) {
      checkNumber(field, node);
    } else if (node.isTextual()) {
      checkUnicode(field, node.textValue());
    }
    if (node.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> member = it.next();
        checkUnicode(field, member.getKey());
        checkValues(field, member.getValue(), depth + 1);
      }
    } else if (node.isArray()) {
      for (JsonNode child : node) {
        checkValues(field, child, depth + 1);
      }
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "?";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
