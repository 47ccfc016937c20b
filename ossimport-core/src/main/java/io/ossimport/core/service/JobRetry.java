package io.ossimport.core.service;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.api.RetryResult;
import io.ossimport.core.api.ServiceRunningException;
import io.ossimport.core.jobtree.Checkpoint;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.RetryReport;
import io.ossimport.core.jobtree.ServiceLock;
import io.ossimport.core.tracker.Events;
import io.ossimport.core.tracker.JobCounting;
import java.io.IOException;
import java.util.Optional;

/**
 * {@code retry}: failed tasks go back to pending holding only their failed objects (a directory the
 * scan could not list, by the files below it if it can be listed now: {@link DirectoryRelisting}),
 * and the job is {@code Running} again (an {@code Abort}ed job too, so that it resumes). Without a
 * service, this runs under the working-directory lock and fixes the JOB record itself; beside a
 * running service (in any process) it only moves the tasks, which is safe beside it, and the
 * service's tracker takes the JOB record from there.
 */
public final class JobRetry {
  private final JobTree tree;
  private final ImportListener events;

  public JobRetry(JobTree tree, ImportListener events) {
    this.tree = tree;
    this.events = events;
  }

  public RetryResult retry(String job) throws OssImportException {
    if (!tree.jobExists(job)) {
      throw new JobConflictException(
          job,
          "No job named '" + job + "' in " + tree.workingDir() + ": nothing to retry",
          Remedy.NONE);
    }
    ServiceLock lock = null;
    try {
      lock = ImportService.acquire(tree, "retry");
    } catch (ServiceRunningException e) {
      // the service runs: it owns the JOB record, we only move tasks
    }
    try {
      RetryReport report;
      try (DirectoryRelisting relisting = new DirectoryRelisting(tree, job)) {
        report = tree.retry(job, relisting);
      }
      growTotals(job, report, lock != null || ImportService.runningIn(tree) != null);
      if (lock != null) {
        JobCounting.recountFailed(tree, job);
        final boolean again = report.tasks() > 0;
        tree.updateJob(
            job,
            r ->
                again || r.state() == JobState.Abort
                    ? r.withState(JobState.Running).withFinishTime(null)
                    : r);
      } else {
        ImportService inThisJvm = ImportService.runningIn(tree);
        if (inThisJvm != null) {
          // JOB updates of one JVM are serialized, so the state can change at once: a caller
          // awaiting the job right after the retry does not see the old Failed.
          final boolean again = report.tasks() > 0;
          tree.updateJob(
              job,
              r ->
                  again || r.state() == JobState.Abort
                      ? r.withState(JobState.Running).withFinishTime(null)
                      : r);
          inThisJvm.wake();
        } else {
          resumeIfAborted(job);
        }
      }
      Events.log(
          events,
          ImportEvent.Level.INFO,
          job,
          report.tasks() == 0
              ? "None failed tasks for job:" + job + "."
              : "retry job:"
                  + job
                  + ": "
                  + report.tasks()
                  + " failed tasks back to pending with "
                  + report.objects()
                  + " objects to redo");
      return new RetryResult(job, (int) report.tasks(), report.objects());
    } catch (IOException e) {
      throw new OssImportException("Cannot retry job " + job + ": " + e.getMessage(), e);
    } finally {
      if (lock != null) {
        try {
          lock.close();
        } catch (IOException e) {
          // released with the process anyway
        }
      }
    }
  }

  /**
   * Directories listed again added objects: the newest checkpoint (where a start takes the totals
   * from) and, if the JOB record is ours to write, the JOB totals grow by them. A crash between the
   * redo task and this checkpoint leaves the totals short by those objects; nothing else.
   */
  private void growTotals(String job, RetryReport report, boolean jobRecordIsOurs)
      throws IOException {
    if (report.addedObjects() == 0 && report.addedBytes() == 0) {
      return;
    }
    JobRecord record = tree.readJob(job);
    Optional<Checkpoint> latest = tree.checkpoints(job).latest(record.round());
    if (!latest.isPresent()) {
      return;
    }
    Checkpoint c = latest.get();
    tree.checkpoints(job)
        .write(
            Checkpoint.of(
                c.round(),
                c.scannerState(),
                c.tasks(),
                Math.max(0, c.objects() + report.addedObjects()),
                Math.max(0, c.bytes() + report.addedBytes())));
    if (jobRecordIsOurs) {
      JobCounting.syncTotals(tree, job);
    }
  }

  /**
   * Beside a service of another process only the Abort state is ours to lift: the tracker
   * dispatches nothing of an aborted job (so nobody else would) and does not write its JOB record
   * (so nothing is overwritten); everything else the tracker finds out itself.
   */
  private void resumeIfAborted(String job) throws IOException {
    tree.updateJob(
        job,
        r -> r.state() == JobState.Abort ? r.withState(JobState.Running).withFinishTime(null) : r);
  }
}
