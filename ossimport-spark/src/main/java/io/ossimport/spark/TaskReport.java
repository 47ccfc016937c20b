package io.ossimport.spark;

import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.FailureCause;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What an executor sends back for one task: the worker's progress and audit logs (the per-object
 * lines the standalone worker writes into the job tree), its outcome, and, when the worker gave up
 * on the job, why.
 */
final class TaskReport implements Serializable {
  private static final long serialVersionUID = 1L;

  /** One failed object, as {@code error.list} records it. */
  static final class Failure implements Serializable {
    private static final long serialVersionUID = 1L;
    final String reason;
    final String source;
    final String destination;
    final String code;
    final String message;
    final String requestId;

    Failure(ErrorEntry e) {
      this.reason = e.reason().name();
      this.source = e.source();
      this.destination = e.destination();
      this.code = e.cause().code();
      this.message = e.cause().message();
      this.requestId = e.cause().requestId();
    }

    ErrorEntry toErrorEntry() {
      return new ErrorEntry(
          ReasonCode.valueOf(reason),
          source,
          destination,
          FailureCause.of(code, message, requestId));
    }
  }

  final byte[] progressLog;
  final byte[] auditLog;
  final boolean failed;
  final List<Failure> failures;

  /** Non-null when the worker gave up on the job ({@code Abort}): its reason. */
  final String abortReason;

  private TaskReport(
      byte[] progressLog,
      byte[] auditLog,
      boolean failed,
      List<Failure> failures,
      String abortReason) {
    this.progressLog = progressLog;
    this.auditLog = auditLog;
    this.failed = failed;
    this.failures = failures;
    this.abortReason = abortReason;
  }

  static TaskReport finished(byte[] progressLog, byte[] auditLog, TaskOutcome outcome) {
    List<Failure> failures = new ArrayList<Failure>();
    for (ErrorEntry e : outcome.errors()) {
      failures.add(new Failure(e));
    }
    return new TaskReport(
        progressLog,
        auditLog,
        outcome.status() == TaskStatus.FAILED,
        Collections.unmodifiableList(failures),
        null);
  }

  static TaskReport aborted(byte[] progressLog, byte[] auditLog, String reason) {
    return new TaskReport(progressLog, auditLog, true, Collections.<Failure>emptyList(), reason);
  }

  /** The outcome for {@code JobTree.complete}, as the standalone worker would have returned it. */
  TaskOutcome outcome() {
    if (!failed) {
      return TaskOutcome.completed();
    }
    List<ErrorEntry> errors = new ArrayList<ErrorEntry>();
    for (Failure f : failures) {
      errors.add(f.toErrorEntry());
    }
    return TaskOutcome.failed(errors);
  }
}
