package io.ossimport.core.service;

import io.ossimport.core.oss.ListedPage;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Puts the records of a source that does not list in OSS's key order (a local directory, a URL
 * list) into that order in bounded memory: chunks of at most {@code chunkRecords} are sorted in
 * memory and written to temp files under a directory of the working directory, then merged k-way.
 * {@link #close()} deletes the chunk files, whatever happened.
 */
final class DiffSort implements Closeable {
  private static final Comparator<DiffRecord> BY_KEY =
      (a, b) -> ListedPage.compareKeys(a.key, b.key);

  private final Path dir;
  private final int chunkRecords;
  private final List<DiffRecord> chunk = new ArrayList<>();
  private final List<Path> chunkFiles = new ArrayList<>();
  private final List<DataInputStream> open = new ArrayList<>();

  DiffSort(Path dir, int chunkRecords) {
    this.dir = dir;
    this.chunkRecords = chunkRecords;
  }

  void add(DiffRecord record) throws IOException {
    chunk.add(record);
    if (chunk.size() >= chunkRecords) {
      spill();
    }
  }

  /** How many chunk files were written (the in-memory path writes none). */
  int chunkFiles() {
    return chunkFiles.size();
  }

  /** Every record added, in key order; call once, after the last {@link #add}. */
  DiffSource sorted() throws IOException {
    if (chunkFiles.isEmpty()) {
      chunk.sort(BY_KEY);
      final List<DiffRecord> all = new ArrayList<>(chunk);
      chunk.clear();
      return new DiffSource() {
        int next;

        @Override
        public DiffRecord next() {
          return next < all.size() ? all.get(next++) : null;
        }
      };
    }
    if (!chunk.isEmpty()) {
      spill();
    }
    final PriorityQueue<Head> heads =
        new PriorityQueue<>((a, b) -> BY_KEY.compare(a.record, b.record));
    for (Path file : chunkFiles) {
      DataInputStream in =
          new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16));
      open.add(in);
      DiffRecord first = DiffRecord.readFrom(in);
      if (first != null) {
        heads.add(new Head(first, in));
      }
    }
    return () -> {
      Head head = heads.poll();
      if (head == null) {
        return null;
      }
      DiffRecord record = head.record;
      DiffRecord following = DiffRecord.readFrom(head.in);
      if (following != null) {
        heads.add(new Head(following, head.in));
      }
      return record;
    };
  }

  private void spill() throws IOException {
    chunk.sort(BY_KEY);
    Files.createDirectories(dir);
    Path file = Files.createTempFile(dir, "diff-chunk-", ".bin");
    chunkFiles.add(file);
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
      for (DiffRecord r : chunk) {
        r.writeTo(out);
      }
    }
    chunk.clear();
  }

  @Override
  public void close() throws IOException {
    for (DataInputStream in : open) {
      in.close();
    }
    for (Path file : chunkFiles) {
      Files.deleteIfExists(file);
    }
    Files.deleteIfExists(dir); // only if empty: nothing else lives there
  }

  private static final class Head {
    final DiffRecord record;
    final DataInputStream in;

    Head(DiffRecord record, DataInputStream in) {
      this.record = record;
      this.in = in;
    }
  }
}
