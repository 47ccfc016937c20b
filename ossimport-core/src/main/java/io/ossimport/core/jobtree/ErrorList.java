package io.ossimport.core.jobtree;

import java.io.BufferedInputStream;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code error.list}: one line per failed object. Format version 1: empty when nothing failed
 * (operators test for an empty file); otherwise the header {@code ossimport-errors 1}, then one
 * line per object: reason code, TAB, escaped source reference, TAB, escaped destination key, and
 * when the failure has a {@link FailureCause}: TAB, OSS error code, TAB, escaped message, TAB,
 * request id (each {@code -} when absent). Lines of three fields (older writers) still read.
 */
public final class ErrorList {
  static final String HEADER = "ossimport-errors 1";

  private ErrorList() {}

  /** Writes {@code errors} to {@code out} (which the caller closes). */
  public static void write(List<ErrorEntry> errors, OutputStream out) throws IOException {
    if (errors.isEmpty()) {
      return;
    }
    Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
    w.write(HEADER + "\n");
    for (ErrorEntry e : errors) {
      w.write(
          e.reason().name()
              + "\t"
              + NameCodec.escape(e.source())
              + "\t"
              + NameCodec.escape(e.destination())
              + (e.cause().isEmpty() ? "" : "\t" + e.cause().columns())
              + "\n");
    }
    w.flush();
  }

  /** Reads an error list (at most one task's objects); a missing file reads as empty. */
  public static List<ErrorEntry> read(Path file) throws IOException {
    List<ErrorEntry> errors = new ArrayList<>();
    if (!Files.exists(file)) {
      return errors;
    }
    InputStream in = new BufferedInputStream(Files.newInputStream(file));
    try (LineReader lines = new LineReader(in, file)) {
      String header = lines.next();
      if (header == null) {
        return errors;
      }
      if (!header.equals(HEADER)) {
        throw lines.corrupt("expected the header '" + HEADER + "', found '" + header + "'");
      }
      for (String line = lines.next(); line != null; line = lines.next()) {
        String[] f = line.split("\t", -1);
        if (f.length != 3 && f.length != 6) {
          throw lines.corrupt("expected 3 or 6 TAB-separated fields, found " + f.length);
        }
        try {
          errors.add(
              new ErrorEntry(
                  ReasonCode.parse(f[0]),
                  NameCodec.unescape(f[1]),
                  NameCodec.unescape(f[2]),
                  f.length == 6 ? FailureCause.parse(f, 3) : FailureCause.NONE));
        } catch (IllegalArgumentException e) {
          throw lines.corrupt(e.getMessage());
        }
      }
    }
    return errors;
  }
}
