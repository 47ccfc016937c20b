package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** submit: everything checked first, nothing written when rejected, the job frozen owner-only. */
class OssImportSubmitTest {
  /** These jobs go to a destination nobody listens on: DestinationPreflightTest asks one. */
  private static final SubmitCheck OFFLINE = SubmitCheck.OFFLINE;

  @TempDir Path temp;
  private Path src;
  private Path work;
  private Map<String, String> job;
  private final EventLog events = new EventLog();
  private OssImport ossimport;

  @BeforeEach
  void setUp() throws Exception {
    src = Files.createDirectories(temp.resolve("src"));
    work = temp.resolve("work");
    job = TestJobs.offlineJob("local_test", src);
    ossimport =
        OssImport.open(
            null,
            Collections.singletonMap("workingDir", work.toString()),
            Collections.<String, String>emptyMap(),
            events);
  }

  @Test
  void aValidJobIsFrozenOwnerOnlyAndTheOriginalsLinesAreLogged() throws Exception {
    Path file = jobFile(job);

    SubmitResult result = ossimport.submit(file, Collections.<String, String>emptyMap(), OFFLINE);

    assertEquals("local_test", result.jobName());
    Path frozen = work.resolve("master/jobs/local_test/job.cfg");
    assertEquals(result.jobDir().resolve("job.cfg"), frozen);
    String text = new String(Files.readAllBytes(frozen), "UTF-8");
    // format 2: the non-secret lines as the job says, the secret only as where it is
    String secretLine = "destSecretKey=@file:" + file.toAbsolutePath().normalize() + "\n";
    assertEquals(
        CanonicalJobConfig.HEADER + "\n" + TestJobs.config(job).describe(),
        text.replaceAll(
            "(?m)^(srcSecretKey|destSecretKey|srcSecurityToken|destSecurityToken"
                + "|expressTunnelAuthToken|proxyPassword)=.*\n",
            ""));
    assertTrue(text.contains(secretLine), text);
    assertFalse(text.contains(job.get("destSecretKey")), text);
    if (Files.getFileStore(frozen).supportsFileAttributeView("posix")) {
      assertEquals(
          "rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(frozen)));
    }
    assertEquals(
        "submit job:" + file + "\nsubmit job:local_test success!\n",
        events.events().stream()
            .map(ImportEvent::message)
            .collect(Collectors.joining("\n", "", "\n")));
    assertEquals(JobState.Running, ossimport.stat("local_test").state());
    assertEquals(JobState.Running, ossimport.state("local_test"));
  }

  @Test
  void aRejectedSubmitListsEveryProblemAndWritesNothing() throws Exception {
    job.put("destBucket", "Not_A_Bucket");
    job.put("taskObjectCountLimit", "0");

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> ossimport.submit(jobFile(job)));

    List<String> keys = e.problems().stream().map(ConfigProblem::key).collect(Collectors.toList());
    assertTrue(
        keys.contains("destBucket") && keys.contains("taskObjectCountLimit"), keys.toString());
    assertFalse(Files.exists(work), "nothing written, not even the working directory");
  }

  @Test
  void aMissingSourceDirectoryIsAProblemOfSrcPrefix() throws Exception {
    Files.delete(src);

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> ossimport.submit(null, job));

    assertEquals(1, e.problems().size());
    ConfigProblem p = e.problems().get(0);
    assertEquals("srcPrefix", p.key());
    assertTrue(p.message().contains("does not exist"), p.toString());
    assertFalse(Files.exists(work));
  }

  @Test
  void aSourceThatIsAFileIsAProblemOfSrcPrefix() throws Exception {
    Files.delete(src);
    Files.write(src, new byte[1]);

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> ossimport.submit(null, job));

    assertEquals("srcPrefix", e.problems().get(0).key());
    assertTrue(e.problems().get(0).message().contains("not a directory"));
    assertFalse(Files.exists(work));
  }

  @Test
  void aJobOfAnExistingNameIsAConflictThatSaysToCleanIt() throws Exception {
    ossimport.submit(null, job, OFFLINE);
    String frozenBefore = new JobTree(work).readFrozenConfig("local_test");
    job.put("destPrefix", "other/");

    JobConflictException e =
        assertThrows(JobConflictException.class, () -> ossimport.submit(null, job));

    assertEquals("local_test", e.jobName());
    // The remedy is neutral; each front end words it (console.sh clean, ossimport:clean, ...).
    assertEquals(Remedy.CLEAN_JOB, e.remedy(), e.getMessage());
    assertEquals(frozenBefore, new JobTree(work).readFrozenConfig("local_test"));
  }

  @Test
  void credentialsLeftEmptyComeFromTheEnvironment() throws Exception {
    job.put("destAccessKey", "");
    job.put("destSecretKey", "");
    Map<String, String> env = new HashMap<>();
    env.put("OSS_ACCESS_KEY_ID", "env-id");
    env.put("OSS_ACCESS_KEY_SECRET", "env-secret");
    OssImport withEnv =
        OssImport.open(null, Collections.singletonMap("workingDir", work.toString()), env, events);

    withEnv.submit(null, job, OFFLINE);

    String frozen = new JobTree(work).readFrozenConfig("local_test");
    assertTrue(
        frozen.contains("destAccessKey=env-id\n")
            && frozen.contains("destSecretKey=@environment:OSS_ACCESS_KEY_SECRET\n"),
        frozen);
    assertFalse(frozen.contains("env-secret"), frozen);
  }

  @Test
  void theWorkingDirectoryIsResolvedFromSysProperties() throws Exception {
    Path sys = temp.resolve("sys.properties");
    Files.write(sys, ("workingDir=" + work + "\n").getBytes("UTF-8"));

    assertEquals(work, OssImport.open(sys, events).workingDir());
  }

  private Path jobFile(Map<String, String> keys) throws Exception {
    StringBuilder text = new StringBuilder();
    for (Map.Entry<String, String> e : keys.entrySet()) {
      text.append(e.getKey()).append('=').append(e.getValue()).append('\n');
    }
    Path file = temp.resolve("local_job.cfg");
    Files.write(file, text.toString().getBytes("UTF-8"));
    return file;
  }
}
