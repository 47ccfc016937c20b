package io.ossimport.core.source;

import java.util.Objects;

/**
 * One object of a listing: its reference (path relative to the source root, {@code /} separators),
 * size and modification time. That is all a worker needs to open it through its {@link Source} and
 * to detect later that it changed.
 *
 * <p>An object whose destination key would be rejected by OSS is still listed, flagged with {@link
 * #invalidKeyReason()}, so that the worker records an {@code INVALID_KEY} failure for it instead of
 * the object silently disappearing.
 */
public final class SourceObject {
  private final String reference;
  private final long size;
  private final long lastModifiedMillis;
  private final String invalidKeyReason;

  private SourceObject(
      String reference, long size, long lastModifiedMillis, String invalidKeyReason) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.size = size;
    this.lastModifiedMillis = lastModifiedMillis;
    this.invalidKeyReason = invalidKeyReason;
  }

  /** An object that can be migrated. */
  public static SourceObject of(String reference, long size, long lastModifiedMillis) {
    return new SourceObject(reference, size, lastModifiedMillis, null);
  }

  /**
   * An object whose destination key is invalid.
   *
   * @param reason what is wrong with the key, as returned by {@link ObjectKeys#validate(String)}
   */
  public static SourceObject withInvalidKey(
      String reference, long size, long lastModifiedMillis, String reason) {
    return new SourceObject(
        reference, size, lastModifiedMillis, Objects.requireNonNull(reason, "reason"));
  }

  /** Path relative to the source root, {@code /}-separated, never starting with {@code /}. */
  public String reference() {
    return reference;
  }

  public long size() {
    return size;
  }

  /** Modification time in epoch milliseconds. */
  public long lastModifiedMillis() {
    return lastModifiedMillis;
  }

  /** True unless the destination key breaks the OSS naming rules. */
  public boolean isKeyValid() {
    return invalidKeyReason == null;
  }

  /** Why the destination key is invalid (to record as {@code INVALID_KEY}), or {@code null}. */
  public String invalidKeyReason() {
    return invalidKeyReason;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof SourceObject)) {
      return false;
    }
    SourceObject that = (SourceObject) o;
    return size == that.size
        && lastModifiedMillis == that.lastModifiedMillis
        && reference.equals(that.reference)
        && Objects.equals(invalidKeyReason, that.invalidKeyReason);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reference, size, lastModifiedMillis, invalidKeyReason);
  }

  @Override
  public String toString() {
    return "SourceObject{"
        + reference
        + ", size="
        + size
        + ", mtime="
        + lastModifiedMillis
        + (invalidKeyReason == null ? "" : ", invalid key: " + invalidKeyReason)
        + "}";
  }
}
