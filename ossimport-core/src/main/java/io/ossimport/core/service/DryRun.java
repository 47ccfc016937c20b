package io.ossimport.core.service;

import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.DryRunReport;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobType;
import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.SourceType;
import io.ossimport.core.filter.PathFilter;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.OssFailures;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.registry.Sources;
import io.ossimport.core.tracker.Events;
import io.ossimport.core.worker.SelectionRules;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code submit --dry-run}: the job configuration loaded and checked as {@link JobSubmission} does
 * before it contacts anything, then the source listed with the job's rules and each object decided
 * as the worker would ({@link SelectionRules}, the key check, the source's stat for a local source,
 * whose stat is what finds links and special files, and wherever the listing did not know size or
 * time). Nothing is written: no job tree, no queue entry, and the destination is not contacted at
 * all (not even submit's {@code DestinationPreflight}, whose InitiateMultipartUpload is a write).
 * Memory: counters per reason code and the first {@value DryRunReport#SAMPLE_SIZE} objects.
 */
final class DryRun {
  private final JobSubmission submission;
  private final JobTree tree;
  private final ImportListener events;

  private final List<DryRunReport.Entry> first = new ArrayList<>();
  private final List<DryRunReport.Entry> leftOut = new ArrayList<>();
  private final Map<ReasonCode, Long> skipped = new EnumMap<>(ReasonCode.class);
  private final Map<ReasonCode, Long> failing = new EnumMap<>(ReasonCode.class);
  private long objects;
  private long bytes;

  DryRun(JobSubmission submission, JobTree tree, ImportListener events) {
    this.submission = submission;
    this.tree = tree;
    this.events = events;
  }

  DryRunReport run(Path jobConfigOrNull, Map<String, String> overrides) throws OssImportException {
    LoadedConfig<JobConfig> loaded = submission.loadChecked(jobConfigOrNull, overrides);
    JobConfig config = loaded.config();
    for (ConfigWarning w : loaded.warnings()) {
      Events.log(events, ImportEvent.Level.WARN, config.jobName(), w.toString());
    }
    try (Source source = open(config)) {
      scan(config, source);
    } catch (IOException e) {
      throw new OssImportException(
          "Cannot list the source of job " + config.jobName() + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OssImportException("The dry run of job " + config.jobName() + " was interrupted");
    }
    return new DryRunReport(
        config.jobName(),
        config.srcType().configValue() + " " + sourceWhere(config),
        "oss://" + config.destBucket() + "/" + config.destPrefix() + " at " + config.destDomain(),
        objects,
        bytes,
        first,
        byName(skipped),
        byName(failing),
        leftOut,
        tree.jobExists(config.jobName()),
        loaded.warnings(),
        config.jobType() == JobType.AUDIT);
  }

  private static Source open(JobConfig config) throws OssImportException {
    try {
      return Sources.open(config);
    } catch (RuntimeException e) {
      throw new OssImportException(
          "The source of job " + config.jobName() + " cannot be opened: " + e.getMessage(), e);
    }
  }

  private void scan(JobConfig config, Source source) throws IOException, InterruptedException {
    PathFilter filter = config.pathFilter();
    // A local stat is one lstat, and the only way an unusable entry (a link, a FIFO) shows.
    boolean statAll = config.srcType() == SourceType.LOCAL;
    try (Listing listing = source.list(null, ListingListener.IGNORE)) {
      for (SourceObject o = listing.next(); o != null; o = listing.next()) {
        String key = config.destPrefix() + o.destinationName();
        ReasonCode rule =
            SelectionRules.leavesOut(config, filter, key, o.size(), o.lastModifiedMillis());
        if (rule != null) {
          leave(o, key, rule, "");
          continue;
        }
        if (!o.isKeyValid()) {
          leave(o, key, ReasonCode.INVALID_KEY, o.invalidKeyReason());
          continue;
        }
        long size = o.size();
        if (statAll || o.size() < 0 || o.lastModifiedMillis() < 0) {
          ObjectStat stat;
          try {
            stat = source.stat(o.reference());
          } catch (IOException e) {
            OssFailure failure = OssFailures.classify(e);
            leave(o, key, failure.reason(), failure.detail());
            continue;
          }
          if (!stat.exists()) {
            leave(o, key, ReasonCode.SOURCE_NOT_FOUND, "gone since it was listed");
            continue;
          }
          rule =
              SelectionRules.bySizeAndTime(
                  config,
                  o.size() >= 0 ? -1 : stat.size(),
                  o.lastModifiedMillis() >= 0 ? -1 : stat.lastModifiedMillis());
          if (rule != null) {
            leave(o, key, rule, "");
            continue;
          }
          size = stat.size();
        }
        objects++;
        bytes += size;
        if (first.size() < DryRunReport.SAMPLE_SIZE) {
          first.add(new DryRunReport.Entry(o.reference(), key, size, null, null));
        }
      }
    }
  }

  private void leave(SourceObject o, String key, ReasonCode reason, String detail) {
    Map<ReasonCode, Long> counts = reason.isSkipRule() ? skipped : failing;
    Long n = counts.get(reason);
    counts.put(reason, n == null ? 1L : n + 1);
    if (leftOut.size() < DryRunReport.SAMPLE_SIZE) {
      leftOut.add(new DryRunReport.Entry(o.reference(), key, o.size(), reason.name(), detail));
    }
  }

  private static String sourceWhere(JobConfig config) {
    switch (config.srcType()) {
      case LOCAL:
        return config.srcPrefix();
      case HTTP:
        return config.httpListFilePath();
      default:
        return config.srcBucket() + "/" + config.srcPrefix() + " at " + config.srcDomain();
    }
  }

  private static Map<String, Long> byName(Map<ReasonCode, Long> counts) {
    Map<String, Long> out = new LinkedHashMap<>();
    for (Map.Entry<ReasonCode, Long> e : counts.entrySet()) {
      out.put(e.getKey().name(), e.getValue());
    }
    return out;
  }
}
