package io.ossimport.core.source.http;

import io.ossimport.core.source.ObjectKeys;
import io.ossimport.core.source.SourceObject;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a row of the URL list into the object it names. A good row is listed by its URL ({@code
 * prefix + relative path}), named {@code relative path} at the destination and grouped by its
 * prefix. A bad row is listed too, so that the worker records it as a failure: by a {@linkplain
 * BadRows reference} that names its line and what is wrong, which the source refuses to read.
 */
final class ListRows {
  /** The longest excerpt of a row quoted in a failure. */
  private static final int QUOTE_CHARS = 200;

  private final HttpSourceSettings settings;

  ListRows(HttpSourceSettings settings) {
    this.settings = settings;
  }

  /** The object of a non-blank line. */
  SourceObject object(ListFileReader.Line line) {
    if (line.tooLong) {
      return bad(
          line,
          "the row is longer than "
              + ListFileReader.MAX_LINE_BYTES
              + " bytes (are the line breaks of the file intact?)",
          null);
    }
    if (line.malformed) {
      return bad(line, "the row is not valid UTF-8: " + quote(line.text), null);
    }
    List<String> columns = columns(line.text);
    int needed = Math.max(settings.prefixColumn(), settings.pathColumn());
    if (columns.size() < needed) {
      return bad(
          line,
          "the row has "
              + columns.size()
              + (columns.size() == 1 ? " column" : " columns")
              + ", httpPrefixColumn="
              + settings.prefixColumn()
              + " and relativePathColumn="
              + settings.pathColumn()
              + " need "
              + needed
              + " separated by spaces or tabs: "
              + quote(line.text),
          null);
    }
    String prefix = columns.get(settings.prefixColumn() - 1);
    String path = columns.get(settings.pathColumn() - 1);
    String url = prefix + path;
    String urlProblem = HttpUrls.problem(url);
    if (urlProblem != null) {
      return bad(line, urlProblem + ": " + quote(url), path).inGroup(prefix);
    }
    String keyProblem = ObjectKeys.validate(settings.keyPrefix() + path);
    if (keyProblem != null) {
      return SourceObject.withInvalidKey(
              BadRows.reference(line.number, keyProblem), -1, -1, keyProblem)
          .withDestinationName(path)
          .inGroup(prefix);
    }
    return SourceObject.of(url, -1, -1).withDestinationName(path).inGroup(prefix);
  }

  /** True for a line with nothing but spaces and tabs. */
  static boolean isBlank(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!isSeparator(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  static List<String> columns(String text) {
    List<String> columns = new ArrayList<>();
    int i = 0;
    while (i < text.length()) {
      while (i < text.length() && isSeparator(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < text.length() && !isSeparator(text.charAt(i))) {
        i++;
      }
      if (i > start) {
        columns.add(text.substring(start, i));
      }
    }
    return columns;
  }

  private static boolean isSeparator(char c) {
    return c == ' ' || c == '\t';
  }

  /**
   * A row that cannot be read: its destination name is its relative path if it has one, else a name
   * that says which line it is, so the audit log names it.
   */
  private static SourceObject bad(ListFileReader.Line line, String problem, String path) {
    String name = path != null ? path : "<bad row: line " + line.number + ">";
    return SourceObject.of(BadRows.reference(line.number, problem), -1, -1)
        .withDestinationName(name);
  }

  private static String quote(String text) {
    String t = text.trim();
    return "'" + (t.length() > QUOTE_CHARS ? t.substring(0, QUOTE_CHARS) + "..." : t) + "'";
  }
}
