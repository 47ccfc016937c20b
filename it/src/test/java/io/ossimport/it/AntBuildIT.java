package io.ossimport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Ant (a forked {@code ant} launcher with its own ANT_HOME) runs the self-contained jar
 * against the emulator: the README's build file with the jar passed as {@code -lib}, and a {@code
 * <taskdef classpath>} build that goes on past failed tasks.
 */
@ExtendWith(OssEmulatorExtension.class)
class AntBuildIT {
  OssEmulator oss;
  @TempDir Path dir;
  private Path antHome;
  private Path nodepsJar;

  @BeforeEach
  void layOutAntHome() throws IOException {
    antHome = Files.createDirectories(dir.resolve("ant/lib"));
    for (String property : new String[] {"ossimport.it.antJar", "ossimport.it.antLauncherJar"}) {
      Path jar = Paths.get(System.getProperty(property));
      Files.copy(jar, antHome.resolve(jar.getFileName()));
    }
    nodepsJar = Paths.get(System.getProperty("ossimport.it.nodepsJar"));
  }

  @Test
  void theReadmeBuildFileMigratesAFolderWithTheJarGivenAsLib() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    try (InputStream readme = getClass().getResourceAsStream("/ant/build.xml")) {
      Files.copy(readme, project.resolve("build.xml"));
    }
    Path data = Samples.folder(project.resolve("data"));
    oss.createBucketIfMissing("ant-readme");
    writeJob(project, data, "ant-readme");

    Result result = ant(project, "-lib", nodepsJar.toString());

