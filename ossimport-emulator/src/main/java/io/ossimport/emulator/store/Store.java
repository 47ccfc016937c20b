package io.ossimport.emulator.store;

import io.ossimport.emulator.store.StoreException.Reason;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * The dialect-neutral object store behind every dialect: buckets, objects (with a sorted key index
 * in memory, in UTF-8 byte order) and multipart uploads, kept in memory or in a data directory.
 * Thread-safe; an object appears whole or not at all. Validation of names and limits is the
 * dialect's job; the store only refuses what contradicts its state (see {@link StoreException}).
 */
public final class Store implements Closeable {
  private static final int STRIPES = 1024;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Backend backend;
  private final ConcurrentHashMap<String, BucketState> buckets =
      new ConcurrentHashMap<String, BucketState>();
  private final Object[] stripes = new Object[STRIPES];
  private final AtomicLong uploadSequence = new AtomicLong(System.currentTimeMillis() * 1000);

  private static final class BucketState {
    final BucketMeta meta;
    final ConcurrentSkipListMap<String, ObjectSummary> index =
        new ConcurrentSkipListMap<String, ObjectSummary>(Utf8Order.INSTANCE);
    final ConcurrentHashMap<String, UploadState> uploads =
        new ConcurrentHashMap<String, UploadState>();
    final ReadWriteLock lock = new ReentrantReadWriteLock();

    BucketState(BucketMeta meta) {
      this.meta = meta;
    }
  }

  private static final class UploadState {
    final UploadMeta meta;
    final Map<Integer, PartMeta> parts = new TreeMap<Integer, PartMeta>();
    boolean finished;

    UploadState(UploadMeta meta) {
      this.meta = meta;
    }
  }

  private Store(Backend backend) throws IOException {
    this.backend = backend;
    for (int i = 0; i < STRIPES; i++) {
      stripes[i] = new Object();
    }
    for (BucketMeta b : backend.loadBuckets()) {
      final BucketState state = new BucketState(b);
      backend.loadObjects(
          b.name(),
          new Backend.SummarySink() {
            @Override
            public void accept(ObjectSummary s) {
              state.index.put(s.key(), s);
            }
          });
      for (UploadMeta u : backend.loadUploads(b.name())) {
        UploadState us = new UploadState(u);
        for (PartMeta p : backend.loadParts(b.name(), u.uploadId())) {
          us.parts.put(p.partNumber(), p);
        }
        state.uploads.put(u.uploadId(), us);
      }
      buckets.put(b.name(), state);
    }
  }

