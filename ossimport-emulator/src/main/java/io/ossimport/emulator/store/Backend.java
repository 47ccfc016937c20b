package io.ossimport.emulator.store;

import java.io.Closeable;
import java.io.IOException;
import java.util.List;

/** Where the store keeps bytes and metadata: in memory or in a data directory. */
interface Backend extends Closeable {
  /** Receives every object summary of a bucket at start. */
  interface SummarySink {
    void accept(ObjectSummary summary);
  }

  ObjectWriter newWriter() throws IOException;

  List<BucketMeta> loadBuckets() throws IOException;

  void loadObjects(String bucket, SummarySink sink) throws IOException;

  List<UploadMeta> loadUploads(String bucket) throws IOException;

  List<PartMeta> loadParts(String bucket, String uploadId) throws IOException;

  void saveBucket(BucketMeta bucket) throws IOException;

  void deleteBucket(String bucket) throws IOException;

  /** Makes the writer's bytes the object's content, atomically replacing any previous one. */
  void commitObject(String bucket, ObjectWriter writer, ObjectMeta meta) throws IOException;

  /** Opens the current version, or {@code null} when there is none. */
  StoredObject openObject(String bucket, String key) throws IOException;

  void deleteObject(String bucket, String key) throws IOException;

  void saveUpload(UploadMeta upload) throws IOException;

  void commitPart(String bucket, String uploadId, ObjectWriter writer, PartMeta part)
      throws IOException;

  /** A writer holding the concatenation of the given parts (committed or discarded later). */
  ObjectWriter assemble(String bucket, String uploadId, List<PartMeta> parts) throws IOException;

  void deleteUpload(String bucket, String uploadId) throws IOException;
}