    assertEquals(0, result.exitCode, result.output);
    assertTrue(result.output.contains("BUILD SUCCESSFUL"), result.output);
    assertTrue(
        result.output.contains("4 objects, " + Samples.BYTES + " bytes: Succeed"), result.output);
    assertEquals(Buckets.files(data), Buckets.objects(oss.endpoint(), "ant-readme"));
    assertFalse(result.output.contains(oss.secretAccessKey()), result.output);
    assertFalse(result.output.contains("SLF4J"), "no SLF4J provider noise: " + result.output);
  }

  @Test
  void withFailonerrorFalseTheBuildGoesOnPastFailedTasksAndRetryCompletesIt() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.write(
        project.resolve("build.xml"),
        Arrays.asList(
            "<project name='retry' default='migrate' xmlns:ossimport='antlib:io.ossimport.ant'>",
            "  <taskdef uri='antlib:io.ossimport.ant' resource='io/ossimport/ant/antlib.xml'",
            "           classpath='${ossimport.jar}'/>",
            "  <target name='migrate'>",
            "    <ossimport:submit workdir='work' jobconfig='conf/local_job.cfg'/>",
            "    <ossimport:start workdir='work' failonerror='false'/>",
            "    <ossimport:stat workdir='work' prefix='first' failonerror='false'/>",
            "    <echo message='first: ${first.state}, ${first.failed} failed task'/>",
            "    <ossimport:retry workdir='work'/>",
            "    <ossimport:start workdir='work' timeout='300'/>",
            "    <ossimport:stat workdir='work' prefix='second'/>",
            "    <echo message='second: ${second.state}, ${second.failed} failed tasks'/>",
            "  </target>",
            "</project>"),
        StandardCharsets.UTF_8);
    Path data = Samples.folder(project.resolve("data"));
    oss.createBucketIfMissing("ant-retry");
    writeJob(project, data, "ant-retry");
    oss.faults().script(Operation.PutObject, FaultSpec.error(403, "AccessDenied"));

    Result result = ant(project, "-Dossimport.jar=" + nodepsJar);

    assertEquals(0, result.exitCode, result.output);
    assertTrue(result.output.contains("first: Failed, 1 failed task"), result.output);
    assertTrue(result.output.contains("(failonerror is false: the build goes on)"), result.output);
    assertTrue(result.output.contains("second: Succeed, 0 failed tasks"), result.output);
    assertEquals(Buckets.files(data), Buckets.objects(oss.endpoint(), "ant-retry"));
  }

  @Test
  void theServiceRunsInTheBackgroundUntilTheStopTask() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.write(
        project.resolve("build.xml"),
        Arrays.asList(
            "<project name='background' default='migrate' xmlns:ossimport='antlib:io.ossimport.ant'>",
            "  <target name='migrate'>",
            "    <ossimport:submit workdir='work' jobconfig='conf/local_job.cfg'/>",
            "    <ossimport:start workdir='work' background='true'/>",
            "    <ossimport:stop workdir='work'/>",
            "    <ossimport:start workdir='work'/>",
            "    <ossimport:stat workdir='work' prefix='done'/>",
            "    <echo message='done: ${done.state}'/>",
            "  </target>",
            "</project>"),
        StandardCharsets.UTF_8);
    Path data = Samples.folder(project.resolve("data"));
    oss.createBucketIfMissing("ant-background");
    writeJob(project, data, "ant-background");

    Result result = ant(project, "-lib", nodepsJar.toString());

    assertEquals(0, result.exitCode, result.output);
    assertTrue(
        result.output.contains("Started the ossimport service in the background"), result.output);
    assertTrue(result.output.contains("Stop import service completed"), result.output);
    assertTrue(result.output.contains("done: Succeed"), result.output);
    String serviceLog =
        new String(
            Files.readAllBytes(project.resolve("work/logs/ossimport2.log")),
            StandardCharsets.UTF_8);
    assertTrue(serviceLog.contains("service stopped"), serviceLog);
    assertEquals(Buckets.files(data), Buckets.objects(oss.endpoint(), "ant-background"));
  }

  @Test
  void aDryRunSubmitPrintsTheReportAndWritesNothing() throws Exception {
    Path project = Files.createDirectories(dir.resolve("project"));
    Files.write(
        project.resolve("build.xml"),
        Arrays.asList(
            "<project name='dryrun' default='look' xmlns:ossimport='antlib:io.ossimport.ant'>",
            "  <target name='look'>",
            "    <ossimport:submit workdir='work' jobconfig='conf/local_job.cfg' dryrun='true'/>",
            "  </target>",
            "</project>"),
        StandardCharsets.UTF_8);
    Path data = Samples.folder(project.resolve("data"));
    oss.createBucketIfMissing("ant-dryrun");
    writeJob(project, data, "ant-dryrun");
    oss.counters().reset();

    Result result = ant(project, "-lib", nodepsJar.toString());

    assertEquals(0, result.exitCode, result.output);
    assertTrue(result.output.contains("Dry run of job ant_job: nothing written"), result.output);
    assertTrue(
        result.output.contains("Would import: 4 objects, " + Samples.BYTES + " bytes"),
        result.output);
    assertFalse(result.output.contains("Submitted job"), result.output);
    assertFalse(Files.exists(project.resolve("work/master")), "no job, no jobqueue entry");
    assertEquals(0, oss.counters().total(), oss.counters().toJson());
    assertTrue(Buckets.objects(oss.endpoint(), "ant-dryrun").isEmpty());
  }

  private void writeJob(Path project, Path data, String bucket) throws IOException {
    Path conf = Files.createDirectories(project.resolve("conf"));
    Files.write(
        conf.resolve("local_job.cfg"),
        Arrays.asList(
            "jobName=ant_job",
            "srcType=local",
            "srcPrefix=" + data.toAbsolutePath().toString().replace('\\', '/') + "/",
            "destDomain=" + oss.endpoint(),
            "destBucket=" + bucket),
        StandardCharsets.UTF_8);
  }

  /** Runs {@code ant} in {@code project} with credentials in the environment, as users would. */
  private Result ant(Path project, String... args) throws Exception {
    List<String> command = new ArrayList<String>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dant.home=" + antHome.getParent());
    command.add("-cp");
    command.add(
        antHome
            .resolve(Paths.get(System.getProperty("ossimport.it.antLauncherJar")).getFileName())
            .toString());
    command.add("org.apache.tools.ant.launch.Launcher");
    command.add("-noclasspath");
    command.addAll(Arrays.asList(args));
    ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile());
    builder.environment().put("OSS_ACCESS_KEY_ID", oss.accessKeyId());
    builder.environment().put("OSS_ACCESS_KEY_SECRET", oss.secretAccessKey());
    builder.redirectErrorStream(true);
    Process process = builder.start();
    process.getOutputStream().close();
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    try (InputStream in = process.getInputStream()) {
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) > 0; ) {
        output.write(buffer, 0, n);
      }
    }
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroy();
    }
    return new Result(
        process.exitValue(), new String(output.toByteArray(), StandardCharsets.UTF_8));
  }

  private static final class Result {
    final int exitCode;
    final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }
  }
}
