package io.ossimport.core.service;

import io.ossimport.core.api.DiffCheck;
import io.ossimport.core.api.DiffReport;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.filter.PathFilter;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.ListedPage;
import io.ossimport.core.oss.OssDestination;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.OssFailures;
import io.ossimport.core.oss.RemoteObject;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.worker.SelectionRules;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Iterator;
import java.util.function.Supplier;

/**
 * The one pass of {@code diff}: the source's records in key order against the destination's
 * ListObjects pages under {@code destPrefix}, one report line per object that does not match:
 * {@code MISSING <key> <size>}, {@code DIFFERENT <key> size|mtime|crc64 <source> <destination>},
 * {@code EXTRA <key> <size>}. Memory is one page and one record.
 *
 * <p>Alike means the skip check's rule: same size, the destination's Last-Modified not before the
 * source's mtime cut to its second; with {@link DiffCheck#CHECKSUM}, also the same CRC-64 where
 * both sides know it (a HEAD and a stat each).
 */
final class DiffMerge {
  private static final int PAGE_SIZE = 1000;
  private static final int ATTEMPTS = 3;

  private final String job;
  private final JobConfig config;
  private final PathFilter filter;
  private final OssDestination destination;
  private final Source source;
  private final DiffCheck check;

  private long sourceObjects;
  private long sourceBytes;
  private long matching;
  private long missing;
  private long missingBytes;
  private long different;
  private long extra;
  private long extraBytes;

  DiffMerge(
      String job, JobConfig config, OssDestination destination, Source source, DiffCheck check) {
    this.job = job;
    this.config = config;
    this.filter = config.pathFilter();
    this.destination = destination;
    this.source = source;
    this.check = check;
  }

  void run(DiffSource records, OutputStream out) throws IOException {
    Pages pages = new Pages();
    DiffRecord src = records.next();
    ListedPage.Entry dst = pages.next();
    while (src != null || dst != null) {
      int order = src == null ? 1 : dst == null ? -1 : ListedPage.compareKeys(src.key, dst.key);
      if (order < 0) {
        if (!src.leftOut) {
          count(src);
          missing++;
          missingBytes += src.size;
          line(out, "MISSING " + src.key + " " + src.size);
        }
        src = records.next();
      } else if (order > 0) {
        if (!leftOutAtDestination(dst)) {
          extra++;
          extraBytes += dst.size;
          line(out, "EXTRA " + dst.key + " " + dst.size);
        }
        dst = pages.next();
      } else {
        if (!src.leftOut) {
          count(src);
          String difference = difference(src, dst);
          if (difference == null) {
            matching++;
          } else {
            different++;
            line(out, "DIFFERENT " + src.key + " " + difference);
          }
        }
        src = records.next();
        dst = pages.next();
      }
    }
  }

  DiffReport result(Path reportFile) {
    return new DiffReport(
        job,
        sourceObjects,
        sourceBytes,
        matching,
        missing,
        missingBytes,
        different,
        extra,
        extraBytes,
        reportFile);
  }

  private void count(DiffRecord src) {
    sourceObjects++;
    sourceBytes += src.size;
  }

  /** A destination key whose relative path the filter excludes is the job's business, not extra. */
  private boolean leftOutAtDestination(ListedPage.Entry dst) {
    return SelectionRules.leavesOut(config, filter, dst.key, -1, -1)
        == ReasonCode.EXCLUDED_BY_FILTER;
  }

  /** {@code size|mtime|crc64 <source> <destination>}, or {@code null} if they are alike. */
  private String difference(DiffRecord src, ListedPage.Entry dst) throws IOException {
    if (src.size != dst.size) {
      return "size " + src.size + " " + dst.size;
    }
    long sourceSecond = src.mtimeMillis / 1000 * 1000;
    if (dst.lastModifiedMillis < sourceSecond) {
      return "mtime "
          + Instant.ofEpochSecond(sourceSecond / 1000)
          + " "
          + Instant.ofEpochSecond(dst.lastModifiedMillis / 1000);
    }
    if (check == DiffCheck.CHECKSUM) {
      ObjectStat stat = source.stat(src.reference);
      Long sourceCrc = stat.exists() ? stat.crc64() : null;
      if (sourceCrc != null) {
        RemoteObject head = attempt(() -> destination.head(dst.key));
        Long destCrc = head == null ? null : head.crc64();
        if (destCrc != null && !destCrc.equals(sourceCrc)) {
          return "crc64 " + Long.toUnsignedString(sourceCrc) + " " + Long.toUnsignedString(destCrc);
        }
      }
    }
    return null;
  }

  private static void line(OutputStream out, String text) throws IOException {
    out.write((text + "\n").getBytes(StandardCharsets.UTF_8));
  }

  /** One request, again on a retryable failure (throttling, 5xx, network), up to three times. */
  private static <T> T attempt(Supplier<T> request) {
    for (int i = 1; ; i++) {
      try {
        return request.get();
      } catch (RuntimeException e) {
        OssFailure failure = OssFailures.classify(e);
        if (!failure.isRetryable() || i >= ATTEMPTS) {
          throw e;
        }
        try {
          Thread.sleep(200L * i);
        } catch (InterruptedException stop) {
          Thread.currentThread().interrupt();
          throw e;
        }
      }
    }
  }

  /** The destination under destPrefix, entry by entry, one ListObjects page in memory. */
  private final class Pages {
    private Iterator<ListedPage.Entry> page;
    private String marker;
    private boolean last;

    ListedPage.Entry next() {
      while (page == null || !page.hasNext()) {
        if (last) {
          return null;
        }
        final String after = marker;
        ListedPage listed =
            attempt(
                () ->
                    destination.list(
                        config.destPrefix().isEmpty() ? null : config.destPrefix(),
                        after,
                        PAGE_SIZE));
        page = listed.entries.iterator();
        marker = listed.nextMarker;
        last = marker == null;
      }
      return page.next();
    }
  }
}
