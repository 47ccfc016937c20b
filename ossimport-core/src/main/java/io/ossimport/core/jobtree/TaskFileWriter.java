package io.ossimport.core.jobtree;

import java.io.BufferedWriter;
import java.io.Flushable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Writes the TASK format, one entry at a time.
 *
 * <p>Format version 1: the header line {@code ossimport-task 1}, then one line per object, five
 * TAB-separated fields: escaped source reference, escaped destination key, size, mtime (epoch
 * millis), attempt. Names are escaped by {@link NameCodec}; lines end with LF; the file is UTF-8.
 */
public final class TaskFileWriter implements Flushable {
  /** The TASK format version this code writes and the newest it reads. */
  public static final int FORMAT_VERSION = 1;

  static final String HEADER_PREFIX = "ossimport-task ";

  private final Writer out;
  private long count;

  /** Starts a TASK file on {@code out} (which the caller closes) by writing the header. */
  public TaskFileWriter(OutputStream out) throws IOException {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
    this.out.write(HEADER_PREFIX + FORMAT_VERSION + "\n");
  }

  /** Appends one entry. */
  public void write(TaskEntry entry) throws IOException {
    out.write(NameCodec.escape(entry.source()));
    out.write('\t');
    out.write(NameCodec.escape(entry.destination()));
    out.write('\t');
    out.write(Long.toString(entry.size()));
    out.write('\t');
    out.write(Long.toString(entry.mtimeMillis()));
    out.write('\t');
    out.write(Integer.toString(entry.attempt()));
    out.write('\n');
    count++;
  }

  /** Entries written so far. */
  public long count() {
    return count;
  }

  @Override
  public void flush() throws IOException {
    out.flush();
  }
}
