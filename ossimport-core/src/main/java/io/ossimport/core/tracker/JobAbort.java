package io.ossimport.core.tracker;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.jobtree.JobTree;
import java.io.IOException;
import java.time.Instant;

/** Puts a job in {@code Abort}: nothing of it runs until a {@code retry} lifts it. */
final class JobAbort {
  private JobAbort() {}

  static void record(JobTree tree, ImportListener events, String job, String reason) {
    Events.log(
        events,
        ImportEvent.Level.ERROR,
        job,
        "job Abort: "
            + reason
            + (reason.contains("then run retry") ? "" : "; fix the cause, then run retry"));
    try {
      tree.updateJob(job, r -> r.withState(JobState.Abort).withFinishTime(Instant.now()));
    } catch (IOException e) {
      Events.log(events, ImportEvent.Level.ERROR, job, "cannot record the Abort state: " + e);
    }
  }
}
