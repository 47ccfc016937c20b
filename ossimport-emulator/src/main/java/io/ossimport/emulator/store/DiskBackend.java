package io.ossimport.emulator.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Keeps the store in a data directory. Every object or part is ONE file: content, then a metadata
 * trailer, then the trailer's length and a magic number. It is written under {@code tmp/} and
 * renamed into place, so a key shows its old or its new version, never a mix, even after kill -9.
 * Layout: {@code buckets/<bucket>/bucket.meta}, {@code buckets/<bucket>/objects/<xx>/<sha1(key)>},
 * {@code buckets/<bucket>/uploads/<uploadId>/upload.meta} and {@code <partNumber>.part}.
 */
final class DiskBackend implements Backend {
  private static final int MAGIC = 0x4f454d31; // "OEM1"
  private static final int TAIL = 8;

  private final Path root;
  private final Path tmp;
  private final boolean fsync;
  private final java.util.concurrent.atomic.AtomicLong tempSequence =
      new java.util.concurrent.atomic.AtomicLong();
  private final java.util.Set<Path> knownDirs =
      java.util.Collections.newSetFromMap(
          new java.util.concurrent.ConcurrentHashMap<Path, Boolean>());

  DiskBackend(Path root, boolean fsync) throws IOException {
    this.root = root;
    this.tmp = root.resolve("tmp");
    this.fsync = fsync;
    Files.createDirectories(root.resolve("buckets"));
    if (Files.exists(tmp)) {
      FileTrees.deleteRecursively(tmp); // leftovers of writes cut short by a crash
    }
    Files.createDirectories(tmp);
  }

  final class DiskWriter extends ObjectWriter {
    final Path file = tempFile();
    final FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);

    DiskWriter() throws IOException {}

    @Override
    protected void store(byte[] b, int off, int len) throws IOException {
      ByteBuffer buf = ByteBuffer.wrap(b, off, len);
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
    }

    void finish(byte[] trailer, Path target) throws IOException {
      ByteBuffer buf = ByteBuffer.allocate(trailer.length + TAIL);
      buf.put(trailer).putInt(trailer.length).putInt(MAGIC).flip();
      while (buf.hasRemaining()) {
        channel.write(buf);
      }
      if (fsync) {
        channel.force(true);
      }
      channel.close();
      ensureDir(target.getParent());
      move(file, target);
    }

