package io.ossimport.core.filter;

import java.util.regex.Pattern;

/**
 * One rclone-style glob over a path relative to the source root ({@code /} separators): {@code *}
 * any characters but {@code /}, {@code **} any characters, {@code ?} one character but {@code /},
 * {@code [...]} a character class ({@code [!...]} or {@code [^...]} negated), {@code {a,b}} one of
 * the alternatives, {@code \c} the character {@code c} itself. A leading {@code /} anchors the
 * pattern at the root; without it the pattern matches the end of the path at a whole path element
 * ({@code *.jpg} matches {@code a.jpg} and {@code d/a.jpg}, not {@code d/xa.jpg/z}).
 *
 * <p>Not supported (refused, so that a rule never silently means something else): rclone's {@code
 * {{regexp}}} and directory rules ending with {@code /} (objects have no directories here).
 */
public final class GlobPattern {
  private final String text;
  private final Pattern regex;

  private GlobPattern(String text, Pattern regex) {
    this.text = text;
    this.regex = regex;
  }

  /**
   * Compiles a glob.
   *
   * @throws FilterSyntaxException saying what is wrong, for the configuration's message
   */
  public static GlobPattern compile(String glob) throws FilterSyntaxException {
    if (glob.isEmpty()) {
      throw new FilterSyntaxException("empty pattern");
    }
    if (glob.contains("{{")) {
      throw new FilterSyntaxException(
          "'{{regexp}}' patterns are not supported in '" + glob + "'; write a glob");
    }
    if (glob.endsWith("/") && !glob.endsWith("\\/")) {
      throw new FilterSyntaxException(
          "'"
              + glob
              + "' ends with '/', which matches directories only in rclone; objects have no"
              + " directories here: write '"
              + glob
              + "**' for what is below it");
    }
    StringBuilder re = new StringBuilder();
    int i = 0;
    if (glob.charAt(0) == '/') {
      re.append('^');
      i = 1;
    } else {
      re.append("(?:^|/)");
    }
    boolean inAlternatives = false;
    while (i < glob.length()) {
      char c = glob.charAt(i);
      switch (c) {
        case '\\':
          if (i + 1 >= glob.length()) {
            throw new FilterSyntaxException("'" + glob + "' ends with a lone '\\'");
          }
          re.append(Pattern.quote(String.valueOf(glob.charAt(i + 1))));
          i += 2;
          continue;
        case '*':
          if (i + 1 < glob.length() && glob.charAt(i + 1) == '*') {
            re.append(".*");
            i += 2;
          } else {
            re.append("[^/]*");
            i++;
          }
          continue;
        case '?':
          re.append("[^/]");
          break;
        case '[':
          i = characterClass(glob, i, re);
          continue;
        case '{':
          if (inAlternatives) {
            throw new FilterSyntaxException("nested '{' in '" + glob + "'");
          }
          inAlternatives = true;
          re.append("(?:");
          break;
        case ',':
          re.append(inAlternatives ? "|" : ",");
          break;
        case '}':
          if (!inAlternatives) {
            throw new FilterSyntaxException("'}' without '{' in '" + glob + "'");
          }
          inAlternatives = false;
          re.append(')');
          break;
        default:
          re.append(Pattern.quote(String.valueOf(c)));
      }
      i++;
    }
    if (inAlternatives) {
      throw new FilterSyntaxException("'{' without '}' in '" + glob + "'");
    }
    re.append('$');
    return new GlobPattern(glob, Pattern.compile(re.toString(), Pattern.DOTALL));
  }

  /** Appends the class starting at {@code open} and returns the index after its {@code ]}. */
  private static int characterClass(String glob, int open, StringBuilder re)
      throws FilterSyntaxException {
    int i = open + 1;
    StringBuilder cls = new StringBuilder("[");
    if (i < glob.length() && (glob.charAt(i) == '!' || glob.charAt(i) == '^')) {
      cls.append('^');
      i++;
    }
    int first = i;
    while (i < glob.length() && (glob.charAt(i) != ']' || i == first)) {
      char c = glob.charAt(i);
      if (c == '\\' && i + 1 < glob.length()) {
        cls.append('\\').append(glob.charAt(i + 1));
        i += 2;
        continue;
      }
      if (c == '/') {
        throw new FilterSyntaxException("'/' inside '[...]' in '" + glob + "' never matches");
      }
      if (c == '[' || c == ']' || c == '&' || c == '\\') {
        cls.append('\\'); // literal here, special in a Java class
      }
      cls.append(c);
      i++;
    }
    if (i >= glob.length()) {
      throw new FilterSyntaxException("'[' without ']' in '" + glob + "'");
    }
    re.append(cls).append(']');
    return i + 1;
  }

  /** Whether the relative path (no leading {@code /}) matches. */
  public boolean matches(String relativePath) {
    return regex.matcher(relativePath).find();
  }

  @Override
  public String toString() {
    return text;
  }
}
