package io.ossimport.core.service;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * One source object as {@code diff} compares it: its destination key, size, mtime, the reference
 * the source opens it by (for a CRC-64 stat), and whether the job's selection rules leave it out (a
 * destination object of that key is then neither missing nor extra).
 */
final class DiffRecord {
  final String key;
  final long size;
  final long mtimeMillis;
  final String reference;
  final boolean leftOut;

  DiffRecord(String key, long size, long mtimeMillis, String reference, boolean leftOut) {
    this.key = key;
    this.size = size;
    this.mtimeMillis = mtimeMillis;
    this.reference = reference;
    this.leftOut = leftOut;
  }

  /** Binary, so any key (tabs and all) survives a chunk file. */
  void writeTo(DataOutputStream out) throws IOException {
    writeText(out, key);
    out.writeLong(size);
    out.writeLong(mtimeMillis);
    writeText(out, reference);
    out.writeBoolean(leftOut);
  }

  /** The next record, or {@code null} at the end of the stream. */
  static DiffRecord readFrom(DataInputStream in) throws IOException {
    int length;
    try {
      length = in.readInt();
    } catch (EOFException end) {
      return null;
    }
    String key = readText(in, length);
    long size = in.readLong();
    long mtime = in.readLong();
    String reference = readText(in, in.readInt());
    return new DiffRecord(key, size, mtime, reference, in.readBoolean());
  }

  private static void writeText(DataOutputStream out, String text) throws IOException {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readText(DataInputStream in, int length) throws IOException {
    byte[] bytes = new byte[length];
    in.readFully(bytes);
    return new String(bytes, StandardCharsets.UTF_8);
  }
}
