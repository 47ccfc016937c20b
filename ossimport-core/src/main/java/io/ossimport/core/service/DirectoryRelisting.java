package io.ossimport.core.service;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.RedoExpander;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.UnusableEntryException;
import io.ossimport.core.source.registry.Sources;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;

/**
 * What {@code retry} does with a directory the scan could not list ({@code UNREADABLE_DIRECTORY}):
 * if it can be listed now, the redo task gets the files below it instead of the directory entry; if
 * not, the entry is tried again (and fails again, saying why). Only once the scan has finished and
 * for a job that is not incremental: then the master writes no checkpoint any more, so the one
 * {@link JobRetry} writes with the grown totals cannot race it. The source is opened at the first
 * such directory.
 */
final class DirectoryRelisting implements RedoExpander, Closeable {
  private final JobTree tree;
  private final String job;
  private final boolean active;
  private Source source;

  DirectoryRelisting(JobTree tree, String job) throws IOException {
    this.tree = tree;
    this.job = job;
    JobRecord record = tree.readJob(job);
    boolean incremental;
    try {
      incremental = config().isIncremental();
    } catch (ConfigurationException e) {
      incremental = true; // cannot tell: leave the entries as they are
    }
    this.active = record.scanFinished() && !incremental;
  }

  private JobConfig config() throws IOException, ConfigurationException {
    return CanonicalJobConfig.read(
        tree.readFrozenConfig(job), "the frozen configuration of job " + job);
  }

  @Override
  public boolean expands(ReasonCode reason) {
    return active && reason == ReasonCode.UNREADABLE_DIRECTORY;
  }

  @Override
  public void expand(TaskEntry failed, Entries out) throws IOException {
    Listing listing;
    try {
      listing = source().listBelow(failed.source(), ListingListener.IGNORE);
    } catch (UnusableEntryException | UnsupportedOperationException e) {
      out.add(failed.nextAttempt()); // still not listable: it fails again, saying why
      return;
    }
    int cut = failed.source().length();
    long found = 0;
    try (Listing below = listing) {
      for (SourceObject o = below.next(); o != null; o = below.next(), found++) {
        out.add(
            new TaskEntry(
                o.reference(),
                failed.destination() + o.reference().substring(cut),
                o.size(),
                o.lastModifiedMillis(),
                failed.attempt() + 1));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("retry interrupted while listing " + failed.source());
    }
    if (found == 0) {
      out.add(failed.nextAttempt()); // empty: the worker skips it as EMPTY_DIRECTORY
    }
  }

  private Source source() throws IOException {
    if (source == null) {
      try {
        source = Sources.open(config());
      } catch (ConfigurationException | RuntimeException e) {
        throw new IOException("cannot open the source of job " + job + ": " + e.getMessage(), e);
      }
    }
    return source;
  }

  @Override
  public void close() throws IOException {
    if (source != null) {
      source.close();
    }
  }
}
