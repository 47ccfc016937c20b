package io.ossimport.core.source;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current size and modification time of a source object, or the fact that it is gone, and what
 * else the source tells about it for free with the same request: content type, user metadata and a
 * checksum, content headers and storage class. A local file has none of those; an object store
 * usually has some. The worker copies type and metadata to the destination (headers and storage
 * class only with {@code keepSourceAttributes=true}), and an audit compares type and metadata.
 */
public final class ObjectStat {
  private static final Map<String, String> NONE = Collections.<String, String>emptyMap();
  private static final ObjectStat MISSING =
      new ObjectStat(false, -1, 0, null, NONE, null, null, NONE, null);

  private final boolean exists;
  private final long size;
  private final long lastModifiedMillis;
  private final String contentType;
  private final Map<String, String> userMetadata;
  private final Long crc64;
  private final String md5Hex;
  private final Map<String, String> headers;
  private final String storageClass;

  private ObjectStat(
      boolean exists,
      long size,
      long lastModifiedMillis,
      String contentType,
      Map<String, String> userMetadata,
      Long crc64,
      String md5Hex,
      Map<String, String> headers,
      String storageClass) {
    this.exists = exists;
    this.size = size;
    this.lastModifiedMillis = lastModifiedMillis;
    this.contentType = contentType;
    this.userMetadata = userMetadata;
    this.crc64 = crc64;
    this.md5Hex = md5Hex;
    this.headers = headers;
    this.storageClass = storageClass;
  }

  /** An object that exists with this size and modification time. */
  public static ObjectStat of(long size, long lastModifiedMillis) {
    return new ObjectStat(true, size, lastModifiedMillis, null, NONE, null, null, NONE, null);
  }

  /** An object that no longer exists. */
  public static ObjectStat missing() {
    return MISSING;
  }

  /** A copy with the source's content type ({@code null} if it has none). */
  public ObjectStat withContentType(String type) {
    Copy c = new Copy(this);
    c.contentType = type;
    return c.build();
  }

  /**
   * A copy with the source's user metadata: names without a vendor prefix (e.g. {@code author}, not
   * {@code x-oss-meta-author}), lower case.
   */
  public ObjectStat withUserMetadata(Map<String, String> metadata) {
    Copy c = new Copy(this);
    c.userMetadata = Collections.unmodifiableMap(new LinkedHashMap<String, String>(metadata));
    return c.build();
  }

  /** A copy with the CRC-64/ECMA of the content as the source reports it ({@code null}: none). */
  public ObjectStat withCrc64(Long crc) {
    Copy c = new Copy(this);
    c.crc64 = crc;
    return c.build();
  }

  /** A copy with the MD5 of the content, lower-case hex ({@code null}: none or unknown). */
  public ObjectStat withMd5Hex(String md5) {
    Copy c = new Copy(this);
    c.md5Hex = md5;
    return c.build();
  }

  /**
   * A copy with the source's content headers, by their HTTP names ({@code Cache-Control}, {@code
   * Content-Disposition}, {@code Content-Encoding}, {@code Content-Language}, {@code Expires});
   * entries with a {@code null} or empty value are left out.
   */
  public ObjectStat withHeaders(Map<String, String> contentHeaders) {
    Map<String, String> kept = new LinkedHashMap<String, String>();
    for (Map.Entry<String, String> e : contentHeaders.entrySet()) {
      if (e.getValue() != null && !e.getValue().isEmpty()) {
        kept.put(e.getKey(), e.getValue());
      }
    }
    Copy c = new Copy(this);
    c.headers = Collections.unmodifiableMap(kept);
    return c.build();
  }

  /** A copy with the OSS storage class the source's class maps to ({@code null}: none maps). */
  public ObjectStat withStorageClass(String ossStorageClass) {
    Copy c = new Copy(this);
    c.storageClass = ossStorageClass;
    return c.build();
  }

  public boolean exists() {
    return exists;
  }

  /** Size in bytes; -1 if the object does not exist. */
  public long size() {
    return size;
  }

  /** Modification time in epoch milliseconds; 0 if the object does not exist. */
  public long lastModifiedMillis() {
    return lastModifiedMillis;
  }

  /** The content type the source stores, or {@code null} (always for a local file). */
  public String contentType() {
    return contentType;
  }

  /** User metadata the source stores; empty for a local file. */
  public Map<String, String> userMetadata() {
    return userMetadata;
  }

  /** CRC-64/ECMA of the content as the source reports it, or {@code null}. */
  public Long crc64() {
    return crc64;
  }

  /**
   * MD5 of the content as the source reports it (lower-case hex), or {@code null}. A multipart ETag
   * is not an MD5 and must not be reported here.
   */
  public String md5Hex() {
    return md5Hex;
  }

  /** The source's content headers by HTTP name; empty for a local file. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The OSS storage class matching the source's, or {@code null} (always for a local file). */
  public String storageClass() {
    return storageClass;
  }

  /** True if {@code object} was listed with exactly this size and modification time. */
  public boolean matches(SourceObject object) {
    return exists && size == object.size() && lastModifiedMillis == object.lastModifiedMillis();
  }

  @Override
  public String toString() {
    return exists ? "ObjectStat{size=" + size + ", mtime=" + lastModifiedMillis + "}" : "missing";
  }

  /**
   * The one copy path of the {@code with...} methods: every attribute of the stat it starts from,
   * one of them changed, then a new immutable stat. Existence, size and time never change in a
   * copy.
   */
  private static final class Copy {
    private final ObjectStat from;
    private String contentType;
    private Map<String, String> userMetadata;
    private Long crc64;
    private String md5Hex;
    private Map<String, String> headers;
    private String storageClass;

    Copy(ObjectStat from) {
      this.from = from;
      contentType = from.contentType;
      userMetadata = from.userMetadata;
      crc64 = from.crc64;
      md5Hex = from.md5Hex;
      headers = from.headers;
      storageClass = from.storageClass;
    }

    ObjectStat build() {
      return new ObjectStat(
          from.exists,
          from.size,
          from.lastModifiedMillis,
          contentType,
          userMetadata,
          crc64,
          md5Hex,
          headers,
          storageClass);
    }
  }
}
