package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.FailureCause;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** audit.log and error.list name what OSS answered: its error code, message and request id. */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class FailureRecordsTest {
  /** The emulator's request ids, as OSS makes them: the second (8 hex digits), then 16 more. */
  private static final Pattern REQUEST_ID = Pattern.compile("[0-9A-F]{24}");

  OssEmulator oss;
  private ImportFixture f;

  @Test
  void aRefusedUploadIsRecordedWithTheAnswersCodeMessageAndRequestId() throws Exception {
    f.file("refused.txt", 10);
    FaultSpec busy = FaultSpec.serviceUnavailable();
    FaultSpec refused = FaultSpec.error(403, "AccessDenied");
    oss.faults().script(Operation.PutObject, busy, refused);
    long before = System.currentTimeMillis() / 1000;
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());

    JobStatus failed;
    try (RunningService service = ossimport.start()) {
      failed = service.awaitJob(ImportFixture.JOB, 60_000);
    }

    assertEquals(JobState.Failed, failed.state(), f.events.text());
    JobTree tree = new JobTree(f.work);
    TaskRef task;
    try (Stream<TaskRef> s = tree.tasks(ImportFixture.JOB, TaskState.FAILED)) {
      task = s.collect(Collectors.toList()).get(0);
    }
    ErrorEntry error = tree.readErrors(ImportFixture.JOB, task).get(0);
    assertEquals(ReasonCode.ACCESS_DENIED, error.reason());
    assertAnswer(error.cause(), "AccessDenied", "Injected fault: " + refused, before);

    List<AuditRecord> audit = new ArrayList<>();
    tree.readAudit(ImportFixture.JOB, task, audit::add);
    AuditRecord retry = only(audit, AuditResult.RETRY);
    AuditRecord last = only(audit, AuditResult.FAILED);
    assertAnswer(retry.cause(), "ServiceUnavailable", "Injected fault: " + busy, before);
    assertEquals(error.cause(), last.cause(), "error.list and audit.log say the same");
    assertNotEquals(retry.cause().requestId(), last.cause().requestId(), "one id per request");

    // The original's columns come first: a reader of eight (audit) or three (errors) columns
    // finds them where they were.
    String errorList = read(tree, task, "error.list");
    assertTrue(
        errorList.contains(
            "ACCESS_DENIED\trefused.txt\tbackup/refused.txt\tAccessDenied\tInjected fault: 403:"
                + "AccessDenied\t"
                + error.cause().requestId()
                + "\n"),
        errorList);
    String auditLog = read(tree, task, "audit.log");
    assertTrue(
        auditLog.contains(
            "\tbackup/refused.txt\tAccessDenied\tInjected fault: 403:AccessDenied\t"
                + last.cause().requestId()
                + "\n"),
        auditLog);

    RetryResult retried = ossimport.retry(ImportFixture.JOB);
    assertEquals(1, retried.objectsToRedo(), "retry still reads the longer error.list");
  }

  private static void assertAnswer(
      FailureCause cause, String code, String message, long notBeforeSecond) {
    assertEquals(code, cause.code());
    assertEquals(message, cause.message());
    assertTrue(REQUEST_ID.matcher(cause.requestId()).matches(), cause.requestId());
    long second = Long.parseLong(cause.requestId().substring(0, 8), 16);
    assertTrue(second >= notBeforeSecond - 1, "an id the emulator made now: " + cause);
  }

  private static AuditRecord only(List<AuditRecord> audit, AuditResult result) {
    List<AuditRecord> found =
        audit.stream().filter(r -> r.result() == result).collect(Collectors.toList());
    assertEquals(1, found.size(), result + " lines: " + audit);
    return found.get(0);
  }

  private static String read(JobTree tree, TaskRef task, String file) throws Exception {
    Path dir = tree.taskDirectory(ImportFixture.JOB, task);
    return new String(Files.readAllBytes(dir.resolve(file)), StandardCharsets.UTF_8);
  }
}