  /** A store that lives in the heap only. */
  public static Store inMemory() {
    try {
      return new Store(new MemoryBackend());
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A store in a data directory (created if missing; its previous content is loaded).
   *
   * @param fsync force every object to disk before it becomes visible (slow; only needed to survive
   *     power loss, not kill -9)
   */
  public static Store onDisk(Path dir, boolean fsync) throws IOException {
    return new Store(new DiskBackend(dir, fsync));
  }

  // ---- buckets ----

  /** Creates a bucket; {@code BUCKET_ALREADY_EXISTS} if it exists. */
  public BucketMeta createBucket(String name, String location, String acl, String storageClass)
      throws StoreException, IOException {
    synchronized (buckets) {
      if (buckets.containsKey(name)) {
        throw new StoreException(Reason.BUCKET_ALREADY_EXISTS, name);
      }
      BucketMeta meta =
          new BucketMeta(name, System.currentTimeMillis(), location, acl, storageClass);
      backend.saveBucket(meta);
      buckets.put(name, new BucketState(meta));
      return meta;
    }
  }

  /** The bucket, or {@code null}. */
  public BucketMeta bucket(String name) {
    BucketState s = buckets.get(name);
    return s == null ? null : s.meta;
  }

  /** All buckets by name. */
  public List<BucketMeta> buckets() {
    List<BucketMeta> list = new ArrayList<BucketMeta>();
    for (BucketState s : buckets.values()) {
      list.add(s.meta);
    }
    Collections.sort(
        list,
        new Comparator<BucketMeta>() {
          @Override
          public int compare(BucketMeta a, BucketMeta b) {
            return a.name().compareTo(b.name());
          }
        });
    return list;
  }

  /** Deletes an empty bucket (no objects, no uploads in progress). */
  public void deleteBucket(String name) throws StoreException, IOException {
    synchronized (buckets) {
      BucketState s = state(name);
      s.lock.writeLock().lock();
      try {
        if (!s.index.isEmpty() || !s.uploads.isEmpty()) {
          throw new StoreException(Reason.BUCKET_NOT_EMPTY, name);
        }
        backend.deleteBucket(name);
        buckets.remove(name);
      } finally {
        s.lock.writeLock().unlock();
      }
    }
  }

  private BucketState state(String bucket) throws StoreException {
    BucketState s = buckets.get(bucket);
    if (s == null) {
      throw new StoreException(Reason.NO_SUCH_BUCKET, bucket);
    }
    return s;
  }

  /** Throws {@code NO_SUCH_BUCKET} unless the bucket exists. */
  public void requireBucket(String bucket) throws StoreException {
    state(bucket);
  }

  // ---- objects ----

  /** A writer for new content; commit it with {@link #commitObject} or a part method. */
  public ObjectWriter newWriter() throws IOException {
    return backend.newWriter();
  }

  /** Makes the writer's bytes the object {@code key}, replacing any previous version. */
  public ObjectMeta commitObject(
      String bucket, String key, ObjectWriter writer, String etag, ObjectAttributes attributes)
      throws StoreException, IOException {
    ObjectMeta meta =
        new ObjectMeta(
            key,
            writer.size(),
            etag,
            writer.crc64(),
            System.currentTimeMillis(),
            ObjectSummary.TYPE_NORMAL,
            attributes.copy());
    commit(bucket, writer, meta);
    return meta;
  }

  private void commit(String bucket, ObjectWriter writer, ObjectMeta meta)
      throws StoreException, IOException {
    BucketState s = state(bucket);
    s.lock.readLock().lock();
    try {
      if (buckets.get(bucket) != s) {
        throw new StoreException(Reason.NO_SUCH_BUCKET, bucket);
      }
      synchronized (stripe(bucket, meta.key())) {
        backend.commitObject(bucket, writer, meta);
        writer.markCommitted();
        s.index.put(meta.key(), meta.summary());
      }
    } finally {
      s.lock.readLock().unlock();
    }
  }

  /**
   * Gives an existing object new attributes (tags, ACL) without changing its content, ETag or
   * Last-Modified, as PutObjectTagging and PutObjectACL do; {@code false} if there is no such key.
   */
  public boolean replaceAttributes(String bucket, String key, ObjectAttributes attributes)
      throws StoreException, IOException {
    BucketState s = state(bucket);
    s.lock.readLock().lock();
    try {
      synchronized (stripe(bucket, key)) {
        try (StoredObject o = backend.openObject(bucket, key)) {
          if (o == null) {
            return false;
          }
          ObjectMeta m = o.meta();
          ObjectMeta changed =
              new ObjectMeta(
                  key,
                  m.size(),
                  m.etag(),
                  m.crc64(),
                  m.lastModified(),
                  m.type(),
                  attributes.copy());
          try (ObjectWriter w = backend.newWriter()) {
            w.transferFrom(o.open(0, m.size()));
            backend.commitObject(bucket, w, changed);
            w.markCommitted();
          }
          s.index.put(key, changed.summary());
          return true;
        }
      }
    } finally {
      s.lock.readLock().unlock();
    }
  }

  private Object stripe(String bucket, String key) {
    int h = bucket.hashCode() * 31 + key.hashCode();
    return stripes[(h ^ (h >>> 16)) & (STRIPES - 1)];
  }

  /** Opens the object for reading, or {@code null} if there is no such key. */
  public StoredObject open(String bucket, String key) throws StoreException, IOException {
    state(bucket);
    return backend.openObject(bucket, key);
  }

  /** Deletes the key; {@code false} if there was none (still a success for the dialects). */
  public boolean deleteObject(String bucket, String key) throws StoreException, IOException {
    BucketState s = state(bucket);
    synchronized (stripe(bucket, key)) {
      boolean existed = s.index.remove(key) != null;
      backend.deleteObject(bucket, key);
      return existed;
    }
  }

  /**
   * Object summaries in key order starting at {@code fromKey} (inclusive if asked); weakly
   * consistent with concurrent writes, and lazy, so paging a huge bucket costs no extra memory.
   */
  public Iterator<ObjectSummary> list(String bucket, String fromKey, boolean inclusive)
      throws StoreException {
    BucketState s = state(bucket);
    return (fromKey == null ? s.index : s.index.tailMap(fromKey, inclusive)).values().iterator();
  }

  /** Number of objects in the bucket. */
  public int objectCount(String bucket) throws StoreException {
    return state(bucket).index.size();
  }

  // ---- multipart ----

  /** Starts a multipart upload; the returned id is 32 upper-case hex digits, time ordered. */
  public UploadMeta initiateUpload(String bucket, String key, ObjectAttributes attributes)
      throws StoreException, IOException {
    BucketState s = state(bucket);
    String id = String.format("%016X%016X", uploadSequence.incrementAndGet(), RANDOM.nextLong());
    UploadMeta meta =
        new UploadMeta(id, bucket, key, System.currentTimeMillis(), attributes.copy());
    backend.saveUpload(meta);
    s.uploads.put(id, new UploadState(meta));
    return meta;
  }

  private UploadState upload(BucketState s, String uploadId, String key) throws StoreException {
    UploadState u = s.uploads.get(uploadId);
    if (u == null || (key != null && !u.meta.key().equals(key))) {
      throw new StoreException(Reason.NO_SUCH_UPLOAD, uploadId);
    }
    return u;
  }

  /** The upload, checked to belong to {@code key} (pass {@code null} to skip that check). */
  public UploadMeta upload(String bucket, String uploadId, String key) throws StoreException {
    return upload(state(bucket), uploadId, key).meta;
  }

  /** Stores (or replaces) one part. */
  public PartMeta commitPart(
      String bucket, String key, String uploadId, int partNumber, ObjectWriter writer, String etag)
      throws StoreException, IOException {
    UploadState u = upload(state(bucket), uploadId, key);
    PartMeta part =
        new PartMeta(
            partNumber,
            writer.size(),
            etag,
            writer.md5(),
            writer.crc64(),
            System.currentTimeMillis());
    synchronized (u) {
      if (u.finished) {
        throw new StoreException(Reason.NO_SUCH_UPLOAD, uploadId);
      }
      backend.commitPart(bucket, uploadId, writer, part);
      writer.markCommitted();
      u.parts.put(partNumber, part);
    }
    return part;
  }

  /** The parts uploaded so far, by part number. */
  public List<PartMeta> parts(String bucket, String key, String uploadId) throws StoreException {
    UploadState u = upload(state(bucket), uploadId, key);
    synchronized (u) {
      return new ArrayList<PartMeta>(u.parts.values());
    }
  }

  /**
   * Assembles the chosen parts (already validated by the dialect) into the object and ends the
   * upload. {@code INVALID_PART} if a chosen part was replaced meanwhile.
   */
  public ObjectMeta completeUpload(
      String bucket, String key, String uploadId, List<PartMeta> chosen, String etag)
      throws StoreException, IOException {
    BucketState s = state(bucket);
    UploadState u = upload(s, uploadId, key);
    synchronized (u) {
      if (u.finished) {
        throw new StoreException(Reason.NO_SUCH_UPLOAD, uploadId);
      }
      for (PartMeta p : chosen) {
        PartMeta now = u.parts.get(p.partNumber());
        if (now == null || !now.etag().equals(p.etag())) {
          throw new StoreException(Reason.INVALID_PART, "part " + p.partNumber());
        }
      }
      try (ObjectWriter w = backend.assemble(bucket, uploadId, chosen)) {
        ObjectMeta meta =
            new ObjectMeta(
                key,
                w.size(),
                etag,
                w.crc64(),
                System.currentTimeMillis(),
                ObjectSummary.TYPE_MULTIPART,
                u.meta.attributes().copy());
        commit(bucket, w, meta);
        u.finished = true;
        s.uploads.remove(uploadId);
        backend.deleteUpload(bucket, uploadId);
        return meta;
      }
    }
  }

  /** Ends the upload and drops its parts. */
  public void abortUpload(String bucket, String key, String uploadId)
      throws StoreException, IOException {
    BucketState s = state(bucket);
    UploadState u = upload(s, uploadId, key);
    synchronized (u) {
      if (u.finished) {
        throw new StoreException(Reason.NO_SUCH_UPLOAD, uploadId);
      }
      u.finished = true;
      s.uploads.remove(uploadId);
      backend.deleteUpload(bucket, uploadId);
    }
  }

  /** Uploads in progress, sorted by key (UTF-8 order) then upload id (initiation order). */
  public List<UploadMeta> uploads(String bucket) throws StoreException {
    List<UploadMeta> list = new ArrayList<UploadMeta>();
    for (UploadState u : state(bucket).uploads.values()) {
      list.add(u.meta);
    }
    Collections.sort(
        list,
        new Comparator<UploadMeta>() {
          @Override
          public int compare(UploadMeta a, UploadMeta b) {
            int c = Utf8Order.INSTANCE.compare(a.key(), b.key());
            return c != 0 ? c : a.uploadId().compareTo(b.uploadId());
          }
        });
    return list;
  }

  @Override
  public void close() throws IOException {
    backend.close();
  }
}
