package io.ossimport.core.source.http;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;

/**
 * The rows of a URL list, one at a time (memory: one row and a read buffer). The checkpoint is the
 * byte offset after the last consumed row and that row's line number ({@code "offset:line"}); blank
 * lines count as consumed once read past.
 */
final class HttpListing implements Listing {
  private final ListFileReader reader;
  private final ListRows rows;
  private final String listFile;

  private long consumedOffset;
  private long consumedLines;
  private SourceObject pending;
  private ListFileReader.Line pendingLine;
  private boolean closed;

  HttpListing(ListFileReader reader, ListRows rows, String listFile, long offset, long lines) {
    this.reader = reader;
    this.rows = rows;
    this.listFile = listFile;
    this.consumedOffset = offset;
    this.consumedLines = lines;
  }

  @Override
  public SourceObject next() throws IOException {
    SourceObject object = peek();
    if (object != null) {
      consume(pendingLine);
      pending = null;
      pendingLine = null;
    }
    return object;
  }

  @Override
  public SourceObject peek() throws IOException {
    if (closed) {
      throw new IllegalStateException("the listing of " + listFile + " is closed");
    }
    while (pending == null) {
      ListFileReader.Line line = reader.read();
      if (line == null) {
        return null;
      }
      if (ListRows.isBlank(line.text) && !line.tooLong) {
        consume(line);
      } else {
        pending = rows.object(line);
        pendingLine = line;
      }
    }
    return pending;
  }

  private void consume(ListFileReader.Line line) {
    consumedOffset = line.end;
    consumedLines = line.number;
  }

  @Override
  public String checkpoint() {
    return format(consumedOffset, consumedLines);
  }

  static String format(long offset, long lines) {
    return offset + ":" + lines;
  }

  /**
   * Parses a checkpoint into {offset, lines}.
   *
   * @throws IllegalArgumentException if it is not one this listing wrote
   */
  static long[] parse(String checkpoint) {
    String[] parts = checkpoint.split(":", -1);
    try {
      if (parts.length == 2) {
        long offset = Long.parseLong(parts[0]);
        long lines = Long.parseLong(parts[1]);
        if (offset >= 0 && lines >= 0 && lines <= offset) {
          return new long[] {offset, lines};
        }
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException(
        "not a checkpoint of a URL list listing (offset:line expected): " + checkpoint);
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      reader.close();
    } catch (IOException e) {
      // Read-only file: nothing is lost by a failed close.
    }
  }
}
