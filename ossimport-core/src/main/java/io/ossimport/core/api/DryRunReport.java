package io.ossimport.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a dry run found ({@link OssImport#dryRun}): the objects and bytes the job would import (a
 * {@code jobType=audit} job: compare with the destination), its first objects with their
 * destination keys, and what it would leave out, counted by reason code (the codes of {@code
 * audit.log} and {@code error.list}), with a few examples. Immutable. {@link #text()} is the one
 * rendering every front end prints.
 */
public final class DryRunReport {
  /** How many objects {@link #firstObjects()} and {@link #examplesLeftOut()} hold at most. */
  public static final int SAMPLE_SIZE = 10;

  private static final String NL = "\n";

  private final String jobName;
  private final String source;
  private final String destination;
  private final long objects;
  private final long bytes;
  private final List<Entry> firstObjects;
  private final Map<String, Long> skipped;
  private final Map<String, Long> failing;
  private final List<Entry> examplesLeftOut;
  private final boolean jobExists;
  private final List<ConfigWarning> warnings;
  private final boolean audit;

  /**
   * @param source where the job reads, e.g. {@code local /data/src/}
   * @param destination where it would write, e.g. {@code oss://bucket/backup/}
   * @param skipped objects a rule leaves alone, by reason code, in the order met
   * @param failing entries that cannot be migrated (the job would count them failed), by code
   * @param jobExists a job of that name exists already (submit would refuse it)
   * @param audit a {@code jobType=audit} job: the objects would be compared, not imported
   */
  public DryRunReport(
      String jobName,
      String source,
      String destination,
      long objects,
      long bytes,
      List<Entry> firstObjects,
      Map<String, Long> skipped,
      Map<String, Long> failing,
      List<Entry> examplesLeftOut,
      boolean jobExists,
      List<ConfigWarning> warnings,
      boolean audit) {
    this.jobName = jobName;
    this.source = source;
    this.destination = destination;
    this.objects = objects;
    this.bytes = bytes;
    this.firstObjects = Collections.unmodifiableList(new ArrayList<Entry>(firstObjects));
    this.skipped = Collections.unmodifiableMap(new LinkedHashMap<String, Long>(skipped));
    this.failing = Collections.unmodifiableMap(new LinkedHashMap<String, Long>(failing));
    this.examplesLeftOut = Collections.unmodifiableList(new ArrayList<Entry>(examplesLeftOut));
    this.jobExists = jobExists;
    this.warnings = Collections.unmodifiableList(new ArrayList<ConfigWarning>(warnings));
    this.audit = audit;
  }

  public String jobName() {
    return jobName;
  }

  /** Objects the job would import (an audit job: compare with the destination). */
  public long objects() {
    return objects;
  }

  /** Bytes of {@link #objects()}. */
  public long bytes() {
    return bytes;
  }

  /** The first {@value #SAMPLE_SIZE} objects the job would import, in listing order. */
  public List<Entry> firstObjects() {
    return firstObjects;
  }

  /** Objects a rule leaves alone (SKIPPED lines in a real run), by reason code. */
  public Map<String, Long> skipped() {
    return skipped;
  }

  /** Entries that cannot be migrated (failed objects in a real run), by reason code. */
  public Map<String, Long> failing() {
    return failing;
  }

  /** The first {@value #SAMPLE_SIZE} entries left out, skipped or failing, with their reason. */
  public List<Entry> examplesLeftOut() {
    return examplesLeftOut;
  }

  /** A job of that name exists already: submit would refuse the name until it is cleaned. */
  public boolean jobExists() {
    return jobExists;
  }

  /** What the configuration check warned about, as submit would. */
  public List<ConfigWarning> warnings() {
    return warnings;
  }

  /** A {@code jobType=audit} job: it would compare its objects with the destination's. */
  public boolean audit() {
    return audit;
  }

  /** The report's lines, each ending in {@code \n}. */
  public String text() {
    StringBuilder out = new StringBuilder();
    out.append("Dry run of job ").append(jobName).append(": nothing written, no job created, ");
    out.append("the destination not contacted.").append(NL);
    out.append("Source: ").append(source).append(NL);
    out.append("Destination: ").append(destination).append(NL);
    out.append(audit ? "Would audit (compare with the destination): " : "Would import: ");
    out.append(objectsAndBytes(objects, bytes)).append(NL);
    for (Entry e : firstObjects) {
      out.append("  ").append(e.reference()).append(" -> ").append(e.destinationKey());
      out.append(" (").append(JobReport.bytes(e.size())).append(')').append(NL);
    }
    if (objects > firstObjects.size()) {
      out.append("  ... and ").append(objects - firstObjects.size()).append(" more").append(NL);
    }
    appendCounts(out, "Would skip (a rule leaves them alone): ", skipped);
    appendCounts(
        out,
        audit ? "Would fail (cannot be compared): " : "Would fail (cannot be migrated): ",
        failing);
    if (!examplesLeftOut.isEmpty()) {
      out.append("Left out, first ").append(examplesLeftOut.size()).append(':').append(NL);
      for (Entry e : examplesLeftOut) {
        out.append("  ").append(e.reference()).append(": ").append(e.reason());
        if (!e.detail().isEmpty()) {
          out.append(" (").append(e.detail()).append(')');
        }
        out.append(NL);
      }
    }
    if (audit) {
      out.append("Not checked: what the destination holds (the audit compares each object when");
    } else {
      out.append(
          "Not checked: objects already at the destination (isSkipExistFile is decided when");
    }
    out.append(" the job runs).").append(NL);
    if (jobExists) {
      out.append("Note: a job named ").append(jobName).append(" exists already; submit refuses");
      out.append(" the name until that job is cleaned.").append(NL);
    }
    return out.toString();
  }

  private static void appendCounts(StringBuilder out, String title, Map<String, Long> counts) {
    long total = 0;
    for (long n : counts.values()) {
      total += n;
    }
    out.append(title).append(objectCount(total)).append(NL);
    for (Map.Entry<String, Long> e : counts.entrySet()) {
      out.append("  ").append(e.getKey()).append(": ").append(objectCount(e.getValue()));
      out.append(NL);
    }
  }

  private static String objectsAndBytes(long objects, long bytes) {
    return objectCount(objects)
        + ", "
        + bytes
        + " bytes"
        + (bytes < 1024 ? "" : " (" + JobReport.bytes(bytes) + ")");
  }

  private static String objectCount(long n) {
    return n + (n == 1 ? " object" : " objects");
  }

  @Override
  public String toString() {
    return text();
  }

  /** One object of the report: to import ({@link #reason()} empty) or left out. */
  public static final class Entry {
    private final String reference;
    private final String destinationKey;
    private final long size;
    private final String reason;
    private final String detail;

    /**
     * @param reference the object's path relative to the source root (what the source lists)
     * @param destinationKey {@code destPrefix} + its name
     * @param size bytes, {@code -1} if unknown
     * @param reason the reason code it is left out by, or empty
     * @param detail what was found, for a left-out entry the source describes, or empty
     */
    public Entry(String reference, String destinationKey, long size, String reason, String detail) {
      this.reference = reference;
      this.destinationKey = destinationKey;
      this.size = size;
      this.reason = reason == null ? "" : reason;
      this.detail = detail == null ? "" : detail;
    }

    public String reference() {
      return reference;
    }

    public String destinationKey() {
      return destinationKey;
    }

    public long size() {
      return size;
    }

    /** The reason code, empty for an object to import. */
    public String reason() {
      return reason;
    }

    public String detail() {
      return detail;
    }

    @Override
    public String toString() {
      return reference + " -> " + destinationKey + (reason.isEmpty() ? "" : " " + reason);
    }
  }
}
