package io.ossimport.core.config;

/** One {@code key=value} as read, before it is typed and checked. */
final class RawEntry {
  private final String key;
  private final String value;
  private final Origin origin;

  RawEntry(String key, String value, Origin origin) {
    this.key = key;
    this.value = value;
    this.origin = origin;
  }

  /** The key exactly as written (may be an alias or unknown). */
  String key() {
    return key;
  }

  /** The value as written; may hold a secret, so never put it in a message unmasked. */
  String value() {
    return value;
  }

  Origin origin() {
    return origin;
  }

  /** This entry under another key name, same value and origin (alias resolution). */
  RawEntry renamed(String newKey) {
    return new RawEntry(newKey, value, origin);
  }

  /** Masked: entries may hold secrets. */
  @Override
  public String toString() {
    return origin + ": " + key + "=" + Secret.MASK;
  }
}
