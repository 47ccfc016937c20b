package io.ossimport.core.service;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.RecoveryReport;
import io.ossimport.core.tracker.Events;
import io.ossimport.core.tracker.JobCounting;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the service does to the tree before anything runs, under its lock: the job tree's crash
 * recovery (dispatched tasks back to pending, worker progress kept), then the JOB counters made
 * true again (a counted task whose completion a crash prevented is taken back; failed counts and
 * totals recounted).
 */
final class StartupRepair {
  private StartupRepair() {}

  static void run(JobTree tree, ImportListener events) throws IOException {
    RecoveryReport report = tree.recoverAll();
    if (!report.isClean()) {
      Events.log(
          events,
          ImportEvent.Level.INFO,
          null,
          "recovered the job tree after an interrupted run: " + report);
    }
    List<String> jobs = new ArrayList<>();
    try (Stream<String> all = tree.jobs()) {
      all.forEach(jobs::add);
    }
    for (String job : jobs) {
      int undone = JobCounting.reconcileLedger(tree, job);
      if (undone > 0) {
        Events.log(
            events,
            ImportEvent.Level.DEBUG,
            job,
            "took back the counts of " + undone + " tasks whose completion was interrupted");
      }
      JobCounting.recountFailed(tree, job);
      JobRecord record = JobCounting.syncTotals(tree, job);
      if (record.state() == JobState.Abort) {
        Events.emit(
            events,
            ImportEvent.log(
                ImportEvent.Level.WARN,
                job,
                "the job is in state Abort and does not run",
                Remedy.RETRY_AND_START));
      }
    }
  }
}
