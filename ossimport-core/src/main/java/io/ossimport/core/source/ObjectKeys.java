package io.ossimport.core.source;

/**
 * The OSS object-key rules, in one place for every source.
 *
 * <p>A key is valid when it is 1 to {@value #MAX_KEY_BYTES} bytes of UTF-8, does not start with
 * {@code /} or {@code \}, and contains only characters allowed in XML 1.0 (OSS lists keys in XML)
 * other than CR and LF, which OSS rejects: tab and every character from U+0020 are allowed, except
 * unpaired surrogates (no UTF-8 form) and U+FFFE/U+FFFF.
 */
public final class ObjectKeys {

  /** The longest key OSS accepts, in bytes of UTF-8. */
  public static final int MAX_KEY_BYTES = 1023;

  private ObjectKeys() {}

  /**
   * Checks a complete destination key ({@code destPrefix + reference}).
   *
   * @return {@code null} if OSS accepts the key, otherwise a sentence saying what is wrong
   */
  public static String validate(String key) {
    if (key == null || key.isEmpty()) {
      return "the object key is empty";
    }
    char first = key.charAt(0);
    if (first == '/' || first == '\\') {
      return "the object key starts with '" + first + "'; OSS keys must not start with / or \\";
    }
    int bytes = 0;
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < key.length()
          && Character.isLowSurrogate(key.charAt(i + 1))) {
        bytes += 4;
        i++;
        continue;
      }
      String problem = characterProblem(c);
      if (problem != null) {
        return "the object key contains "
            + problem
            + " at character "
            + (i + 1)
            + ", which OSS does not accept";
      }
      bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    }
    if (bytes > MAX_KEY_BYTES) {
      return "the object key is "
          + bytes
          + " bytes long in UTF-8; OSS accepts at most "
          + MAX_KEY_BYTES;
    }
    return null;
  }

  /** True if {@link #validate(String)} finds nothing wrong. */
  public static boolean isValid(String key) {
    return validate(key) == null;
  }

  private static String characterProblem(char c) {
    if (c == '\n') {
      return "a line feed (U+000A)";
    }
    if (c == '\r') {
      return "a carriage return (U+000D)";
    }
    if (c < 0x20 && c != '\t') {
      return "the control character " + codePoint(c);
    }
    if (Character.isSurrogate(c)) {
      return "an unpaired surrogate " + codePoint(c);
    }
    if (c == '\uFFFE' || c == '\uFFFF') {
      return "the non-character " + codePoint(c);
    }
    return null;
  }

  private static String codePoint(char c) {
    return String.format("U+%04X", (int) c);
  }
}