    @Override
    protected void discard() throws IOException {
      channel.close();
      Files.deleteIfExists(file);
    }
  }

  /** Temp names need only be unique within this process: no SecureRandom on the hot path. */
  private Path tempFile() {
    return tmp.resolve("w" + Long.toHexString(tempSequence.incrementAndGet()));
  }

  private void ensureDir(Path dir) throws IOException {
    if (!knownDirs.contains(dir)) {
      Files.createDirectories(dir);
      knownDirs.add(dir);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private Path bucketDir(String bucket) {
    return root.resolve("buckets").resolve(bucket);
  }

  private Path objectFile(String bucket, String key) {
    String h = sha1(key);
    return bucketDir(bucket).resolve("objects").resolve(h.substring(0, 2)).resolve(h);
  }

  private Path uploadDir(String bucket, String uploadId) {
    return bucketDir(bucket).resolve("uploads").resolve(uploadId);
  }

  private static String sha1(String key) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-1");
      return Hex.encode(d.digest(key.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public ObjectWriter newWriter() throws IOException {
    return new DiskWriter();
  }

  private void writeSmallFile(Path target, byte[] content) throws IOException {
    Path t = tempFile();
    try (FileChannel ch =
        FileChannel.open(t, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ch.write(ByteBuffer.wrap(content));
      if (fsync) {
        ch.force(true);
      }
    }
    ensureDir(target.getParent());
    move(t, target);
  }

  @Override
  public List<BucketMeta> loadBuckets() throws IOException {
    List<BucketMeta> list = new ArrayList<BucketMeta>();
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(root.resolve("buckets"))) {
      for (Path dir : ds) {
        Path meta = dir.resolve("bucket.meta");
        if (Files.isRegularFile(meta)) {
          list.add(MetaCodec.bucket(MetaCodec.decode(Files.readAllBytes(meta))));
        }
      }
    }
    return list;
  }

  @Override
  public void loadObjects(String bucket, SummarySink sink) throws IOException {
    Path objects = bucketDir(bucket).resolve("objects");
    if (!Files.isDirectory(objects)) {
      return;
    }
    try (DirectoryStream<Path> fanout = Files.newDirectoryStream(objects)) {
      for (Path dir : fanout) {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
          for (Path f : files) {
            try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
              sink.accept(MetaCodec.object(readTrailer(ch, f)).summary());
            }
          }
        }
      }
    }
  }

  private static java.util.Map<String, String> readTrailer(FileChannel ch, Path f)
      throws IOException {
    long size = ch.size();
    ByteBuffer tail = ByteBuffer.allocate(TAIL);
    readFully(ch, tail, size - TAIL);
    tail.flip();
    int len = tail.getInt();
    if (tail.getInt() != MAGIC || len < 0 || len > size - TAIL) {
      throw new IOException("Corrupt emulator file (no trailer): " + f);
    }
    ByteBuffer meta = ByteBuffer.allocate(len);
    readFully(ch, meta, size - TAIL - len);
    return MetaCodec.decode(meta.array());
  }

  private static void readFully(FileChannel ch, ByteBuffer buf, long pos) throws IOException {
    while (buf.hasRemaining()) {
      int n = ch.read(buf, pos);
      if (n < 0) {
        throw new IOException("unexpected end of file");
      }
      pos += n;
    }
  }

  @Override
  public List<UploadMeta> loadUploads(String bucket) throws IOException {
    List<UploadMeta> list = new ArrayList<UploadMeta>();
    Path uploads = bucketDir(bucket).resolve("uploads");
    if (!Files.isDirectory(uploads)) {
      return list;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(uploads)) {
      for (Path dir : ds) {
        Path meta = dir.resolve("upload.meta");
        if (Files.isRegularFile(meta)) {
          list.add(MetaCodec.upload(MetaCodec.decode(Files.readAllBytes(meta))));
        }
      }
    }
    return list;
  }

  @Override
  public List<PartMeta> loadParts(String bucket, String uploadId) throws IOException {
    List<PartMeta> list = new ArrayList<PartMeta>();
    try (DirectoryStream<Path> ds =
        Files.newDirectoryStream(uploadDir(bucket, uploadId), "*.part")) {
      for (Path f : ds) {
        try (FileChannel ch = FileChannel.open(f, StandardOpenOption.READ)) {
          list.add(MetaCodec.part(readTrailer(ch, f)));
        }
      }
    }
    return list;
  }

  @Override
  public void saveBucket(BucketMeta bucket) throws IOException {
    writeSmallFile(
        bucketDir(bucket.name()).resolve("bucket.meta"),
        MetaCodec.encode(MetaCodec.bucket(bucket)));
  }

  @Override
  public void deleteBucket(String bucket) throws IOException {
    Path doomed = tmp.resolve("deleted-" + UUID.randomUUID());
    move(bucketDir(bucket), doomed);
    knownDirs.clear();
    FileTrees.deleteRecursively(doomed);
  }

  @Override
  public void commitObject(String bucket, ObjectWriter writer, ObjectMeta meta) throws IOException {
    ((DiskWriter) writer)
        .finish(MetaCodec.encode(MetaCodec.object(meta)), objectFile(bucket, meta.key()));
  }

  @Override
  public StoredObject openObject(String bucket, String key) throws IOException {
    Path f = objectFile(bucket, key);
    final FileChannel ch;
    try {
      ch = FileChannel.open(f, StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      return null;
    }
    try {
      final ObjectMeta meta = MetaCodec.object(readTrailer(ch, f));
      return new StoredObject() {
        @Override
        public ObjectMeta meta() {
          return meta;
        }

        @Override
        public InputStream open(long offset, long length) throws IOException {
          return new BoundedInputStream(Channels.newInputStream(ch.position(offset)), length);
        }

        @Override
        public void close() throws IOException {
          ch.close();
        }
      };
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  @Override
  public void deleteObject(String bucket, String key) throws IOException {
    Files.deleteIfExists(objectFile(bucket, key));
  }

  @Override
  public void saveUpload(UploadMeta upload) throws IOException {
    writeSmallFile(
        uploadDir(upload.bucket(), upload.uploadId()).resolve("upload.meta"),
        MetaCodec.encode(MetaCodec.upload(upload)));
  }

  @Override
  public void commitPart(String bucket, String uploadId, ObjectWriter writer, PartMeta part)
      throws IOException {
    ((DiskWriter) writer)
        .finish(
            MetaCodec.encode(MetaCodec.part(part)),
            uploadDir(bucket, uploadId).resolve(part.partNumber() + ".part"));
  }

  @Override
  public ObjectWriter assemble(String bucket, String uploadId, List<PartMeta> parts)
      throws IOException {
    DiskWriter w = new DiskWriter();
    try {
      long size = 0;
      long crc = 0;
      for (PartMeta p : parts) {
        Path f = uploadDir(bucket, uploadId).resolve(p.partNumber() + ".part");
        try (FileChannel in = FileChannel.open(f, StandardOpenOption.READ)) {
          long pos = 0;
          while (pos < p.size()) {
            pos += in.transferTo(pos, p.size() - pos, w.channel);
          }
        }
        crc = Crc64.combine(crc, p.crc64(), p.size());
        size += p.size();
      }
      w.assembled(size, crc);
      return w;
    } catch (IOException | RuntimeException e) {
      w.close();
      throw e;
    }
  }

  @Override
  public void deleteUpload(String bucket, String uploadId) throws IOException {
    Path doomed = tmp.resolve("aborted-" + UUID.randomUUID());
    move(uploadDir(bucket, uploadId), doomed);
    knownDirs.remove(uploadDir(bucket, uploadId));
    FileTrees.deleteRecursively(doomed);
  }

  @Override
  public void close() {}
}
