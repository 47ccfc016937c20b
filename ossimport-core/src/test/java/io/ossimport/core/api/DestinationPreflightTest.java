package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.ImportFixtureExtension;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import io.ossimport.emulator.store.ObjectAttributes;
import io.ossimport.emulator.store.UploadMeta;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Submit asks the destination first: a wrong secret, an unknown AccessKey, a missing bucket or an
 * endpoint that does not answer is one problem naming the key, and nothing is written.
 */
@ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
class DestinationPreflightTest {
  OssEmulator oss;
  ImportFixture f;
  OssImport ossimport;

  @BeforeEach
  void setUp() throws Exception {
    f.file("a.txt", 10);
    ossimport = f.open();
    oss.counters().reset();
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

  @Test
  void theWriteCheckCarriesTheJobsWriteAttributes() throws Exception {
    writeAttributes();
    // An abort that keeps answering 503 leaves the probe's upload open, to be looked at.
    oss.faults().always(Operation.AbortMultipartUpload, FaultSpec.serviceUnavailable());

    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.ONLINE);

    List<UploadMeta> uploads = oss.store().uploads(f.bucket);
    assertEquals(1, uploads.size(), "the probe's upload");
    ObjectAttributes sent = uploads.get(0).attributes();
    assertEquals("IA", sent.storageClass());
    assertEquals("private", sent.acl());
    assertEquals(Collections.singletonMap("project", "photos"), sent.tags());
    assertEquals("KMS", sent.serverSideEncryption());
    assertEquals("key-1", sent.sseKeyId());
    assertTrue(
        uploads.get(0).key().startsWith(ImportFixture.DEST_PREFIX + ".ossimport-preflight-"));
  }

  @Test
  void aWriteAttributeTheAccessKeyMayNotSetFailsAtSubmitNamingWhatToGrant() throws Exception {
    writeAttributes();
    // What OSS answers a RAM user with oss:PutObject only: x-oss-tagging, x-oss-object-acl and
    // SSE-KMS need more, and the initiate is refused as a whole.
    oss.faults().script(Operation.InitiateMultipartUpload, FaultSpec.error(403, "AccessDenied"));

    ConfigProblem p = rejected();

    assertEquals("destAccessKey", p.key());
    assertTrue(
        p.message()
            .contains(
                "with storageClass=IA, objectAcl=private, objectTagging=1 tag,"
                    + " serverSideEncryption=KMS, serverSideEncryptionKeyId=key-1 (OSS: AccessDenied"),
        p.toString());
    assertTrue(p.fix().contains("oss:PutObjectTagging (objectTagging)"), p.toString());
    assertTrue(p.fix().contains("oss:PutObjectAcl (objectAcl)"), p.toString());
    assertTrue(p.fix().contains("kms:GenerateDataKey"), p.toString());
    assertTrue(oss.store().uploads(f.bucket).isEmpty(), "no open upload");
  }

  @Test
  void aJobWithoutWriteAttributesIsAskedOnlyForPutObject() throws Exception {
    oss.faults().script(Operation.InitiateMultipartUpload, FaultSpec.error(403, "AccessDenied"));

    ConfigProblem p = rejected();

    assertEquals("destAccessKey", p.key());
    assertFalse(p.message().contains(" with "), p.toString());
    assertFalse(p.fix().contains("PutObjectTagging"), p.toString());
    assertTrue(p.fix().contains("oss:PutObject"), p.toString());
  }

  private void writeAttributes() {
    f.job.put("storageClass", "IA");
    f.job.put("objectAcl", "private");
    f.job.put("objectTagging", "project=photos");
    f.job.put("serverSideEncryption", "KMS");
    f.job.put("serverSideEncryptionKeyId", "key-1");
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
