package io.ossimport.core.jobtree;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.Predicate;

/**
 * An append-only text log that survives kill -9 without an fsync per line: each line goes to the
 * file in one {@code write} call (the page cache keeps it when the process dies), and readers stop
 * at the first line that is unterminated or invalid, which is where a crash can tear the file.
 *
 * <p>Opening for append first cuts such a torn tail off, so new lines never glue onto a partial
 * one. The first line is a format header; a file with nothing but a torn header counts as empty.
 */
final class AppendLog implements Closeable {
  /** Receives each valid line of a log. */
  interface LineConsumer {
    void accept(String line, long lineNumber) throws IOException;
  }

  private final Path file;
  private final FileChannel channel;

  private AppendLog(Path file, FileChannel channel) {
    this.file = file;
    this.channel = channel;
  }

  /** Opens (creating if needed) {@code file} for appending, after cutting off any torn tail. */
  static AppendLog open(Path file, String header, Predicate<String> isValid) throws IOException {
    long valid = validLength(file, header, isValid);
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      if (channel.size() > valid) {
        channel.truncate(valid);
      }
      channel.position(valid);
      AppendLog log = new AppendLog(file, channel);
      if (valid == 0) {
        log.append(header);
      }
      return log;
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw new IOException("Cannot open " + file + " for appending: " + e, e);
    }
  }

  /**
   * Appends one line (without its LF) in a single write. Thread-safe: the line is encoded before
   * the lock, which covers only the write, so threads sharing a log wait microseconds at most.
   */
  void append(String line) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
    synchronized (this) {
      write(bytes);
    }
  }

  private void write(ByteBuffer bytes) throws IOException {
    try {
      while (bytes.hasRemaining()) {
        channel.write(bytes);
      }
    } catch (IOException e) {
      throw new IOException("Cannot append to " + file + ": " + e, e);
    }
  }

  /** Forces what was appended to disk, for the rare record worth a power-loss guarantee. */
  void force() throws IOException {
    channel.force(false);
  }

  @Override
  public void close() throws IOException {
    channel.close();
  }

  /**
   * Feeds every valid line after the header to {@code consumer}, stopping at the first unterminated
   * or invalid line.
   *
   * @return whether such a torn tail was found; a missing file reads as empty
   */
  static boolean read(Path file, String header, Predicate<String> isValid, LineConsumer consumer)
      throws IOException {
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      return false;
    }
    try (LineReader lines = new LineReader(in, file)) {
      String first = readLine(lines);
      if (first == null || !lines.lastTerminated()) {
        return first != null;
      }
      checkHeader(file, first, header);
      for (String line = readLine(lines); line != null; line = readLine(lines)) {
        if (!lines.lastTerminated() || !isValid.test(line)) {
          return true;
        }
        consumer.accept(line, lines.lineNumber());
      }
      return false;
    }
  }

  /**
   * Like {@link #read}, but starting at byte {@code start} of the file, which must be 0 or the end
   * of a valid line an earlier call returned (the header is checked only from 0): feeds the valid
   * lines from there and returns where the valid prefix now ends, so that the next call reads only
   * what was appended since. A torn line (unterminated or invalid) is not consumed: it is read
   * again next time, when it may be complete. A missing file reads as empty (returns {@code
   * start}). The consumer gets -1 for line numbers, which are not known past {@code start}.
   */
  static long readFrom(
      Path file, long start, String header, Predicate<String> isValid, LineConsumer consumer)
      throws IOException {
    SeekableByteChannel channel;
    try {
      channel = Files.newByteChannel(file, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return start;
    }
    channel.position(start);
    InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
    try (LineReader lines = new LineReader(in, file)) {
      long valid = start;
      for (String line = readLine(lines); line != null; line = readLine(lines)) {
        if (!lines.lastTerminated()) {
          break;
        }
        if (valid == 0) {
          checkHeader(file, line, header);
        } else if (!isValid.test(line)) {
          break;
        } else {
          consumer.accept(line, -1);
        }
        valid = start + lines.bytesConsumed();
      }
      return valid;
    }
  }

  private static long validLength(Path file, String header, Predicate<String> isValid)
      throws IOException {
    InputStream in;
    try {
      in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      return 0;
    }
    try (LineReader lines = new LineReader(in, file)) {
      long valid = 0;
      for (String line = readLine(lines); line != null; line = readLine(lines)) {
        if (!lines.lastTerminated()) {
          break;
        }
        if (lines.lineNumber() == 1) {
          checkHeader(file, line, header);
        } else if (!isValid.test(line)) {
          break;
        }
        valid = lines.bytesConsumed();
      }
      return valid;
    }
  }

  /** A line, or {@code null} at the end; a torn line that is not UTF-8 reads as invalid text. */
  private static String readLine(LineReader lines) throws IOException {
    try {
      return lines.next();
    } catch (CorruptFileException e) {
      return "\u0000"; // a torn multi-byte character or garbage: fails every line validator
    }
  }

  private static void checkHeader(Path file, String line, String header) throws IOException {
    if (!line.equals(header)) {
      throw new CorruptFileException(
          file, 1, "expected the header '" + header + "', found '" + line + "'");
    }
  }
}
