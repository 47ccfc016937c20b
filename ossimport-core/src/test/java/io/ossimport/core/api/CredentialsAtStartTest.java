package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job tree holds only where each secret came from, so the secret is read there at each start: a
 * secret fixed in the job file takes effect at the next start, a missing environment variable is
 * named, supplied credentials are asked for again, and an STS token that expires mid-job is read
 * again from the job file.
 */
class CredentialsAtStartTest {
  private static final long MINUTE = 60_000;
  private static final String TMP_ID = "STS.tmp-id";
  private static final String TMP_SECRET = "tmp-secret-0123456789";

  @TempDir Path temp;

  @Test
  void aSecretFixedInTheJobFileTakesEffectAtTheNextStart() throws Exception {
    try (OssEmulator oss = OssEmulator.builder().build().start()) {
      ImportFixture f = new ImportFixture(oss, temp);
      f.file("a.txt", 100);
      f.file("b.txt", 200);
      String right = f.job.get("destSecretKey");
      f.job.put("destSecretKey", "wrong-secret-0123456789");
      OssImport ossimport = f.open();
      ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);
      JobStatus failed = run(ossimport);
      assertNotEquals(JobState.Succeed, failed.state(), f.events.text());
      String summary = String.join("\n", JobReport.summary(failed, f.work, PlainWords.WORDS));
      assertTrue(
          summary.contains(
              "fix it in the job file "
                  + f.jobFile().toAbsolutePath().normalize()
                  + ", where it is read again at each start, then run RETRY "
                  + ImportFixture.JOB
                  + " and START"),
          summary);
      assertFalse(
          new JobTree(f.work).readFrozenConfig(ImportFixture.JOB).contains("wrong-secret"),
          "only the origin of the secret is frozen");

      f.job.put("destSecretKey", right);
      f.jobFile();
      ossimport.retry(ImportFixture.JOB);
      JobStatus done = run(ossimport);

      assertEquals(JobState.Succeed, done.state(), f.events.text());
      f.assertAllStored();
    }
  }

  @Test
  void aSecretFromTheEnvironmentIsReadAgainAndItsAbsenceNamed() throws Exception {
    try (OssEmulator oss = OssEmulator.builder().build().start()) {
      ImportFixture f = new ImportFixture(oss, temp);
      f.file("a.txt", 100);
      String secret = f.job.remove("destSecretKey");
      Map<String, String> env = new HashMap<>();
      env.put("OSS_ACCESS_KEY_SECRET", secret);
      OssImport.open(null, f.sys, env, f.events)
          .submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);

      OssImport withoutVariable = f.open(); // an empty environment
      JobStatus aborted = run(withoutVariable);
      assertEquals(JobState.Abort, aborted.state());
      String text = f.events.text();
      assertTrue(
          text.contains(
              "destSecretKey: came from the environment variable OSS_ACCESS_KEY_SECRET at"
                  + " submit, which is not set now; export OSS_ACCESS_KEY_SECRET again"),
          text);

      OssImport withVariable = OssImport.open(null, f.sys, env, f.events);
      withVariable.retry(ImportFixture.JOB);
      assertEquals(JobState.Succeed, run(withVariable).state(), f.events.text());
      assertFalse(f.events.text().contains(secret));
    }
  }

  @Test
  void suppliedCredentialsAreAskedForAgainAtStart() throws Exception {
    try (OssEmulator oss = OssEmulator.builder().build().start()) {
      ImportFixture f = new ImportFixture(oss, temp);
      f.file("a.txt", 100);
      String secret = f.job.remove("destSecretKey");
      SuppliedCredentials server =
          SuppliedCredentials.builder()
              .supply("maven-server:oss-dest", "destSecretKey", secret)
              .build();
      OssImport.open(null, f.sys, Collections.<String, String>emptyMap(), server, f.events)
          .submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);
      assertTrue(
          new JobTree(f.work)
              .readFrozenConfig(ImportFixture.JOB)
              .contains("destSecretKey=@supplied:maven-server:oss-dest\n"));

      JobStatus aborted = run(f.open());
      assertEquals(JobState.Abort, aborted.state());
      assertTrue(
          f.events.text().contains("came from the settings.xml <server> oss-dest at submit"),
          f.events.text());

      OssImport again =
          OssImport.open(null, f.sys, Collections.<String, String>emptyMap(), server, f.events);
      again.retry(ImportFixture.JOB);
      assertEquals(JobState.Succeed, run(again).state(), f.events.text());
    }
  }

  @Test
  void anStsTokenThatExpiresMidJobIsReadAgainFromTheJobFile() throws Exception {
    try (OssEmulator oss =
        OssEmulator.builder().securityToken(TMP_ID, TMP_SECRET, "CAIS-token-1").build().start()) {
      ImportFixture f = new ImportFixture(oss, temp);
      for (int i = 0; i < 20; i++) {
        f.file("f" + i + ".txt", 100 + i);
      }
      f.sys.put("workerTaskThreadNum", "1");
      f.job.put("taskObjectCountLimit", "5");
      f.job.put("destAccessKey", TMP_ID);
      f.job.put("destSecretKey", TMP_SECRET);
      f.job.put("destSecurityToken", "CAIS-token-1");
      OssImport ossimport = f.open();
      ossimport.submit(f.jobFile());
      assertFalse(new JobTree(f.work).readFrozenConfig(ImportFixture.JOB).contains("CAIS-token"));
      oss.faults().always(Operation.PutObject, FaultSpec.latency(100));

      JobStatus done;
      try (RunningService service = ossimport.start()) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (oss.counters().get(Operation.PutObject) < 2 && System.nanoTime() < deadline) {
          Thread.sleep(5);
        }
        // What an STS refresher does: a new token for a new id, written where the job read it.
        oss.addSecurityToken("STS.tmp-id-2", "tmp-secret-2-0123456789", "CAIS-token-2");
        f.job.put("destAccessKey", "STS.tmp-id-2");
        f.job.put("destSecretKey", "tmp-secret-2-0123456789");
        f.job.put("destSecurityToken", "CAIS-token-2");
        f.jobFile();
        oss.expireSecurityToken("CAIS-token-1");
        assertEquals(JobState.Running, ossimport.state(ImportFixture.JOB), "expired mid-job");
        done = service.awaitJob(ImportFixture.JOB, MINUTE);
      }

      assertEquals(JobState.Succeed, done.state(), f.events.text());
      assertEquals(20, done.doneObjects());
      f.assertAllStored();
      assertFalse(f.events.text().contains("CAIS-token"));
    }
  }

  private static JobStatus run(OssImport ossimport) throws Exception {
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTE);
    }
  }
}
