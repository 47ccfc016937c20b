package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Submit asks the destination first: a wrong secret, an unknown AccessKey, a missing bucket or an
 * endpoint that does not answer is one problem naming the key, and nothing is written.
 */
@ExtendWith(OssEmulatorExtension.class)
class DestinationPreflightTest {
  OssEmulator oss;
  @TempDir Path temp;
  ImportFixture f;
  OssImport ossimport;

  @BeforeEach
  void setUp() throws Exception {
    f = new ImportFixture(oss, temp);
    f.file("a.txt", 10);
    ossimport = f.open();
    oss.counters().reset();
  }

  @AfterEach
  void tearDown() throws Exception {
    f.close();
  }

  @Test
  void anAcceptedJobCostsTwoChecksAndLeavesNothingBehind() throws Exception {
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.ONLINE);

    assertEquals(1, oss.counters().get(Operation.GetBucketInfo));
    assertEquals(1, oss.counters().get(Operation.InitiateMultipartUpload));
    assertEquals(1, oss.counters().get(Operation.AbortMultipartUpload));
    assertEquals(3, oss.counters().total(), oss.counters().toJson());
    assertTrue(f.storedObjects().isEmpty(), "no object: " + f.storedObjects());
    assertTrue(oss.store().uploads(f.bucket).isEmpty(), "no open upload");
    assertTrue(Files.exists(f.work.resolve("master/jobs/" + ImportFixture.JOB + "/job.cfg")));
  }

  @Test
  void aWrongSecretNamesDestSecretKeyWithoutShowingIt() throws Exception {
    f.job.put("destSecretKey", "not-the-secret-0123456789");

    ConfigProblem p = rejected();

    assertEquals("destSecretKey", p.key());
    assertTrue(p.message().contains("SignatureDoesNotMatch"), p.toString());
    assertTrue(p.message().contains(oss.accessKeyId()), p.toString());
    assertFalse(p.toString().contains("not-the-secret"), p.toString());
  }

  @Test
  void anUnknownAccessKeyIdNamesDestAccessKey() throws Exception {
    f.job.put("destAccessKey", "LTAInobodyknowsme");

    ConfigProblem p = rejected();

    assertEquals("destAccessKey", p.key());
    assertEquals("LTAInobodyknowsme", p.value());
    assertTrue(p.message().contains("InvalidAccessKeyId"), p.toString());
  }

  @Test
  void aMissingBucketNamesDestBucket() throws Exception {
    f.job.put("destBucket", "no-such-bucket-here");

    ConfigProblem p = rejected();

    assertEquals("destBucket", p.key());
    assertEquals("no-such-bucket-here", p.value());
    assertTrue(p.message().contains("does not exist at " + oss.endpoint()), p.toString());
    assertTrue(p.message().contains("NoSuchBucket"), p.toString());
  }

  @Test
  void anEndpointThatDoesNotAnswerNamesDestDomainAndTheOfflineSwitch() throws Exception {
    String closed = "http://127.0.0.1:" + closedPort();
    f.job.put("destDomain", closed);

    ConfigProblem p = rejected();

    assertEquals("destDomain", p.key());
    assertEquals(closed, p.value());
    assertTrue(p.message().startsWith("does not answer"), p.toString());
    assertTrue(p.fix().contains("--offline"), p.toString());
  }

  @Test
  void offlineContactsNothing() throws Exception {
    f.job.put("destBucket", "no-such-bucket-here");

    SubmitResult r =
        ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);

    assertEquals(ImportFixture.JOB, r.jobName());
    assertEquals(0, oss.counters().total(), oss.counters().toJson());
  }

  @Test
  void anAuditJobIsOnlyReadSoItGetsNoWriteCheck() throws Exception {
    f.job.put("jobType", "audit");

    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.ONLINE);

    assertEquals(1, oss.counters().total(), oss.counters().toJson());
    assertEquals(1, oss.counters().get(Operation.GetBucketInfo));
  }

  /** Rejected with exactly one problem, and no job written. */
  private ConfigProblem rejected() {
    return f.onlySubmitProblem(ossimport);
  }

  private static int closedPort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
