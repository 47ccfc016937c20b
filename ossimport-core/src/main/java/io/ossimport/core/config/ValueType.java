package io.ossimport.core.config;

/** The kinds of value a configuration key holds; each has one syntax, checked on load. */
public enum ValueType {
  /** Free text, kept as written (files trim surrounding blanks). */
  TEXT("text"),
  /** Free text that is a credential: held as {@link Secret}, never shown. */
  SECRET("secret text"),
  /** {@code true} or {@code false}, case-insensitive. */
  BOOLEAN("true | false"),
  /** A whole number (decimal digits, optional leading '-'). */
  INTEGER("whole number"),
  /** Bytes, or a whole number with a k, m or g suffix ({@link SizeValue}). */
  SIZE("size (bytes or k/m/g)"),
  /** One of a fixed set of words, case-sensitive. */
  CHOICE("one of"),
  /** A JVM heap size for {@code -Xmx}: digits with an optional k, m or g suffix, kept as text. */
  HEAP_SIZE("-Xmx size"),
  /** A bandwidth timetable ({@link ThroughputTimetable}): {@code HH:MM,KB/s} or {@code off}, ... */
  TIMETABLE("timetable (HH:MM,KB/s|off;...)");

  private final String syntax;

  ValueType(String syntax) {
    this.syntax = syntax;
  }

  /** A short description of the accepted syntax, for documentation. */
  public String syntax() {
    return syntax;
  }
}
