package io.ossimport.core.source.http;

/**
 * The references of bad list rows: {@code "line N: what is wrong"}. They cannot be mistaken for a
 * URL (every good row's reference starts with {@code http://} or {@code https://}), so the source
 * knows them when a worker asks for one and answers with the line and the problem.
 */
final class BadRows {
  private static final String PREFIX = "line ";

  private BadRows() {}

  static String reference(long lineNumber, String problem) {
    return PREFIX + lineNumber + ": " + problem;
  }

  /** True unless {@code reference} is a URL of a good row. */
  static boolean isBad(String reference) {
    return !HttpUrls.hasHttpScheme(reference);
  }
}
