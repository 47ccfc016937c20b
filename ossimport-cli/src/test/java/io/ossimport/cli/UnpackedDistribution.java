package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobState;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.emulator.OssEmulator;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The built distribution (the tar.gz of {@code package}) unpacked into a directory, with helpers to
 * run its scripts as a user would and to read what they leave behind.
 */
final class UnpackedDistribution {
  /** Longest a script may run in a test before it counts as hung. */
  private static final long SCRIPT_TIMEOUT_SECONDS = 180;

  final Path home;

  private UnpackedDistribution(Path home) {
    this.home = home;
  }

  /** The archive Failsafe was told about (see the module's pom). */
  static Path archive(String property) {
    String path = System.getProperty(property);
    assertTrue(path != null, property + " is not set: run the *IT tests through Maven (verify)");
    Path archive = Paths.get(path);
    assertTrue(Files.isRegularFile(archive), archive + " missing: the package phase builds it");
    return archive;
  }

  /** Unpacks the tar.gz with tar, as users do, so file modes are those of the archive. */
  static UnpackedDistribution unpack(Path into) throws Exception {
    Result tar =
        run(
            into,
            "",
            null,
            "tar",
            "-xzf",
            archive("ossimport.dist.tarGz").toString(),
            "-C",
            into.toString());
    assertEquals(0, tar.exitCode, tar.output);
    return new UnpackedDistribution(into.resolve("ossimport"));
  }

  /** What a script printed (stdout and stderr together) and its exit code. */
  static final class Result {
    final int exitCode;
    final String output;

    Result(int exitCode, String output) {
      this.exitCode = exitCode;
      this.output = output;
    }

    @Override
    public String toString() {
      return "exit " + exitCode + ":\n" + output;
    }
  }

  /** {@code bash console.sh <verb>} from the package directory. */
  Result console(String verb) throws Exception {
    return bash("", null, "console.sh", verb);
  }

  /** {@code bash <script> args...} with {@code stdin} as input and extra environment. */
  Result bash(String stdin, Map<String, String> env, String script, String... args)
      throws Exception {
    List<String> command = new ArrayList<String>();
    command.add("bash");
    command.add(home.resolve(script).toString());
    command.addAll(Arrays.asList(args));
    return run(home, stdin, env, command.toArray(new String[0]));
  }

  static Result run(Path dir, String stdin, Map<String, String> env, String... command)
      throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
    builder.redirectErrorStream(true);
    if (env != null) {
      builder.environment().putAll(env);
    }
    Process process = builder.start();
    try (OutputStream in = process.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    ByteArrayOutputStream output = new ByteArrayOutputStream();
    Thread reader = new Thread(() -> copy(process.getInputStream(), output));
    reader.start();
    if (!process.waitFor(SCRIPT_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      reader.join(5000);
      throw new AssertionError(
          "timed out: " + String.join(" ", command) + "\n" + output.toString("UTF-8"));
    }
    reader.join(5000);
    return new Result(
        process.exitValue(), new String(output.toByteArray(), StandardCharsets.UTF_8));
  }

  private static void copy(InputStream from, ByteArrayOutputStream to) {
    byte[] buffer = new byte[8192];
    try {
      int n;
      while ((n = from.read(buffer)) >= 0) {
        synchronized (to) {
          to.write(buffer, 0, n);
        }
      }
    } catch (IOException e) {
      // the process ended
    }
  }

  /** Points conf/local_job.cfg at {@code source} and the emulator's bucket, plus extra keys. */
  void configureJob(Path source, OssEmulator oss, String bucket, String... keyValues)
      throws IOException {
    List<String> settings = new ArrayList<String>();
    settings.add(
        "srcPrefix=" + source.toAbsolutePath().toString().replace(File.separatorChar, '/') + "/");
    settings.add("destAccessKey=" + oss.accessKeyId());
    settings.add("destSecretKey=" + oss.secretAccessKey());
    settings.add("destDomain=" + oss.endpoint());
    settings.add("destBucket=" + bucket);
    settings.add("multipartUploadThreshold=1m");
    settings.add("multipartUploadPartSize=256k");
    settings.add("taskObjectCountLimit=10");
    settings.addAll(Arrays.asList(keyValues));
    setKeys(home.resolve("conf").resolve("local_job.cfg"), settings);
  }

  /** Replaces the {@code key=} lines of a configuration file. */
  static void setKeys(Path file, List<String> settings) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    for (String setting : settings) {
      String key = setting.substring(0, setting.indexOf('='));
      boolean found = false;
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).startsWith(key + "=")) {
          lines.set(i, setting);
          found = true;
        }
      }
      assertTrue(found, file + " has no key " + key);
    }
    Files.write(file, lines, StandardCharsets.UTF_8);
  }

  /**
   * The job's state read in this JVM through the facade (as {@code stat} does, without a JVM start
   * per poll), or null when there is no such job.
   */
  JobStatus status(String job) throws Exception {
    for (JobStatus status : facade().stat()) {
      if (status.jobName().equals(job)) {
        return status;
      }
    }
    return null;
  }

  /** The PID of the service running on this package, or -1. */
  long servicePid() throws Exception {
    return facade().servicePid();
  }

  private OssImport facade() throws Exception {
    return OssImport.open(
        null,
        Collections.singletonMap("workingDir", home.toString()),
        Collections.<String, String>emptyMap(),
        ImportListener.NONE);
  }

  /** Waits until the job is in one of {@code states}; fails after {@code seconds}. */
  JobStatus awaitState(String job, long seconds, JobState... states) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000;
    List<JobState> wanted = Arrays.asList(states);
    while (true) {
      JobStatus status = status(job);
      if (status != null && wanted.contains(status.state())) {
        return status;
      }
      assertTrue(
          System.currentTimeMillis() < deadline,
          "job "
              + job
              + " not "
              + wanted
              + " in "
              + seconds
              + " s: "
              + status
              + "\n"
              + log("ossimport2.log"));
      Thread.sleep(200);
    }
  }

  String log(String name) throws IOException {
    Path file = home.resolve("logs").resolve(name);
    return Files.exists(file)
        ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
        : "(no " + file + ")";
  }

  Path jobDir(String job) {
    return home.resolve("master").resolve("jobs").resolve(job);
  }

  /** Task directories of the job under {@code succeed_tasks} or {@code failed_tasks}. */
  List<Path> tasks(String job, String state) throws IOException {
    Path dir = jobDir(job).resolve(state);
    if (!Files.isDirectory(dir)) {
      return new ArrayList<Path>();
    }
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.filter(Files::isDirectory).sorted().collect(Collectors.toList());
    }
  }

  /** The number after {@code key:} in a stat text, e.g. SucceedTasks. */
  static long statValue(String statText, String key) {
    Matcher m = java.util.regex.Pattern.compile("(?m)^" + key + ":(\\d+)$").matcher(statText);
    assertTrue(m.find(), key + " not in:\n" + statText);
    return Long.parseLong(m.group(1));
  }
}
