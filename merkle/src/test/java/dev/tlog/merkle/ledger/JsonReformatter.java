package dev.tlog.merkle.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Writes a JSON value the way some other encoder might: members in random order, random
 * insignificant whitespace, strings with optional escapes ({@code \u00e9}, surrogate pairs, {@code
 * \/}) and numbers in another form ({@code 3.0}, {@code 3e0}, {@code 1.0E-7}). The value it denotes
 * is unchanged, so its RFC 8785 form is too.
 */
final class JsonReformatter {
  private static final String[] SPACE = {"", "", " ", "\n", "\t", "\r\n  ", "   "};
  private final Random random;
  private final StringBuilder out = new StringBuilder();

  private JsonReformatter(Random random) {
    this.random = random;
  }

  static String reformat(JsonNode value, Random random) {
    JsonReformatter f = new JsonReformatter(random);
    f.space();
    f.value(value);
    f.space();
    return f.out.toString();
  }

  private void value(JsonNode n) {
    if (n.isObject()) {
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      Collections.shuffle(names, random);
      out.append('{');
      for (int i = 0; i < names.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        space();
        string(names.get(i));
        space();
        out.append(':');
        space();
        value(n.get(names.get(i)));
        space();
      }
      space();
      out.append('}');
    } else if (n.isArray()) {
      out.append('[');
      for (int i = 0; i < n.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        space();
        value(n.get(i));
        space();
      }
      out.append(']');
    } else if (n.isTextual()) {
      string(n.textValue());
    } else if (n.isIntegralNumber()) {
      long v = n.longValue();
      String[] forms = {Long.toString(v), v + ".0", v + "e0", v + "E+0", v + ".000e-0"};
      out.append(forms[random.nextInt(forms.length)]);
    } else if (n.isNumber()) {
      String s = Double.toString(n.doubleValue());
      out.append(random.nextBoolean() ? s : s.replace("E", "e"));
    } else {
      out.append(n.toString()); // true, false, null
    }
  }

  private void string(String s) {
    out.append('"');
    s.codePoints().forEach(this::codePoint);
    out.append('"');
  }

  private void codePoint(int cp) {
    boolean escape = random.nextInt(4) == 0;
    if (cp == '"' || cp == '\\') {
      out.append(escape ? unicode(cp) : "\\" + (char) cp);
    } else if (cp < 0x20) {
      String shortForm = shortEscape(cp);
      out.append(shortForm != null && !escape ? shortForm : unicode(cp));
    } else if (cp == '/' && escape) {
      out.append("\\/");
    } else if (escape && cp > 0xffff) {
      char[] pair = Character.toChars(cp);
      out.append(unicode(pair[0])).append(unicode(pair[1]));
    } else if (escape) {
      out.append(unicode(cp));
    } else {
      out.appendCodePoint(cp);
    }
  }

  private String unicode(int c) {
    String hex = String.format("%04x", c);
    return "\\u" + (random.nextBoolean() ? hex : hex.toUpperCase());
  }

  private static String shortEscape(int c) {
    switch (c) {
      case '\b':
        return "\\b";
      case '\f':
        return "\\f";
      case '\n':
        return "\\n";
      case '\r':
        return "\\r";
      case '\t':
        return "\\t";
      default:
        return null;
    }
  }

  private void space() {
    out.append(SPACE[random.nextInt(SPACE.length)]);
  }
}
