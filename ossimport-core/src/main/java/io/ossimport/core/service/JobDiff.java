package io.ossimport.core.service;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.DiffCheck;
import io.ossimport.core.api.DiffReport;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.SuppliedCredentials;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.SourceType;
import io.ossimport.core.filter.PathFilter;
import io.ossimport.core.jobtree.AtomicFiles;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.oss.ListedPage;
import io.ossimport.core.oss.OssClients;
import io.ossimport.core.oss.OssDestination;
import io.ossimport.core.oss.OssFailures;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.registry.Sources;
import io.ossimport.core.tracker.Events;
import io.ossimport.core.worker.SelectionRules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code diff}: compares a job's source with its destination without a job, as {@code rclone
 * check}: nothing is written to the tree but the report file, nothing at all to the destination.
 *
 * <p>The job file is loaded and checked as {@code submit} does (same problems, no destination
 * preflight: that writes a test object). The source is listed with the job's selection rules; what
 * they leave out is neither missing nor extra. OSS, S3 and Azure sources list in OSS's key order,
 * so their records stream straight into the merge; a local directory or URL list is put in that
 * order first by {@link DiffSort}, in bounded memory. The merge reads the destination under {@code
 * destPrefix} one ListObjects page (1,000 keys) at a time and writes one report line per object
 * that does not match, in key order, into {@code logs/diff-<job>-<UTC time>.report}, atomically.
 */
final class JobDiff {
  /** Records sorted in memory before a chunk file is written: about 20 MB of heap. */
  static final int CHUNK_RECORDS = 100_000;

  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

  private final JobTree tree;
  private final Map<String, String> environment;
  private final SuppliedCredentials supplied;
  private final ImportListener events;
  private final int chunkRecords;

  JobDiff(
      JobTree tree,
      Map<String, String> environment,
      SuppliedCredentials supplied,
      ImportListener events,
      int chunkRecords) {
    this.tree = tree;
    this.environment = environment;
    this.supplied = supplied;
    this.events = events;
    this.chunkRecords = chunkRecords;
  }

  DiffReport diff(Path jobConfigOrNull, Map<String, String> overrides, DiffCheck check)
      throws OssImportException {
    String label =
        jobConfigOrNull == null ? JobSubmission.INLINE_LABEL : jobConfigOrNull.toString();
    Events.log(events, ImportEvent.Level.INFO, null, "diff job:" + label);
    LoadedConfig<JobConfig> loaded =
        new JobConfigLoader(environment)
            .load(jobConfigOrNull, overrides, JobSubmission.INLINE_LABEL, supplied);
    JobConfig config = loaded.config();
    List<ConfigProblem> problems = JobSubmission.checkOnThisMachine(config, label);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems, loaded.warnings());
    }
    String job = config.jobName();
    for (ConfigWarning w : loaded.warnings()) {
      Events.log(events, ImportEvent.Level.WARN, job, w.toString());
    }
    Path report =
        tree.logsDir().resolve("diff-" + job + "-" + STAMP.format(Instant.now()) + ".report");
    Path chunks = tree.workingDir().resolve(AtomicFiles.TEMP_PREFIX + "diff-" + UUID.randomUUID());
    Source source;
    try {
      source = Sources.open(config);
    } catch (RuntimeException e) {
      throw new OssImportException(
          "diff job:" + job + ": its source cannot be opened: " + e.getMessage(), e);
    }
    try (Source s = source;
        OssDestination destination =
            new OssDestination(OssClients.create(config, 2), config.destBucket());
        DiffSort sort = new DiffSort(chunks, chunkRecords)) {
      Files.createDirectories(tree.logsDir());
      DiffMerge merge = new DiffMerge(job, config, destination, source, check);
      try (Listing listing =
          source.list(null, (reference, reason, detail) -> skipped(job, reference, detail))) {
        DiffSource listed = records(config, source, listing);
        DiffSource records = inKeyOrder(config) ? checkedOrder(job, listed) : sorted(sort, listed);
        if (sort.chunkFiles() > 0) {
          Events.log(
              events,
              ImportEvent.Level.DEBUG,
              job,
              "diff sorts the source in " + sort.chunkFiles() + " chunk files under " + chunks);
        }
        AtomicFiles.write(report, out -> merge.run(records, out));
      }
      DiffReport result = merge.result(report);
      Events.log(events, ImportEvent.Level.INFO, job, result.text().trim());
      return result;
    } catch (IOException e) {
      throw new OssImportException("diff job:" + job + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      throw new OssImportException("diff job:" + job + ": " + OssFailures.classify(e).detail(), e);
    }
  }

  /** OSS, S3 and Azure list in UTF-8 byte order, so destPrefix + the key's rest keeps it. */
  private static boolean inKeyOrder(JobConfig config) {
    SourceType t = config.srcType();
    return t == SourceType.OSS || t == SourceType.S3 || t == SourceType.AZURE;
  }

  private void skipped(String job, String reference, String detail) {
    Events.log(events, ImportEvent.Level.WARN, job, "diff skips " + reference + ": " + detail);
  }

  /**
   * The listing as records, each marked when the selection rules leave it out; a size or mtime the
   * listing does not know (a URL list) comes from the source's stat.
   */
  private static DiffSource records(JobConfig config, Source source, Listing listing) {
    PathFilter filter = config.pathFilter();
    DiffSource listed =
        () -> {
          try {
            while (true) {
              SourceObject o = listing.next();
              if (o == null) {
                return null;
              }
              long size = o.size();
              long mtime = o.lastModifiedMillis();
              if (size < 0 || mtime < 0) {
                ObjectStat stat = source.stat(o.reference());
                if (!stat.exists()) {
                  continue; // gone since it was listed: nothing to compare
                }
                size = stat.size();
                mtime = stat.lastModifiedMillis();
              }
              String key = config.destPrefix() + o.destinationName();
              boolean leftOut = SelectionRules.leavesOut(config, filter, key, size, mtime) != null;
              return new DiffRecord(key, size, mtime, o.reference(), leftOut);
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while listing the source", e);
          }
        };
    return listed;
  }

  /** Every record of an unsorted listing, in key order through the external sort. */
  private static DiffSource sorted(DiffSort sort, DiffSource listed) throws IOException {
    for (DiffRecord r = listed.next(); r != null; r = listed.next()) {
      sort.add(r);
    }
    return sort.sorted();
  }

  /** A sorted source's records, refusing one out of order (the merge would report it wrongly). */
  private static DiffSource checkedOrder(String job, DiffSource records) {
    return new DiffSource() {
      String last;

      @Override
      public DiffRecord next() throws IOException {
        DiffRecord r = records.next();
        if (r != null && last != null && ListedPage.compareKeys(last, r.key) >= 0) {
          throw new IOException(
              "the source listed "
                  + r.key
                  + " after "
                  + last
                  + ", not in OSS's key order; nothing can be compared");
        }
        if (r != null) {
          last = r.key;
        }
        return r;
      }
    };
  }
}
