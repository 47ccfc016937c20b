package io.ossimport.core.filter;

/** A filter rule or glob that cannot be compiled; the message says what is wrong with it. */
public final class FilterSyntaxException extends Exception {
  private static final long serialVersionUID = 1L;

  FilterSyntaxException(String message) {
    super(message);
  }
}
