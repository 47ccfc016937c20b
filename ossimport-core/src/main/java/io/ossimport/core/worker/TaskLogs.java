package io.ossimport.core.worker;

import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.jobtree.AuditLog;
import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.FailureCause;
import io.ossimport.core.jobtree.NameCodec;
import io.ossimport.core.jobtree.ProgressLog;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.oss.OssFailure;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;

/**
 * Everything a running task records about its objects: the progress log (BEGIN, DONE, FAILED), the
 * audit log (one line per attempt) and the operator's events. Object threads share it without a
 * lock of its own: each line is formatted by the thread that writes it and each log serializes only
 * its own write ({@code AppendLog}), so no thread waits while another formats (a convoy of 60
 * object threads on one lock, under load, in the 2026-11-27 profile). Keys in events are escaped
 * like in the task files, so a name with a line feed cannot forge a log line; secrets never reach
 * this class.
 */
final class TaskLogs {
  private final ProgressLog progress;
  private final AuditLog audit;
  private final ImportListener events;
  private final String jobName;
  private final JobRuntime job;

  TaskLogs(ProgressLog progress, AuditLog audit, ImportListener events, JobRuntime job) {
    this.progress = progress;
    this.audit = audit;
    this.events = events;
    this.jobName = job.jobName();
    this.job = job;
  }

  /** The object is about to be sent: a crash from here on needs a check before re-sending. */
  void begin(ObjectContext o) throws IOException {
    progress.begin(o.index);
  }

  /** Uploaded and verified. */
  void uploaded(ObjectContext o, Long crc64, String etag) throws IOException {
    progress.done(o.index, crc64, etag);
    audit(o, AuditResult.OK, null, null, crc64, o.elapsedMillis());
  }

  /**
   * Left alone on purpose; listed in the job's {@code skipped.list} with the rule, then recorded as
   * done so a resumed run does not look at it again (a crash in between repeats the list line,
   * never loses it).
   */
  void skipped(ObjectContext o, ReasonCode why) throws IOException {
    job.skippedList().append(why, o.reference(), o.key());
    progress.done(o.index, null, null);
    audit(o, AuditResult.SKIPPED, why, null, null, o.elapsedMillis());
  }

  /** An attempt failed and another one follows. */
  void retrying(ObjectContext o, OssFailure failure, long attemptMillis, int tries)
      throws IOException {
    audit(o, AuditResult.RETRY, failure.reason(), failure.cause(), null, attemptMillis);
    event(
        ImportEvent.Level.DEBUG,
        "retrying " + name(o) + " after " + failure + " (" + tries + " failed so far)");
  }

  /** The object failed for good in this run. */
  void failed(ObjectContext o, OssFailure failure, Throwable cause) throws IOException {
    progress.failed(o.index, failure.reason());
    audit(o, AuditResult.FAILED, failure.reason(), failure.cause(), null, o.elapsedMillis());
    if (failure.isUnexpected()) {
      event(
          ImportEvent.Level.ERROR,
          "unexpected error on " + name(o) + ": " + failure.detail() + " (reason UNKNOWN)");
      if (cause != null) {
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        event(ImportEvent.Level.DEBUG, "stack trace of the error on " + name(o) + ":\n" + trace);
      }
    } else {
      event(
          ImportEvent.Level.WARN,
          "failed " + name(o) + ": " + failure.reason() + " - " + failure.detail());
    }
  }

  /**
   * An object failed because the destination does not work, and the job aborts: it is to be sent
   * again once the destination is fixed, so its FAILED gives way to a BEGIN (the resumed run looks
   * at the destination first, as after a crash). Its FAILED audit line stays: it is what happened.
   */
  void reopened(int index) throws IOException {
    progress.begin(index);
  }

  void event(ImportEvent.Level level, String message) {
    events.onEvent(ImportEvent.log(level, jobName, message));
  }

  private void audit(
      ObjectContext o,
      AuditResult result,
      ReasonCode reason,
      FailureCause cause,
      Long crc64,
      long millis)
      throws IOException {
    audit.append(
        new AuditRecord(
            Instant.now(),
            result,
            reason,
            o.size,
            crc64,
            millis,
            o.entry.attempt(),
            o.key(),
            cause));
  }

  private static String name(ObjectContext o) {
    return NameCodec.escape(o.key()) + " (source " + NameCodec.escape(o.reference()) + ")";
  }
}
