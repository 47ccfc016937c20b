package io.ossimport.core.source;

/** The current size and modification time of a source object, or the fact that it is gone. */
public final class ObjectStat {
  private static final ObjectStat MISSING = new ObjectStat(false, -1, 0);

  private final boolean exists;
  private final long size;
  private final long lastModifiedMillis;

  private ObjectStat(boolean exists, long size, long lastModifiedMillis) {
    this.exists = exists;
    this.size = size;
    this.lastModifiedMillis = lastModifiedMillis;
  }

  /** An object that exists with this size and modification time. */
  public static ObjectStat of(long size, long lastModifiedMillis) {
    return new ObjectStat(true, size, lastModifiedMillis);
  }

  /** An object that no longer exists. */
  public static ObjectStat missing() {
    return MISSING;
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

  /** True if {@code object} was listed with exactly this size and modification time. */
  public boolean matches(SourceObject object) {
    return exists && size == object.size() && lastModifiedMillis == object.lastModifiedMillis();
  }

  @Override
  public String toString() {
    return exists ? "ObjectStat{size=" + size + ", mtime=" + lastModifiedMillis + "}" : "missing";
  }
}
