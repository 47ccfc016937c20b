package io.ossimport.maven;

import java.util.Arrays;
import java.util.List;

/**
 * Keeps the HTTP libraries' own logging out of {@code mvn -X} unless {@code ossimport.wireLog} asks
 * for it. Why it shows up at all: HttpClient and the OSS SDK log through commons-logging 1.3, which
 * picks SLF4J when it finds it, and the plugin realm sees Maven's own SLF4J binding (a simple
 * logger whose root level {@code -X} sets to debug), so every request body became debug lines (130
 * MB for a 29 MB import). That simple logger reads a per-logger level from the system property
 * {@code org.slf4j.simpleLogger.log.<name>} when a logger is first created, which happens when the
 * libraries' classes load, after this runs.
 */
final class WireLog {
  private static final String PREFIX = "org.slf4j.simpleLogger.log.";

  /** The loggers of the HTTP client and the SDKs on top of it. */
  static final List<String> LOGGERS =
      Arrays.asList("org.apache.http", "com.aliyun.oss", "software.amazon.awssdk");

  /** The level they get while the wire log is off. */
  static final String QUIET = "info";

  private WireLog() {}

  /**
   * With {@code on}, the libraries follow Maven's level ({@code -X}: debug); without, they log at
   * info at most. A level the user set for one of them ({@code -Dorg.slf4j.simpleLogger.log...}) is
   * left alone.
   */
  static synchronized void configure(boolean on) {
    for (String logger : LOGGERS) {
      String key = PREFIX + logger;
      String set = System.getProperty(key);
      if (on && QUIET.equals(set)) {
        System.clearProperty(key);
      } else if (!on && set == null) {
        System.setProperty(key, QUIET);
      }
    }
  }
}
