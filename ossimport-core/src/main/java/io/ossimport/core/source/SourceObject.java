package io.ossimport.core.source;

import java.util.Objects;

/**
 * One object of a listing: its reference (what the {@link Source} opens it by), size and
 * modification time. That is all a worker needs to open it through its {@link Source} and to detect
 * later that it changed.
 *
 * <p>The destination key is {@code destPrefix + destinationName()}. For most sources the name is
 * the reference itself (a path relative to the source root, {@code /} separators); a source that
 * opens objects by something else (a URL list opens them by URL) gives a separate name.
 *
 * <p>Size and modification time are {@code -1} when the listing cannot know them without a request
 * per object (a URL list); the worker looks the object up anyway before it sends it.
 *
 * <p>{@link #group()}: objects of different non-null groups never share a task, so that a task's
 * objects come from one place (a URL list groups by its prefix column: one host, reused
 * connections). {@code null}, the default, joins any task.
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
  private final String destinationName;
  private final String group;

  private SourceObject(
      String reference,
      long size,
      long lastModifiedMillis,
      String invalidKeyReason,
      String destinationName,
      String group) {
    this.reference = Objects.requireNonNull(reference, "reference");
    this.size = size;
    this.lastModifiedMillis = lastModifiedMillis;
    this.invalidKeyReason = invalidKeyReason;
    this.destinationName = Objects.requireNonNull(destinationName, "destinationName");
    this.group = group;
  }

  /** An object that can be migrated. */
  public static SourceObject of(String reference, long size, long lastModifiedMillis) {
    return new SourceObject(reference, size, lastModifiedMillis, null, reference, null);
  }

  /**
   * A listed object, checked: {@link #of} if its destination key {@code keyPrefix + reference} is a
   * valid OSS key, else {@link #withInvalidKey} with what {@link ObjectKeys#validate} finds wrong.
   */
  public static SourceObject checked(
      String reference, long size, long lastModifiedMillis, String keyPrefix) {
    String problem = ObjectKeys.validate(keyPrefix + reference);
    return problem == null
        ? of(reference, size, lastModifiedMillis)
        : withInvalidKey(reference, size, lastModifiedMillis, problem);
  }

  /**
   * An object whose destination key is invalid.
   *
   * @param reason what is wrong with the key, as returned by {@link ObjectKeys#validate(String)}
   */
  public static SourceObject withInvalidKey(
      String reference, long size, long lastModifiedMillis, String reason) {
    return new SourceObject(
        reference,
        size,
        lastModifiedMillis,
        Objects.requireNonNull(reason, "reason"),
        reference,
        null);
  }

  /** A copy whose destination key is {@code destPrefix + name} instead of the reference. */
  public SourceObject withDestinationName(String name) {
    return new SourceObject(reference, size, lastModifiedMillis, invalidKeyReason, name, group);
  }

  /** A copy in task group {@code name} ({@code null}: none, joins any task). */
  public SourceObject inGroup(String name) {
    return new SourceObject(
        reference, size, lastModifiedMillis, invalidKeyReason, destinationName, name);
  }

  /** What the source opens the object by; for a directory, the path relative to its root. */
  public String reference() {
    return reference;
  }

  /** Size in bytes, or -1 if the listing does not know it. */
  public long size() {
    return size;
  }

  /** Modification time in epoch milliseconds, or -1 if the listing does not know it. */
  public long lastModifiedMillis() {
    return lastModifiedMillis;
  }

  /** The destination key without {@code destPrefix}; the reference unless the source says. */
  public String destinationName() {
    return destinationName;
  }

  /** The task group, or {@code null}; see the class comment. */
  public String group() {
    return group;
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
        && Objects.equals(invalidKeyReason, that.invalidKeyReason)
        && destinationName.equals(that.destinationName)
        && Objects.equals(group, that.group);
  }

  @Override
  public int hashCode() {
    return Objects.hash(
        reference, size, lastModifiedMillis, invalidKeyReason, destinationName, group);
  }

  @Override
  public String toString() {
    return "SourceObject{"
        + reference
        + (destinationName.equals(reference) ? "" : " as " + destinationName)
        + ", size="
        + size
        + ", mtime="
        + lastModifiedMillis
        + (group == null ? "" : ", group " + group)
        + (invalidKeyReason == null ? "" : ", invalid key: " + invalidKeyReason)
        + "}";
  }
}
