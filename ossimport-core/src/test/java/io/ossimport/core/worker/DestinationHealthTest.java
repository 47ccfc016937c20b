package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.ClientException;
import com.aliyun.oss.OSSException;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.OssFailures;
import io.ossimport.core.testkit.TestJobs;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

/** Three destination-wide failures in a row trip the job's destination; a success starts over. */
class DestinationHealthTest {
  private static OssFailure answer(String code) {
    return OssFailures.classify(new OSSException("no", code, "REQ", "host", null, null, null));
  }

  @Test
  void threeInARowTripItAndStopEveryTaskOfTheJob() {
    DestinationHealth health = new DestinationHealth();
    StopSignal running = new StopSignal();
    health.register(running);
    OssFailure gone = answer("NoSuchBucket");

    health.failed(gone);
    health.failed(answer("AccessDenied"));
    assertNull(health.trippedBy());
    assertFalse(running.isRequested());
    health.failed(gone);

    assertSame(gone, health.trippedBy());
    assertTrue(running.isRequested());
    StopSignal later = new StopSignal();
    health.register(later);
    assertTrue(later.isRequested(), "a task dispatched afterwards stops before its first object");
    health.succeeded();
    assertSame(gone, health.trippedBy(), "a late success does not undo the trip");
  }

  @Test
  void anEndpointThatNeverAnswersTripsItBeforeTheRetriesEnd() throws Exception {
    long[] now = {0};
    DestinationHealth health = new DestinationHealth(() -> now[0]);
    StopSignal running = new StopSignal();
    health.register(running);
    OssFailure refused =
        OssFailures.classify(new ClientException(new java.net.ConnectException("refused")));
    assertTrue(refused.isDestinationWide() && refused.isRetryable(), refused.toString());

    for (int i = 0; i < 100; i++) {
      health.unreachable(refused); // a burst at once: an endpoint restarting gets its time
    }
    assertNull(health.trippedBy());
    now[0] = seconds(4);
    health.succeeded(); // one object got through: the endpoint answers after all
    health.unreachable(refused);
    now[0] = seconds(6);
    for (int i = 0; i < DestinationHealth.UNREACHABLE_ATTEMPTS - 2; i++) {
      health.unreachable(refused);
    }
    now[0] = seconds(8);
    health.unreachable(refused);
    assertNull(health.trippedBy(), "20 attempts since the success, but over 4 s only");
    now[0] = seconds(4) + DestinationHealth.UNREACHABLE_MILLIS * 1_000_000L;
    health.unreachable(refused);

    assertSame(refused, health.trippedBy());
    assertTrue(running.isRequested());
    String reason =
        health.abortReason(TestJobs.config(TestJobs.offlineJob("local_test", Paths.get("src"))));
    assertTrue(
        reason.startsWith("the destination could not be reached in 21 attempts over 5 s: "),
        reason);
  }

  private static long seconds(long s) {
    return s * 1_000_000_000L;
  }

  @Test
  void aSuccessBetweenStartsTheCountAgainAndObjectFailuresDoNotCount() {
    DestinationHealth health = new DestinationHealth();
    OssFailure denied = answer("AccessDenied");
    for (int round = 0; round < 5; round++) {
      health.failed(denied);
      health.failed(denied);
      health.failed(answer("InvalidObjectName"));
      health.failed(answer("InternalError"));
      health.succeeded(); // the prefix a bucket policy denies, among objects that get through
    }
    assertNull(health.trippedBy());
  }
}
