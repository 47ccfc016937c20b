package io.ossimport.core.api;

/**
 * Remedy words of no front end, for the core's tests: only retry and start are worded, in capitals,
 * to show where each front end's words go.
 */
final class PlainWords {
  static final RemedyWords WORDS =
      RemedyWords.builder().retryAndStart("RETRY[ {job}] and START").build();

  private PlainWords() {}
}
