package io.ossimport.emulator.store;

/** A bucket: name, creation time, location (region), canned ACL and default storage class. */
public final class BucketMeta {
  private final String name;
  private final long created;
  private final String location;
  private final String acl;
  private final String storageClass;

  public BucketMeta(String name, long created, String location, String acl, String storageClass) {
    this.name = name;
    this.created = created;
    this.location = location;
    this.acl = acl;
    this.storageClass = storageClass;
  }

  public String name() {
    return name;
  }

  /** Milliseconds since the epoch. */
  public long created() {
    return created;
  }

  public String location() {
    return location;
  }

  public String acl() {
    return acl;
  }

  public String storageClass() {
    return storageClass;
  }
}
