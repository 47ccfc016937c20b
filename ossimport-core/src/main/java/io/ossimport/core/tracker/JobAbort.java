package io.ossimport.core.tracker;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.jobtree.JobTree;
import java.io.IOException;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts a job in {@code Abort} with its reason in the JOB record ({@code stat} shows it): nothing of
 * it runs until a {@code retry} lifts it. The first reason stays: the other tasks of the job that
 * stop because of it report the same cause once more, at DEBUG.
 */
final class JobAbort {
  private JobAbort() {}

  static void record(JobTree tree, ImportListener events, String job, String reason) {
    final AtomicBoolean first = new AtomicBoolean();
    try {
      tree.updateJob(
          job,
          r -> {
            if (r.state() == JobState.Abort) {
              return r;
            }
            first.set(true);
            return r.withAbort(reason).withFinishTime(Instant.now());
          });
    } catch (IOException e) {
      first.set(true);
      Events.log(events, ImportEvent.Level.ERROR, job, "cannot record the Abort state: " + e);
    }
    // the record keeps the neutral cause; each front end words the way back (retry, start)
    Events.emit(
        events,
        ImportEvent.log(
            first.get() ? ImportEvent.Level.ERROR : ImportEvent.Level.DEBUG,
            job,
            "job Abort: " + reason,
            Remedy.RETRY_AND_START));
  }
}
