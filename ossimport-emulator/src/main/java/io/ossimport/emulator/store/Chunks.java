package io.ossimport.emulator.store;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Immutable content held in memory as a list of byte arrays, so parts can be assembled into an
 * object without copying and no single array has to hold a huge object.
 */
final class Chunks {
  static final Chunks EMPTY = new Chunks(Collections.<byte[]>emptyList());

  private final List<byte[]> parts;
  private final long size;

  Chunks(List<byte[]> parts) {
    this.parts = parts;
    long n = 0;
    for (byte[] p : parts) {
      n += p.length;
    }
    this.size = n;
  }

  long size() {
    return size;
  }

  static Chunks concat(List<Chunks> list) {
    List<byte[]> all = new ArrayList<byte[]>();
    for (Chunks c : list) {
      all.addAll(c.parts);
    }
    return new Chunks(all);
  }

  InputStream open(final long offset, final long length) {
    return new InputStream() {
      private int index;
      private int pos;
      private long remaining = length;

      {
        long skip = offset;
        while (index < parts.size() && skip >= parts.get(index).length) {
          skip -= parts.get(index).length;
          index++;
        }
        pos = (int) skip;
      }

      @Override
      public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) {
        if (remaining <= 0) {
          return -1;
        }
        while (index < parts.size() && pos >= parts.get(index).length) {
          index++;
          pos = 0;
        }
        if (index >= parts.size()) {
          return -1;
        }
        byte[] cur = parts.get(index);
        int n = (int) Math.min(Math.min(len, cur.length - pos), remaining);
        System.arraycopy(cur, pos, b, off, n);
        pos += n;
        remaining -= n;
        return n;
      }
    };
  }
}
