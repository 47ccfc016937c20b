package io.ossimport.maven;

import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.logging.SystemStreamLog;

/** A Maven log that also keeps every line, prefixed with its level, for assertions. */
final class RecordingLog extends SystemStreamLog {
  private final List<String> lines = new ArrayList<String>();

  synchronized List<String> lines() {
    return new ArrayList<String>(lines);
  }

  synchronized String text() {
    return String.join("\n", lines);
  }

  private synchronized void record(String level, CharSequence content) {
    lines.add(level + " " + content);
  }

  @Override
  public void debug(CharSequence content) {
    record("DEBUG", content);
  }

  @Override
  public void info(CharSequence content) {
    record("INFO", content);
    super.info(content);
  }

  @Override
  public void warn(CharSequence content) {
    record("WARN", content);
    super.warn(content);
  }

  @Override
  public void error(CharSequence content) {
    record("ERROR", content);
    super.error(content);
  }
}
