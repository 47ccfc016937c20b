package io.ossimport.ant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.testkit.SampleJob;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.tools.ant.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The tasks in real Ant builds, running real jobs into the emulator. */
@ExtendWith(OssEmulatorExtension.class)
class AntTasksTest {
  private static final String MIGRATE =
      "<target name='migrate'>\n"
          + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'/>\n"
          + "  <ossimport:start workdir='${work}'/>\n"
          + "  <ossimport:stat workdir='${work}' prefix='m'/>\n"
          + "</target>\n";

  OssEmulator oss;
  @TempDir Path dir;

  @Test
  void submitStartStatMovesEveryFileAndPublishesTheResult() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-migrate", 5);
    AntBuild build = new AntBuild(dir, properties(job), MIGRATE);

    build.run("migrate");

    assertEquals(job.files, SampleJob.objects(oss, "ant-migrate"));
    assertEquals("Succeed", build.property("m.state"));
    assertEquals("0", build.property("m.failed"));
    assertEquals("0", build.property("m.pending"));
    assertEquals("5", build.property("m.objects"));
    assertEquals(String.valueOf(total(job)), build.property("m.bytes"));
    assertEquals("sample_job", build.property("m.jobs"));
    assertTrue(build.log().contains("INFO JobState:Succeed"), build.log());
  }

  @Test
  void aDryRunSubmitLogsTheReportAndWritesNothing() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-dry", 3);
    Map<String, String> properties = properties(job);
    properties.put("ossimport.dryrun", "true");
    AntBuild build =
        new AntBuild(
            dir,
            properties,
            "<target name='look'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'/>\n"
                + "</target>\n");
    oss.counters().reset();

    build.run("look");

    assertTrue(build.log().contains("Dry run of job sample_job: nothing written"), build.log());
    assertTrue(
        build.log().contains("Would import: 3 objects, " + total(job) + " bytes"), build.log());
    assertTrue(!build.log().contains("Submitted job"), build.log());
    assertTrue(!java.nio.file.Files.exists(dir.resolve("work")), "no working directory");
    assertEquals(0, oss.counters().total(), oss.counters().toJson());
  }

  @Test
  void failedTasksFailTheBuildAtTheStartTask() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-fails", 3);
    AntBuild build = new AntBuild(dir, properties(job), MIGRATE);
    oss.faults().script(Operation.PutObject, FaultSpec.error(403, "AccessDenied"));

    BuildException failure = assertThrows(BuildException.class, () -> build.run("migrate"));

    assertTrue(failure.getMessage().contains("1 failed task"), failure.getMessage());
    assertEquals(5, failure.getLocation().getLineNumber(), "the start task's line");
    assertTrue(build.log().contains("audit.log"), build.log());
  }

  @Test
  void aBucketThatIsGoneAbortsTheJobAndTheFailureNamesTheCause() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-gone", 8);
    AntBuild build = new AntBuild(dir, properties(job), MIGRATE);
    for (int i = 0; i < 8; i++) {
      oss.faults().script(Operation.PutObject, FaultSpec.error(404, "NoSuchBucket"));
    }

    BuildException failure = assertThrows(BuildException.class, () -> build.run("migrate"));

    assertTrue(failure.getMessage().contains("sample_job was aborted: "), failure.getMessage());
    assertTrue(failure.getMessage().contains("NoSuchBucket"), failure.getMessage());
    assertTrue(
        failure.getMessage().contains("then run <ossimport:retry/> and <ossimport:start/>"),
        failure.getMessage());
    assertEquals(5, failure.getLocation().getLineNumber(), "the start task's line");

    AntBuild status =
        new AntBuild(
            dir,
            properties(job),
            "<target name='status'>\n"
                + "  <ossimport:stat workdir='${work}' prefix='s' failonerror='false'/>\n"
                + "</target>\n");
    status.run("status");
    assertEquals("Abort", status.property("s.state"));
    assertTrue(status.property("s.abortreason").contains("NoSuchBucket"), status.log());
  }

  @Test
  void anAbortStoredWithTheOldAdviceNamesTheTasksOnly() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-old-abort", 1);
    new AntBuild(
            dir,
            properties(job),
            "<target name='submit'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}' offline='true'/>\n"
                + "</target>\n")
        .run("submit");
    new JobTree(dir.resolve("work"))
        .updateJob(
            "sample_job",
            r -> r.withAbort("the source is gone; restore it, then run retry and start"));
    AntBuild status =
        new AntBuild(
            dir,
            properties(job),
            "<target name='status'>\n"
                + "  <ossimport:stat workdir='${work}' prefix='s'/>\n"
                + "</target>\n");

    BuildException failure = assertThrows(BuildException.class, () -> status.run("status"));

    assertEquals(
        "Job sample_job was aborted: the source is gone; restore it. Fix the cause, then run"
            + " <ossimport:retry/> and <ossimport:start/>: the objects already done are kept.",
        failure.getMessage());
  }

  @Test
  void withFailonerrorFalseTheBuildGoesOnAndRetryRedoesTheFailedObjects() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-retry", 4);
    AntBuild build =
        new AntBuild(
            dir,
            properties(job),
            "<target name='t'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'/>\n"
                + "  <ossimport:start workdir='${work}' failonerror='false'/>\n"
                + "  <ossimport:stat workdir='${work}' prefix='first' failonerror='false'/>\n"
                + "  <ossimport:retry workdir='${work}' jobname='sample_job'/>\n"
                + "  <ossimport:start workdir='${work}' timeout='120'/>\n"
                + "  <ossimport:stat workdir='${work}' prefix='second'/>\n"
                + "</target>\n");
    oss.faults().script(Operation.PutObject, FaultSpec.error(403, "AccessDenied"));

    build.run("t");

    assertEquals("Failed", build.property("first.state"));
    assertEquals("1", build.property("first.failed"));
    assertEquals("1", build.property("first.failedobjects"));
    assertTrue(build.log().contains("(failonerror is false: the build goes on)"), build.log());
    assertEquals("Succeed", build.property("second.state"));
    assertEquals(job.files, SampleJob.objects(oss, "ant-retry"));
  }

  @Test
  void anObjectAttributeKeyFlowsThroughAJobproperty() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-attrs", 2);
    AntBuild build =
        new AntBuild(
            dir,
            properties(job),
            "<target name='migrate'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'>\n"
                + "    <jobproperty name='storageClass' value='IA'/>\n"
                + "  </ossimport:submit>\n"
                + "  <ossimport:start workdir='${work}'/>\n"
                + "</target>\n");

    build.run("migrate");

    java.util.Iterator<io.ossimport.emulator.store.ObjectSummary> it =
        oss.store().list("ant-attrs", null, true);
    int objects = 0;
    while (it.hasNext()) {
      assertEquals("IA", it.next().storageClass());
      objects++;
    }
    assertEquals(2, objects);
  }

  @Test
  void aRejectedJobIsABuildExceptionWithTheCoresMessageAndAJobpropertyFixesIt() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-config", 1, "destPrefix=/absolute/");
    AntBuild build =
        new AntBuild(
            dir,
            properties(job),
            "<target name='rejected'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'/>\n"
                + "</target>\n"
                + "<target name='fixed'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'>\n"
                + "    <jobproperty name='destPrefix' value='relative/'/>\n"
                + "  </ossimport:submit>\n"
                + "</target>\n");

    BuildException failure = assertThrows(BuildException.class, () -> build.run("rejected"));
    assertTrue(failure.getMessage().contains("destPrefix='/absolute/'"), failure.getMessage());
    assertEquals(4, failure.getLocation().getLineNumber(), "the submit task's line");

    build.run("fixed");
    assertTrue(build.log().contains("INFO Submitted job sample_job"), build.log());
  }

  @Test
  void skipExistModeFlowsThroughAJobpropertyAndABadValueIsRefused() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-skipmode", 1);
    AntBuild build =
        new AntBuild(
            dir,
            properties(job),
            "<target name='bad'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'>\n"
                + "    <jobproperty name='skipExistMode' value='listing'/>\n"
                + "  </ossimport:submit>\n"
                + "</target>\n"
                + "<target name='good'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'>\n"
                + "    <jobproperty name='skipExistMode' value='list'/>\n"
                + "  </ossimport:submit>\n"
                + "</target>\n");

    BuildException failure = assertThrows(BuildException.class, () -> build.run("bad"));
    assertTrue(
        failure.getMessage().contains("skipExistMode='listing': must be one of head, list, auto"),
        failure.getMessage());
    build.run("good");

    String frozen =
        new String(
            Files.readAllBytes(dir.resolve("work/master/jobs/sample_job/job.cfg")),
            StandardCharsets.UTF_8);
    assertTrue(frozen.contains("skipExistMode=list"), frozen);
  }

  @Test
  void diffSetsItsCountsAndFailsTheBuildUntilTheDestinationMatches() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-diff", 3);
    AntBuild build =
        new AntBuild(
            dir,
            properties(job),
            "<target name='strict'>\n"
                + "  <ossimport:diff workdir='${work}' jobconfig='${jobconfig}' prefix='d'/>\n"
                + "</target>\n"
                + "<target name='lenient'>\n"
                + "  <ossimport:diff workdir='${work}' jobconfig='${jobconfig}' prefix='l'"
                + " failonerror='false'/>\n"
                + "  <echo message='counts ${l.matching} ${l.missing} ${l.different} ${l.extra}'/>\n"
                + "</target>\n");

    BuildException failure = assertThrows(BuildException.class, () -> build.run("strict"));

    assertTrue(
        failure.getMessage().contains("3 missing, 0 different, 0 extra"), failure.getMessage());
    assertEquals(0, oss.counters().get(Operation.PutObject), oss.counters().toJson());
    build.run("lenient");
    assertTrue(build.log().contains("counts 0 3 0 0"), build.log());
    assertTrue(Files.exists(Paths.get(build.property("l.report"))), build.property("l.report"));
  }

  @Test
  void aMisspeltJobpropertyIsWarnedAboutOnce() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-typo", 1);
    AntBuild build =
        new AntBuild(
            dir,
            properties(job),
            "<target name='typo'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'>\n"
                + "    <jobproperty name='destPrefx' value='typo/'/>\n"
                + "  </ossimport:submit>\n"
                + "</target>\n");

    build.run("typo");

    String log = build.log();
    int first = log.indexOf("destPrefx");
    assertTrue(first >= 0 && log.startsWith("WARN", log.lastIndexOf('\n', first) + 1), log);
    assertEquals(first, log.lastIndexOf("destPrefx"), "the warning once, not twice: " + log);
  }

  @Test
  void aMissingBucketIsRefusedAtSubmitUnlessOffline() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-preflight", 1);
    String missing = "    <jobproperty name='destBucket' value='no-such-bucket'/>\n";
    AntBuild build =
        new AntBuild(
            dir,
            properties(job),
            "<target name='checked'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}'>\n"
                + missing
                + "  </ossimport:submit>\n"
                + "</target>\n"
                + "<target name='offline'>\n"
                + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}' offline='true'>\n"
                + missing
                + "  </ossimport:submit>\n"
                + "</target>\n");

    BuildException failure = assertThrows(BuildException.class, () -> build.run("checked"));
    assertTrue(
        failure.getMessage().contains("destBucket='no-such-bucket': does not exist at "),
        failure.getMessage());
    long before = oss.counters().total();

    build.run("offline");
    assertTrue(build.log().contains("INFO Submitted job sample_job"), build.log());
    assertEquals(before, oss.counters().total(), "offline: no request");
  }

  @Test
  void credentialsFromAntPropertiesReplaceTheJobConfigsAndAreNeverLogged() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-credentials", 2);
    Files.write(
        job.jobConfig,
        Arrays.asList("destAccessKey=wrong-id", "destSecretKey=wrong-secret"),
        StandardCharsets.UTF_8,
        StandardOpenOption.APPEND);
    Map<String, String> properties = properties(job);
    properties.put("ossimport.accesskeyid", oss.accessKeyId());
    properties.put("ossimport.accesskeysecret", oss.secretAccessKey());
    AntBuild build = new AntBuild(dir, properties, MIGRATE);

    build.run("migrate");

    assertEquals(job.files, SampleJob.objects(oss, "ant-credentials"));
    assertFalse(build.log().contains(oss.secretAccessKey()), build.log());
  }

  @Test
  void aSecretFixedInTheAntPropertyIsUsedByTheNextRetryAndStart() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-fixed", 2);
    String targets =
        "<target name='submit'>\n"
            + "  <ossimport:submit workdir='${work}' jobconfig='${jobconfig}' offline='true'/>\n"
            + "</target>\n"
            + "<target name='start'><ossimport:start workdir='${work}'/></target>\n"
            + "<target name='retry'><ossimport:retry workdir='${work}' jobname='sample_job'/>"
            + "</target>\n";
    Map<String, String> wrong = properties(job);
    wrong.put("ossimport.accesskeyid", oss.accessKeyId());
    wrong.put("ossimport.accesskeysecret", "wrong-secret-0123456789");
    AntBuild first = new AntBuild(dir, wrong, targets);
    first.run("submit");
    assertThrows(BuildException.class, () -> first.run("start"));
    assertTrue(SampleJob.objects(oss, "ant-fixed").isEmpty());

    Map<String, String> fixed = properties(job);
    fixed.put("ossimport.accesskeyid", oss.accessKeyId());
    fixed.put("ossimport.accesskeysecret", oss.secretAccessKey());
    AntBuild second = new AntBuild(dir, fixed, targets);
    second.run("retry");
    second.run("start");

    assertEquals(job.files, SampleJob.objects(oss, "ant-fixed"));
    assertFalse(second.log().contains(oss.secretAccessKey()), second.log());
  }

  @Test
  void aSecretInAJobPropertyIsRefusedWithWhereToPutIt() throws Exception {
    SampleJob job = SampleJob.create(dir, oss, "ant-inline", 1);
    AntBuild build =
        new AntBuild(
            dir,
            properties(job),
            "<target name='submit'><ossimport:submit workdir='${work}' jobconfig='${jobconfig}'>"
                + "<jobproperty name='destSecretKey' value='inline'/></ossimport:submit>"
                + "</target>\n");

    BuildException failure = assertThrows(BuildException.class, () -> build.run("submit"));

    assertTrue(failure.getMessage().contains("ossimport.accesskeysecret"), failure.getMessage());
  }

  private Map<String, String> properties(SampleJob job) {
    Map<String, String> properties = new LinkedHashMap<String, String>();
    properties.put("work", dir.resolve("work").toString());
    properties.put("jobconfig", job.jobConfig.toString());
    return properties;
  }

  private static long total(SampleJob job) {
    long sum = 0;
    for (long size : job.files.values()) {
      sum += size;
    }
    return sum;
  }
}
