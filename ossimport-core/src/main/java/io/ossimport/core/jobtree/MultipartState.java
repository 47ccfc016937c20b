package io.ossimport.core.jobtree;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** A multipart upload as its {@link MultipartRecord} describes it. */
public final class MultipartState {
  /** One uploaded part. */
  public static final class Part {
    private final int number;
    private final String etag;
    private final Long crc64;

    Part(int number, String etag, Long crc64) {
      this.number = number;
      this.etag = etag;
      this.crc64 = crc64;
    }

    public int number() {
      return number;
    }

    public String etag() {
      return etag;
    }

    /** The part's CRC-64, or {@code null} if not recorded. */
    public Long crc64() {
      return crc64;
    }
  }

  private final String uploadId;
  private final long partSize;
  private final String destinationKey;
  private final SortedMap<Integer, Part> parts;

  private MultipartState(
      String uploadId, long partSize, String destinationKey, SortedMap<Integer, Part> parts) {
    this.uploadId = uploadId;
    this.partSize = partSize;
    this.destinationKey = destinationKey;
    this.parts = Collections.unmodifiableSortedMap(parts);
  }

  public String uploadId() {
    return uploadId;
  }

  public long partSize() {
    return partSize;
  }

  public String destinationKey() {
    return destinationKey;
  }

  /** Completed parts by part number (a part recorded twice keeps its last record). */
  public SortedMap<Integer, Part> parts() {
    return parts;
  }

  static final class Builder {
    private String uploadId;
    private long partSize;
    private String destinationKey;
    private SortedMap<Integer, Part> parts = new TreeMap<>();

    void apply(String[] f) {
      if (f[0].equals("UPLOAD")) {
        uploadId = NameCodec.unescape(f[1]);
        partSize = Long.parseLong(f[2]);
        destinationKey = NameCodec.unescape(f[3]);
        parts = new TreeMap<>();
      } else if (uploadId != null) {
        int number = Integer.parseInt(f[1]);
        Long crc = f[2].equals("-") ? null : Long.parseUnsignedLong(f[2]);
        parts.put(number, new Part(number, NameCodec.unescape(f[3]), crc));
      }
    }

    MultipartState build() {
      return uploadId == null
          ? null
          : new MultipartState(uploadId, partSize, destinationKey, parts);
    }
  }
}
