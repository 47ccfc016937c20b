package io.ossimport.core.source.local;

import java.util.Arrays;
import java.util.Comparator;

/**
 * The order entries are listed in: names by {@link String#compareTo}, and relative paths component
 * by component (a directory before everything inside it, and its subtree before its next sibling).
 * That is the order of a depth-first walk that visits each directory's names sorted.
 */
final class Names {
  static final Comparator<String> ORDER = Comparator.naturalOrder();

  private Names() {}

  /** Compares two {@code /}-separated relative paths component-wise. */
  static int comparePaths(String a, String b) {
    String[] x = split(a);
    String[] y = split(b);
    for (int i = 0; i < Math.min(x.length, y.length); i++) {
      int c = x[i].compareTo(y[i]);
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(x.length, y.length);
  }

  /** Splits a relative path into its names; the empty path has none. */
  static String[] split(String path) {
    return path.isEmpty() ? new String[0] : path.split("/", -1);
  }

  /** Index of the first name in sorted {@code names} that is not before {@code name}. */
  static int firstNotBefore(String[] names, String name) {
    int i = Arrays.binarySearch(names, name);
    return i >= 0 ? i : -i - 1;
  }
}
