package io.ossimport.emulator.store;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps everything in the heap; nothing survives the process. */
final class MemoryBackend implements Backend {
  private static final int CHUNK = 256 * 1024;

  private final ConcurrentHashMap<String, Entry> objects = new ConcurrentHashMap<String, Entry>();
  private final ConcurrentHashMap<String, Chunks> parts = new ConcurrentHashMap<String, Chunks>();

  private static final class Entry {
    final ObjectMeta meta;
    final Chunks data;

    Entry(ObjectMeta meta, Chunks data) {
      this.meta = meta;
      this.data = data;
    }
  }

  static final class MemoryWriter extends ObjectWriter {
    private final List<byte[]> done = new ArrayList<byte[]>();
    private byte[] current;
    private int used;
    private Chunks assembled;

    @Override
    protected void store(byte[] b, int off, int len) {
      while (len > 0) {
        if (current == null) {
          current = new byte[Math.max(Math.min(CHUNK, len), 4096)];
          used = 0;
        }
        int n = Math.min(len, current.length - used);
        System.arraycopy(b, off, current, used, n);
        used += n;
        off += n;
        len -= n;
        if (used == current.length) {
          done.add(current);
          current = null;
        }
      }
    }

    Chunks chunks() {
      if (assembled != null) {
        return assembled;
      }
      if (current != null && used > 0) {
        done.add(used == current.length ? current : Arrays.copyOf(current, used));
        current = null;
      }
      return new Chunks(new ArrayList<byte[]>(done));
    }

    @Override
    protected void discard() {
      done.clear();
      current = null;
    }
  }

  private static String id(String bucket, String key) {
    return bucket + '\n' + key;
  }

  private static String partId(String bucket, String uploadId, int n) {
    return bucket + '\n' + uploadId + '\n' + n;
  }

  @Override
  public ObjectWriter newWriter() {
    return new MemoryWriter();
  }

  @Override
  public List<BucketMeta> loadBuckets() {
    return Collections.emptyList();
  }

  @Override
  public void loadObjects(String bucket, SummarySink sink) {}

  @Override
  public List<UploadMeta> loadUploads(String bucket) {
    return Collections.emptyList();
  }

  @Override
  public List<PartMeta> loadParts(String bucket, String uploadId) {
    return Collections.emptyList();
  }

  @Override
  public void saveBucket(BucketMeta bucket) {}

  @Override
  public void deleteBucket(String bucket) {}

  @Override
  public void commitObject(String bucket, ObjectWriter writer, ObjectMeta meta) {
    objects.put(id(bucket, meta.key()), new Entry(meta, ((MemoryWriter) writer).chunks()));
  }

  @Override
  public StoredObject openObject(String bucket, String key) {
    final Entry e = objects.get(id(bucket, key));
    if (e == null) {
      return null;
    }
    return new StoredObject() {
      @Override
      public ObjectMeta meta() {
        return e.meta;
      }

      @Override
      public InputStream open(long offset, long length) {
        return e.data.open(offset, length);
      }

      @Override
      public void close() {}
    };
  }

  @Override
  public void deleteObject(String bucket, String key) {
    objects.remove(id(bucket, key));
  }

  @Override
  public void saveUpload(UploadMeta upload) {}

  @Override
  public void commitPart(String bucket, String uploadId, ObjectWriter writer, PartMeta part) {
    parts.put(partId(bucket, uploadId, part.partNumber()), ((MemoryWriter) writer).chunks());
  }

  @Override
  public ObjectWriter assemble(String bucket, String uploadId, List<PartMeta> list)
      throws IOException {
    List<Chunks> pieces = new ArrayList<Chunks>();
    long size = 0;
    long crc = 0;
    for (PartMeta p : list) {
      Chunks c = parts.get(partId(bucket, uploadId, p.partNumber()));
      if (c == null) {
        throw new IOException("part " + p.partNumber() + " vanished");
      }
      pieces.add(c);
      crc = Crc64.combine(crc, p.crc64(), p.size());
      size += p.size();
    }
    MemoryWriter w = new MemoryWriter();
    w.assembled = Chunks.concat(pieces);
    w.assembled(size, crc);
    return w;
  }

  @Override
  public void deleteUpload(String bucket, String uploadId) {
    String prefix = bucket + '\n' + uploadId + '\n';
    parts.keySet().removeIf(k -> k.startsWith(prefix));
  }

  @Override
  public void close() {
    objects.clear();
    parts.clear();
  }
}
