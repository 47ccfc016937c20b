package io.ossimport.core.jobtree;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a TASK file entry by entry (see {@link TaskFileWriter} for the format); memory stays
 * bounded whatever the number of entries.
 */
public final class TaskFileReader implements Closeable {
  private final LineReader lines;
  private long index = -1;

  private TaskFileReader(LineReader lines) throws IOException {
    this.lines = lines;
    readHeader();
  }

  /** Opens a TASK file and checks its header. */
  public static TaskFileReader open(Path taskFile) throws IOException {
    InputStream in = new BufferedInputStream(Files.newInputStream(taskFile), 1 << 16);
    try {
      return new TaskFileReader(new LineReader(in, taskFile));
    } catch (IOException | RuntimeException e) {
      in.close();
      throw e;
    }
  }

  /** Reads a TASK from a stream; {@code name} is used in error messages. */
  public static TaskFileReader of(InputStream in, Path name) throws IOException {
    return new TaskFileReader(new LineReader(in, name));
  }

  private void readHeader() throws IOException {
    String header = lines.next();
    if (header == null || !header.startsWith(TaskFileWriter.HEADER_PREFIX)) {
      throw lines.corrupt(
          "not a TASK file: the first line must be '"
              + TaskFileWriter.HEADER_PREFIX
              + TaskFileWriter.FORMAT_VERSION
              + "'");
    }
    String version = header.substring(TaskFileWriter.HEADER_PREFIX.length());
    if (!version.equals(Integer.toString(TaskFileWriter.FORMAT_VERSION))) {
      throw lines.corrupt(
          "TASK format version '"
              + version
              + "' is not supported (this ossimport reads version "
              + TaskFileWriter.FORMAT_VERSION
              + "); use the ossimport version that wrote it");
    }
  }

  /** The next entry, or {@code null} after the last one. */
  public TaskEntry next() throws IOException {
    String line = lines.next();
    if (line == null) {
      return null;
    }
    String[] fields = line.split("\t", -1);
    if (fields.length != 5) {
      throw lines.corrupt("expected 5 TAB-separated fields, found " + fields.length);
    }
    try {
      TaskEntry entry =
          new TaskEntry(
              NameCodec.unescape(fields[0]),
              NameCodec.unescape(fields[1]),
              Long.parseLong(fields[2]),
              Long.parseLong(fields[3]),
              Integer.parseInt(fields[4]));
      index++;
      return entry;
    } catch (IllegalArgumentException e) {
      throw new CorruptFileException(lines.file(), lines.lineNumber(), e.getMessage(), e);
    }
  }

  /** 0-based position in the TASK of the entry {@link #next} returned last (-1 before any). */
  public long index() {
    return index;
  }

  @Override
  public void close() throws IOException {
    lines.close();
  }
}
