package io.ossimport.core.config;

import java.util.regex.Pattern;

/**
 * Recognises the local paths the original accepted on both Linux and Windows, whatever the platform
 * the check runs on: {@code /data/x/}, {@code C:/x/} and {@code C:\x\}. A Windows drive path uses
 * either separator; a POSIX path uses '/' only ('\' is a legal file-name character there).
 */
final class LocalPaths {
  private static final Pattern WINDOWS_DRIVE = Pattern.compile("[A-Za-z]:[\\\\/].*");

  private LocalPaths() {}

  static boolean isWindowsDrivePath(String path) {
    return WINDOWS_DRIVE.matcher(path).matches();
  }

  /** Absolute on some platform: starts with '/', or a drive letter, ':' and a separator. */
  static boolean isAbsolute(String path) {
    return path.startsWith("/") || isWindowsDrivePath(path);
  }

  /** Whether {@code c} separates directories in {@code path}. */
  static boolean isSeparator(String path, char c) {
    return c == '/' || (c == '\\' && isWindowsDrivePath(path));
  }

  /** The separator the path mostly uses: '\' for {@code C:\x}, else '/'. */
  static char preferredSeparator(String path) {
    return isWindowsDrivePath(path) && path.charAt(2) == '\\' ? '\\' : '/';
  }

  static boolean endsWithSeparator(String path) {
    return !path.isEmpty() && isSeparator(path, path.charAt(path.length() - 1));
  }

  /** Two separators in a row anywhere ({@code /data//x/}, {@code C:\\x\}). */
  static boolean hasDoubledSeparator(String path) {
    for (int i = 1; i < path.length(); i++) {
      if (isSeparator(path, path.charAt(i)) && isSeparator(path, path.charAt(i - 1))) {
        return true;
      }
    }
    return false;
  }

  /** The path with doubled separators collapsed and a trailing separator added. */
  static String asDirectory(String path) {
    StringBuilder out = new StringBuilder(path.length() + 1);
    for (int i = 0; i < path.length(); i++) {
      char c = path.charAt(i);
      boolean doubled = i > 0 && isSeparator(path, c) && isSeparator(path, path.charAt(i - 1));
      if (!doubled) {
        out.append(c);
      }
    }
    if (!endsWithSeparator(out.toString())) {
      out.append(preferredSeparator(path));
    }
    return out.toString();
  }
}
