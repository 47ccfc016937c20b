package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.aliyun.oss.OSSException;
import io.ossimport.core.oss.OssFailure;
import io.ossimport.core.oss.OssFailures;
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
