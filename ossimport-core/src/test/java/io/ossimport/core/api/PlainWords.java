package io.ossimport.core.api;

/**
 * Remedy words of no front end, for the core's tests: only retry and start are worded, in capitals,
 * to show where each front end's words go.
 */
class PlainWords extends RemedyWords {
  static final PlainWords WORDS = new PlainWords();

  @Override
  protected String retryAndStart(String job) {
    return "RETRY " + job + " and START";
  }
}
