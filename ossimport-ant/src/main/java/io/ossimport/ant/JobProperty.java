package io.ossimport.ant;

/**
 * A nested {@code <jobproperty name="destBucket" value="backup"/>}: one {@code local_job.cfg} key
 * that overrides the key of {@code jobconfig}.
 */
public final class JobProperty {
  private String name;
  private String value;

  /** The {@code local_job.cfg} key, e.g. {@code srcPrefix}. */
  public void setName(String name) {
    this.name = name;
  }

  /** Its value, taken as given. */
  public void setValue(String value) {
    this.value = value;
  }

  String name() {
    return name;
  }

  String value() {
    return value == null ? "" : value;
  }
}
