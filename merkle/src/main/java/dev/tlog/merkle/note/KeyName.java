package dev.tlog.merkle.note;

/**
 * The key-name rule of C2SP signed-note: non-empty, no Unicode space, no plus (U+002B). We also
 * reject ASCII control characters and unpaired surrogates, which could never appear in a valid note
 * anyway.
 */
public final class KeyName {
  private KeyName() {}

  /** Whether {@code name} is a valid key name. */
  public static boolean isValid(String name) {
    return name != null && problem(name) == null;
  }

  /** Returns {@code name}, or throws {@link KeyFormatException} saying what is wrong with it. */
  public static String check(String name) {
    if (name == null) {
      throw new KeyFormatException("key name is missing");
    }
    String problem = problem(name);
    if (problem != null) {
      throw new KeyFormatException("invalid key name \"" + name + "\": " + problem);
    }
    return name;
  }

  static String problem(String name) {
    if (name.isEmpty()) {
      return "empty";
    }
    for (int i = 0; i < name.length(); ) {
      int cp = name.codePointAt(i);
      if (cp == '+') {
        return "contains '+'";
      }
      if (isUnicodeSpace(cp)) {
        return String.format("contains space character U+%04X", cp);
      }
      if (cp < 0x20) {
        return String.format("contains control character U+%04X", cp);
      }
      if (Character.isSurrogate((char) cp)) {
        return "contains an unpaired surrogate";
      }
      i += Character.charCount(cp);
    }
    return null;
  }

  /** Go's unicode.IsSpace: ASCII \t \n \v \f \r and space, U+0085, U+00A0, and categories Z*. */
  static boolean isUnicodeSpace(int cp) {
    return (cp >= '\t' && cp <= '\r') || cp == ' ' || cp == 0x85 || Character.isSpaceChar(cp);
  }
}
