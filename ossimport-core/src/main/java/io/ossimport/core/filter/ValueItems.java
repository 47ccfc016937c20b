package io.ossimport.core.filter;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a key's value into items: at an unescaped separator and at line breaks (a repeated key's
 * lines are joined by line breaks), each item trimmed, empty ones dropped. {@code \<separator>} is
 * the separator itself inside an item.
 */
public final class ValueItems {
  private ValueItems() {}

  /**
   * @param keepEscape whether an escaped separator stays escaped in the item (a glob, which reads
   *     {@code \} itself) or becomes the plain character (a plain value)
   */
  public static List<String> split(String value, char separator, boolean keepEscape) {
    List<String> out = new ArrayList<String>();
    StringBuilder item = new StringBuilder();
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length() && value.charAt(i + 1) == separator) {
        if (keepEscape) {
          item.append('\\');
        }
        item.append(separator);
        i++;
      } else if (c == separator || c == '\n' || c == '\r') {
        add(out, item);
      } else {
        item.append(c);
      }
    }
    add(out, item);
    return out;
  }

  private static void add(List<String> out, StringBuilder item) {
    String text = item.toString().trim();
    if (!text.isEmpty()) {
      out.add(text);
    }
    item.setLength(0);
  }
}
