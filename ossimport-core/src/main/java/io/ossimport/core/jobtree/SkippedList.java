package io.ossimport.core.jobtree;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code master/jobs/<job>/skipped.list}: every object a rule the user set left alone on purpose
 * ({@code isAllowSymbolicLink=false}, {@code importSince}, {@code isSkipExistFile}, ...), with the
 * rule. Format version 1: header {@code ossimport-skipped 1}, then per object the reason code
 * ({@link ReasonCode#SYMBOLIC_LINK_NOT_ALLOWED}, ...), TAB, escaped source reference, TAB, escaped
 * destination key, as in {@code error.list}.
 *
 * <p>The worker appends a line just before it records the object DONE in its progress log ({@link
 * AppendLog} rules: no fsync, a torn tail is cut off), so a crash between the two can repeat a line
 * when the task runs again; the JOB counters, which come from the audit log, are exact.
 */
public final class SkippedList implements Closeable {
  static final String HEADER = "ossimport-skipped 1";

  private final AppendLog log;

  private SkippedList(AppendLog log) {
    this.log = log;
  }

  static SkippedList open(Path file) throws IOException {
    return new SkippedList(AppendLog.open(file, HEADER, SkippedList::isValid));
  }

  /** Appends one object; serialized, for the object threads of all the job's tasks. */
  public synchronized void append(ReasonCode rule, String source, String destination)
      throws IOException {
    log.append(
        rule.name() + "\t" + NameCodec.escape(source) + "\t" + NameCodec.escape(destination));
  }

  /** Reads the whole list (for tests and tools; it can be long); a missing file reads as empty. */
  public static List<ErrorEntry> read(Path file) throws IOException {
    List<ErrorEntry> entries = new ArrayList<>();
    AppendLog.read(
        file,
        HEADER,
        SkippedList::isValid,
        (line, n) -> {
          String[] f = line.split("\t", -1);
          entries.add(
              new ErrorEntry(
                  ReasonCode.parse(f[0]), NameCodec.unescape(f[1]), NameCodec.unescape(f[2])));
        });
    return entries;
  }

  private static boolean isValid(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 3) {
      return false;
    }
    try {
      NameCodec.unescape(f[1]);
      NameCodec.unescape(f[2]);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  @Override
  public synchronized void close() throws IOException {
    log.close();
  }
}
