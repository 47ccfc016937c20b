package io.ossimport.core.master;

import static io.ossimport.core.api.Remedy.RETRY_AND_START;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.CredentialResolver;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.Checkpoint;
import io.ossimport.core.jobtree.JobCounters;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceObject;
import io.ossimport.core.source.registry.Sources;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Takes the jobs of {@code master/jobqueue} one after another, lists each source as a stream from
 * its newest checkpoint and cuts it into tasks ({@link TaskCutter}), then marks the scan finished.
 * The listings carry every entry they meet into the tasks, also those the worker will record as
 * failed or skipped by a rule (see {@link io.ossimport.core.source.SkipReason}); what a listing
 * still reports to its {@link io.ossimport.core.source.ListingListener} becomes a WARN event. A
 * source that cannot be listed puts the job in {@code Abort}; {@code retry} sets it running again
 * and the scan resumes from its checkpoint.
 *
 * <p>An incremental job's scan is never finished: after each round's listing the job waits in the
 * queue, without blocking the master or a stop, until {@link IncrementalRounds} says the next round
 * is due.
 *
 * <p>{@link #stop()} interrupts the thread only while it waits on the listing, never while it
 * writes to the tree; an uncommitted task is discarded and listed again at the next start.
 */
public final class Master implements Runnable {
  private static final long POLL_MILLIS = 200;

  /**
   * The JOB totals follow the scan at most this often (each JOB write is two fsyncs); the
   * checkpoint written with each task holds the exact totals, and a restart takes them from there.
   */
  private static final long TOTALS_INTERVAL_MILLIS = 1000;

  private final JobTree tree;
  private final ImportListener events;
  private final Runnable taskCommitted;
  private final CredentialResolver credentials;
  private final Object gate = new Object();
  private Thread waiting;
  private long lastTotalsMillis;
  private volatile boolean stopping;

  /**
   * @param taskCommitted called after each committed task (wakes the tracker)
   */
  public Master(JobTree tree, ImportListener events, Runnable taskCommitted) {
    this(tree, events, taskCommitted, CredentialResolver.none());
  }

  /**
   * @param taskCommitted called after each committed task (wakes the tracker)
   * @param credentials finds the secrets of a frozen job where they came from at submit
   */
  public Master(
      JobTree tree, ImportListener events, Runnable taskCommitted, CredentialResolver credentials) {
    this.tree = tree;
    this.events = events;
    this.taskCommitted = taskCommitted;
    this.credentials = credentials;
  }

  @Override
  public void run() {
    while (!stopping) {
      try {
        for (String job : queuedJobs()) {
          if (stopping) {
            return;
          }
          JobRecord record = tree.readJob(job);
          if (record.state() != JobState.Abort
              && !record.scanFinished()
              && !IncrementalRounds.waiting(record, Instant.now())) {
            scan(job, record);
          }
        }
        Thread.sleep(POLL_MILLIS);
      } catch (InterruptedException e) {
        return;
      } catch (IOException | RuntimeException e) {
        log(ImportEvent.Level.ERROR, null, "master: " + e);
        sleepQuietly(1000);
      }
    }
  }

  /** Stops the master: the current scan stops at its next object; run() returns. */
  public void stop() {
    synchronized (gate) {
      stopping = true;
      if (waiting != null) {
        waiting.interrupt();
      }
    }
  }

  private List<String> queuedJobs() throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<String> queued = tree.queuedJobs()) {
      queued.sorted().forEach(names::add);
    }
    return names;
  }

  private void scan(String job, JobRecord queued) throws IOException, InterruptedException {
    JobConfig config;
    try {
      config =
          CanonicalJobConfig.read(
              tree.readFrozenConfig(job), "the frozen configuration of job " + job, credentials);
    } catch (ConfigurationException e) {
      abort(job, "its frozen configuration cannot be used: " + e.getMessage());
      return;
    }
    JobRecord record =
        config.isIncremental()
            ? IncrementalRounds.beforeListing(tree, job, queued, Instant.now())
            : queued;
    Optional<Checkpoint> resume = tree.checkpoints(job).latest(record.round());
    // an incremental round counts on from the rounds before it (the totals are over all rounds)
    Optional<Checkpoint> before =
        config.isIncremental() && record.round() > 0
            ? tree.checkpoints(job).latestUpTo(record.round() - 1)
            : Optional.<Checkpoint>empty();
    Optional<Checkpoint> base = resume.isPresent() ? resume : before;
    log(
        ImportEvent.Level.INFO,
        job,
        (config.isIncremental() ? "round " + record.round() + ": " : "")
            + (resume.isPresent()
                ? "scan resumes after "
                    + resume.get().objects()
                    + " objects in "
                    + resume.get().tasks()
                    + " tasks"
                : "scan starts: " + config.srcType().configValue() + " " + config.srcPrefix())
            + sinceText(record));
    Source source;
    Listing listing;
    try {
      source = Sources.open(config);
    } catch (RuntimeException e) {
      abort(job, "its source cannot be opened: " + e.getMessage());
      return;
    }
    try {
      try {
        listing =
            source.list(
                resume.isPresent() ? resume.get().scannerState() : null,
                (reference, reason, detail) ->
                    log(
                        ImportEvent.Level.WARN,
                        job,
                        "skip " + reference + " (" + reason + "): " + detail));
      } catch (IOException | IllegalArgumentException e) {
        abort(job, "its source cannot be listed: " + e.getMessage());
        return;
      }
      try {
        TaskCutter cutter =
            new TaskCutter(
                tree,
                job,
                record.round(),
                config.destPrefix(),
                config.taskObjectCountLimit(),
                config.taskObjectSizeLimit(),
                base.orElse(null),
                totals -> {
                  long now = System.currentTimeMillis();
                  if (now - lastTotalsMillis >= TOTALS_INTERVAL_MILLIS) {
                    setTotals(job, totals.objects(), totals.bytes());
                    lastTotalsMillis = now;
                  }
                  taskCommitted.run();
                });
        if (config.isIncremental() && record.schedule().modifiedSince() != null) {
          cutter.onlyModifiedSince(record.schedule().modifiedSince().toEpochMilli());
        }
        try {
          cutter.cut(listing, l -> interruptibly(l, true), l -> interruptibly(l, false));
        } catch (ListingFailure e) {
          abort(job, "listing its source failed: " + e.getCause().getMessage());
          return;
        }
        if (config.isIncremental()) {
          cutter.checkpointEnd(listing);
          setTotals(job, cutter.objects(), cutter.bytes());
          roundListed(job, config, cutter, before);
        } else {
          setTotals(job, cutter.objects(), cutter.bytes());
          tree.finishScan(job);
          log(
              ImportEvent.Level.INFO,
              job,
              "scan finished: "
                  + cutter.objects()
                  + " objects, "
                  + cutter.bytes()
                  + " bytes in "
                  + cutter.tasks()
                  + " tasks");
        }
        taskCommitted.run();
      } finally {
        listing.close();
      }
    } finally {
      source.close();
    }
  }

  /** An incremental round has listed everything: schedule the next, say what this one found. */
  private void roundListed(
      String job, JobConfig config, TaskCutter cutter, Optional<Checkpoint> before)
      throws IOException {
    JobRecord record = IncrementalRounds.afterListing(tree, job, config);
    long objectsBefore = before.isPresent() ? before.get().objects() : 0;
    long bytesBefore = before.isPresent() ? before.get().bytes() : 0;
    long tasksBefore = before.isPresent() ? before.get().tasks() : 0;
    log(
        ImportEvent.Level.INFO,
        job,
        "round "
            + record.round()
            + " listed: "
            + (cutter.objects() - objectsBefore)
            + " objects, "
            + (cutter.bytes() - bytesBefore)
            + " bytes in "
            + (cutter.tasks() - tasksBefore)
            + " tasks ("
            + cutter.unchanged()
            + " unchanged left out); next round at "
            + record.schedule().nextRound());
  }

  private static String sinceText(JobRecord record) {
    return record.schedule() != null && record.schedule().modifiedSince() != null
        ? ", only objects modified since " + record.schedule().modifiedSince()
        : "";
  }

  /** peek() or next() with the thread open to a stop's interrupt for the duration of the call. */
  private SourceObject interruptibly(Listing listing, boolean peek)
      throws IOException, InterruptedException {
    synchronized (gate) {
      if (stopping) {
        throw new InterruptedException("the master is stopping");
      }
      waiting = Thread.currentThread();
    }
    try {
      return peek ? listing.peek() : listing.next();
    } catch (IOException e) {
      throw new ListingFailure(e);
    } finally {
      synchronized (gate) {
        waiting = null;
        Thread.interrupted(); // an interrupt that came after the call returned is not for a write
      }
      if (stopping) {
        throw new InterruptedException("the master is stopping");
      }
    }
  }

  /** An I/O failure of the listing itself, as opposed to one writing the tree. */
  private static final class ListingFailure extends IOException {
    private static final long serialVersionUID = 1L;

    ListingFailure(IOException cause) {
      super(cause.getMessage(), cause);
    }
  }

  private void setTotals(String job, final long objects, final long bytes) throws IOException {
    tree.updateJob(
        job,
        r -> {
          JobCounters c = r.counters();
          return r.withCounters(
              new JobCounters(
                  objects,
                  bytes,
                  c.objectsDone(),
                  c.bytesDone(),
                  c.objectsFailed(),
                  c.bytesFailed(),
                  c.objectsSkipped(),
                  c.bytesSkipped()));
        });
  }

  private void abort(String job, String reason) throws IOException {
    // the record keeps the neutral cause; each front end words the way back (retry, start)
    try {
      events.onEvent(
          ImportEvent.log(ImportEvent.Level.ERROR, job, "job Abort: " + reason, RETRY_AND_START));
    } catch (RuntimeException e) {
      // a listener must not throw; the scan carries on regardless
    }
    tree.updateJob(job, r -> r.withAbort(reason).withFinishTime(Instant.now()));
  }

  private void log(ImportEvent.Level level, String job, String text) {
    try {
      events.onEvent(ImportEvent.log(level, job, text));
    } catch (RuntimeException e) {
      // a listener must not throw; the scan carries on regardless
    }
  }

  private static void sleepQuietly(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
