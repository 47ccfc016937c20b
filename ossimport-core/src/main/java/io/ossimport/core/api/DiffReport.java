package io.ossimport.core.api;

import java.nio.file.Path;

/**
 * What {@link OssImport#diff} found comparing a job's source with its destination: how many objects
 * match, are missing at the destination, differ, or are extra there (under {@code destPrefix}, with
 * no source object), and the report file that lists every one that does not match, one line each,
 * in destination key order. Immutable.
 */
public final class DiffReport {
  private final String jobName;
  private final long matching;
  private final long missing;
  private final long missingBytes;
  private final long different;
  private final long extra;
  private final long extraBytes;
  private final long sourceObjects;
  private final long sourceBytes;
  private final Path reportFile;

  /** The counts of one comparison; see the getters. */
  public DiffReport(
      String jobName,
      long sourceObjects,
      long sourceBytes,
      long matching,
      long missing,
      long missingBytes,
      long different,
      long extra,
      long extraBytes,
      Path reportFile) {
    this.jobName = jobName;
    this.sourceObjects = sourceObjects;
    this.sourceBytes = sourceBytes;
    this.matching = matching;
    this.missing = missing;
    this.missingBytes = missingBytes;
    this.different = different;
    this.extra = extra;
    this.extraBytes = extraBytes;
    this.reportFile = reportFile;
  }

  public String jobName() {
    return jobName;
  }

  /** Source objects the job's selection rules select (what a run would migrate). */
  public long sourceObjects() {
    return sourceObjects;
  }

  /** Their bytes. */
  public long sourceBytes() {
    return sourceBytes;
  }

  /** Selected source objects the destination holds alike. */
  public long matching() {
    return matching;
  }

  /** Selected source objects the destination does not hold. */
  public long missing() {
    return missing;
  }

  /** The source bytes of the missing objects. */
  public long missingBytes() {
    return missingBytes;
  }

  /** Selected source objects the destination holds with another size, an older mtime or CRC-64. */
  public long different() {
    return different;
  }

  /** Destination objects under {@code destPrefix} that no source object maps to. */
  public long extra() {
    return extra;
  }

  /** The destination bytes of the extra objects. */
  public long extraBytes() {
    return extraBytes;
  }

  /** True if anything is missing, different or extra. */
  public boolean hasDifferences() {
    return missing + different + extra > 0;
  }

  /** The report file: one line per object that does not match, by destination key. */
  public Path reportFile() {
    return reportFile;
  }

  /** The summary every front end prints, lines ending in {@code \n}. */
  public String text() {
    return "diff job:"
        + jobName
        + ": "
        + sourceObjects
        + " source objects ("
        + sourceBytes
        + " bytes)\n"
        + "matching: "
        + matching
        + "\nmissing: "
        + missing
        + " ("
        + missingBytes
        + " bytes)\ndifferent: "
        + different
        + "\nextra: "
        + extra
        + " ("
        + extraBytes
        + " bytes)\nreport: "
        + reportFile
        + "\n"
        + (hasDifferences()
            ? "the destination differs from the source\n"
            : "the destination matches the source\n");
  }

  @Override
  public String toString() {
    return text();
  }
}
