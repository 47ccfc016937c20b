package io.ossimport.core.jobtree;

/** The object and byte counters the tracker keeps in the JOB record. Immutable. */
public final class JobCounters {
  /** All zero. */
  public static final JobCounters ZERO = new JobCounters(new long[8]);

  static final String[] KEYS = {
    "objectsTotal", "bytesTotal",
    "objectsDone", "bytesDone",
    "objectsFailed", "bytesFailed",
    "objectsSkipped", "bytesSkipped"
  };

  private final long[] values;

  private JobCounters(long[] values) {
    this.values = values;
  }

  public JobCounters(
      long objectsTotal,
      long bytesTotal,
      long objectsDone,
      long bytesDone,
      long objectsFailed,
      long bytesFailed,
      long objectsSkipped,
      long bytesSkipped) {
    this(
        new long[] {
          objectsTotal, bytesTotal, objectsDone, bytesDone,
          objectsFailed, bytesFailed, objectsSkipped, bytesSkipped
        });
  }

  static JobCounters of(long[] values) {
    return new JobCounters(values.clone());
  }

  long get(int i) {
    return values[i];
  }

  /** Objects the scan found (grows while the scan runs). */
  public long objectsTotal() {
    return values[0];
  }

  public long bytesTotal() {
    return values[1];
  }

  /**
   * Objects finished without failure: uploaded and verified, or skipped on purpose (those are also
   * in {@link #objectsSkipped()}).
   */
  public long objectsDone() {
    return values[2];
  }

  public long bytesDone() {
    return values[3];
  }

  /** Objects in failed tasks' error lists. */
  public long objectsFailed() {
    return values[4];
  }

  public long bytesFailed() {
    return values[5];
  }

  /** Objects skipped on purpose (exist already, older than importSince). */
  public long objectsSkipped() {
    return values[6];
  }

  public long bytesSkipped() {
    return values[7];
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JobCounters && java.util.Arrays.equals(((JobCounters) o).values, values);
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(values);
  }

  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("{");
    for (int i = 0; i < KEYS.length; i++) {
      b.append(i == 0 ? "" : ", ").append(KEYS[i]).append('=').append(values[i]);
    }
    return b.append('}').toString();
  }
}
