package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.cli.UnpackedDistribution.Result;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * console.bat and import.bat of the distribution, run by a real cmd: Wine's (Debian's wine64).
 *
 * <p>Wine starts the Linux java without waiting for it or passing its exit code back, and no
 * Windows JDK can be had, so {@code java.exe} is a stand-in (src/test/windows/java-stand-in.c,
 * built here with mingw-w64): it records its working directory and arguments, exits with the code a
 * test chooses per verb and, for {@code start}, plays the service. What is tested is therefore the
 * scripts' own logic (arguments, exit codes, waiting for the start, JAVA_HOME, paths), not the jar,
 * which ConsoleScriptIT and ImportScriptIT run through the .sh scripts.
 *
 * <p>Skipped when wine64 or mingw-w64 is missing, except under CI, where .ci/run installs both.
 * Wine 8's cmd prints {@code echo(text} as {@code (text} (Windows prints {@code text}), so
 * import.bat's messages are looked for, not compared.
 */
class WindowsScriptIT {
  @TempDir static Path shared;
  private static String wine;
  private static Path prefix;
  private static Path javaHome;

  @TempDir Path temp;
  private UnpackedDistribution dist;
  private Path record;
  private Path stop;

  @BeforeAll
  static void prepareWine() throws Exception {
    wine = firstExisting("wine64", "/usr/lib/wine/wine64", "wine");
    String gcc = firstExisting("x86_64-w64-mingw32-gcc");
    String missing =
        (wine == null ? " wine64 (apt-get install wine64)" : "")
            + (gcc == null ? " mingw-w64 (apt-get install gcc-mingw-w64-x86-64-win32)" : "");
    if (!missing.isEmpty()) {
      assertTrue(System.getenv("CI") == null, "CI must install" + missing + " (see .ci/run)");
      Assumptions.assumeTrue(false, "no Windows shell here: missing" + missing);
    }
    javaHome = Files.createDirectories(shared.resolve("jdk 8 (x64)").resolve("bin")).getParent();
    Result build =
        UnpackedDistribution.run(
            shared,
            "",
            null,
            gcc,
            "-O",
            "-o",
            javaHome.resolve("bin").resolve("java.exe").toString(),
            Paths.get("src", "test", "windows", "java-stand-in.c").toAbsolutePath().toString());
    assertEquals(0, build.exitCode, build.output);
    prefix = shared.resolve("wineprefix");
    Result boot = UnpackedDistribution.run(shared, "", wineEnv(), wine, "cmd", "/c", "echo", "up");
    assertEquals(0, boot.exitCode, boot.output);
  }

  @AfterAll
  static void stopWine() throws Exception {
    if (prefix != null) {
      String server = wine.replaceAll("wine(64)?$", "wineserver");
      if (!new File(server).isFile()) {
        server = firstExisting("wineserver", "/usr/lib/wine/wineserver64");
      }
      if (server != null) {
        UnpackedDistribution.run(shared, "", wineEnv(), server, "-k");
      }
    }
  }

  @BeforeEach
  void unpack() throws Exception {
    dist = UnpackedDistribution.unpack(Files.createDirectory(temp.resolve("my tools")));
    record = temp.resolve("java-calls.log");
    stop = temp.resolve("stop-service");
  }

  /** Ends the stand-in service of a test and waits until its window has gone. */
  @AfterEach
  void stopService() throws Exception {
    Files.write(stop, new byte[0]);
    Path rc = dist.home.resolve("logs").resolve("service.rc");
    if (Files.exists(dist.home.resolve("logs").resolve("service.err"))) {
      for (int i = 0; i < 100 && !Files.exists(rc); i++) {
        Thread.sleep(100);
      }
    }
  }

  @Test
  void aFailedStartExitsWithTheServiceCodeAndSaysWhy() throws Exception {
    Result start = cmd(env("STANDIN_EXIT_START", "4"), "console.bat", "start");

    assertEquals(4, start.exitCode, start.toString());
    assertEquals("Error: stand-in start failed with exit code 4.\n", start.output);
    assertEquals("4", read(dist.home.resolve("logs").resolve("service.rc")).trim());
  }

  @Test
  void startWaitsUntilTheServiceRunsWithTheHeapOfSysProperties() throws Exception {
    UnpackedDistribution.setKeys(
        dist.home.resolve("conf").resolve("sys.properties"), Arrays.asList("javaHeapMaxSize=700m"));
    Files.createDirectories(dist.home.resolve("logs"));
    Files.write(
        dist.home.resolve("logs").resolve("ossimport2.log"),
        "[earlier] [INFO] Import service started (pid 1, working directory X).\n"
            .getBytes(StandardCharsets.UTF_8));

    Result start = cmd(env("STANDIN_START_DELAY_MS", "2500"), "console.bat", "start");

    assertEquals(0, start.exitCode, start.toString());
    assertEquals("Start import service completed.\n", start.output);
    String log = read(dist.home.resolve("logs").resolve("ossimport2.log"));
    assertTrue(log.contains("[stand-in] [INFO] Import service started (pid "), log);
    assertFalse(Files.exists(dist.home.resolve("logs").resolve("service.rc")), "still running");
    assertEquals(
        winPath(dist.home)
            + " [-Xmx700m] [-Xms32m] [-XX:+UseSerialGC] [-jar] [bin\\ossimport2.jar] [-c]"
            + " [conf\\sys.properties] [start] [--log-file] [logs\\ossimport2.log]",
        calls().get(0));
  }

  @Test
  void aServiceThatDoesNotReportInTimeIsLeftStarting() throws Exception {
    Map<String, String> env = env("STANDIN_START_SILENT", "1");
    env.put("OSSIMPORT_START_TIMEOUT", "2");

    Result start = cmd(env, "console.bat", "start");

    assertEquals(0, start.exitCode, start.toString());
    assertEquals("The import service is still starting; see logs\\ossimport2.log.\n", start.output);
  }

  @Test
  void submitDryRunReachesTheJarAndLeavesTheSubmitLogAlone() throws Exception {
    Result dryRun = cmd(env("STANDIN_EXIT_SUBMIT", "2"), "console.bat", "submit", "--dry-run");

    assertEquals(2, dryRun.exitCode, "the jar's code passes through: " + dryRun);
    assertTrue(dryRun.output.startsWith("stand-in submit"), dryRun.output);
    assertTrue(
        calls().get(0).endsWith("[submit] [--dry-run] [conf\\local_job.cfg]"), calls().get(0));
    assertFalse(
        Files.exists(dist.home.resolve("logs").resolve("submit.log")),
        "a dry run submits nothing, so it does not replace the last submit's log");
  }

  @Test
  void theJarsExitCodeAndOutputPassThrough() throws Exception {
    Result submit = cmd(env("STANDIN_EXIT_SUBMIT", "6"), "console.bat", "submit", "--offline");

    assertEquals(6, submit.exitCode, submit.toString());
    assertEquals(
        "stand-in submit\nError: stand-in submit failed with exit code 6.\n", submit.output);
    assertEquals(submit.output, read(dist.home.resolve("logs").resolve("submit.log")));
    assertTrue(
        calls().get(0).endsWith("[submit] [--offline] [conf\\local_job.cfg]"), calls().get(0));

    Result clean = cmd(env("STANDIN_EXIT_CLEAN", "4"), "console.bat", "clean");
    assertEquals(4, clean.exitCode, clean.toString());
    assertFalse(clean.output.contains("completed"), clean.output);

    Result usage = cmd(env(), "console.bat", "frobnicate");
    assertEquals(1, usage.exitCode, usage.toString());
    assertTrue(usage.output.startsWith("Usage: console.bat <command>\n"), usage.output);
  }

  @Test
  void javaHomeMayBeQuotedAndEndInABackslash() throws Exception {
    Map<String, String> env = env();
    env.put("JAVA_HOME", "\"" + winPath(javaHome) + "\\\"");

    Result version = cmd(env, "console.bat", "version");

    assertEquals(0, version.exitCode, version.toString());
    assertEquals("stand-in version\n", version.output);
  }

  @Test
  void withoutJavaInJavaHomeJavaOnThePathRuns() throws Exception {
    Map<String, String> env = env();
    env.put("JAVA_HOME", winPath(temp));
    env.put("WINEPATH", winPath(javaHome.resolve("bin")));

    Result version = cmd(env, "console.bat", "version");

    assertEquals(0, version.exitCode, version.toString());
    assertEquals(
        "Warning: JAVA_HOME="
            + winPath(temp)
            + " holds no Java; using java on the PATH.\nstand-in version\n",
        version.output);
  }

  @Test
  void withoutAnyJavaBothScriptsSaySoAndExitWithTwo() throws Exception {
    Map<String, String> env = env();
    env.remove("JAVA_HOME");
    String error =
        "Error: no Java found; set JAVA_HOME to a Java 8 or newer, or put its bin on the PATH.\n";

    Result console = cmd(env, "console.bat", "version");
    assertEquals(2, console.exitCode, console.toString());
    assertEquals(error, console.output);

    Result imported = cmd(env, "import.bat", "--offline");
    assertEquals(2, imported.exitCode, imported.toString());
    assertEquals(error, imported.output);
  }

  /** A package unpacked at the root of a drive (here R: mapped to it) runs there. */
  @Test
  void aPackageAtADriveRootRuns() throws Exception {
    Path drive = prefix.resolve("dosdevices").resolve("r:");
    Files.deleteIfExists(drive);
    Files.createSymbolicLink(drive, dist.home);
    try {
      Result version = wineCmd(env(), "R:\\console.bat", "version");
      assertEquals(0, version.exitCode, version.toString());
      Result start = wineCmd(env(), "R:\\console.bat", "start");
      assertEquals(0, start.exitCode, start.toString());
      assertEquals("Start import service completed.\n", start.output);
    } finally {
      Files.write(stop, new byte[0]);
      Thread.sleep(1500);
      Files.delete(drive);
    }
    assertTrue(calls().get(0).startsWith("R:\\ [-jar]"), calls().get(0));
    assertTrue(calls().get(1).startsWith("R:\\ [-Xmx1024m]"), calls().get(1));
  }

  /**
   * import.bat hands the whole one-key sequence to one JVM (the jar's {@code import} command, which
   * submits, starts the service through console.bat, follows, retries and stops; ImportScriptIT
   * runs it for real): what the script owns is the mapping of its flags and the exit code.
   */
  @Test
  void importRunsOneJvmWithItsFlagsAndPassesItsCodeBack() throws Exception {
    Result run =
        cmd(
            env("STANDIN_EXIT_IMPORT", "3"),
            "import.bat",
            "--resume",
            "--retry",
            "2",
            "--no-stop",
            "--offline");

    assertEquals(3, run.exitCode, run.toString());
    assertTrue(run.output.contains("Error: stand-in import failed with exit code 3."), run.output);
    List<String> calls = calls();
    assertEquals(1, calls.size(), calls.toString());
    assertTrue(
        calls
            .get(0)
            .endsWith(
                "[-jar] [bin\\ossimport2.jar] [-c] [conf\\sys.properties] [import] [--job]"
                    + " [local_test] [--console] [console.bat] [--interval] [10] [--resume]"
                    + " [--retry] [2] [--no-stop] [--offline] [conf\\local_job.cfg]"),
        calls.get(0));
  }

  @Test
  void importRefusesARetryCountThatIsNotANumber() throws Exception {
    Result run = cmd(env(), "import.bat", "--retry", "2x");

    assertEquals(1, run.exitCode, run.toString());
    assertTrue(run.output.startsWith("Usage: import.bat "), run.output);
    assertEquals(0, calls().size());
  }

  private Map<String, String> env(String... keyValues) {
    Map<String, String> env = wineEnv();
    env.put("JAVA_HOME", winPath(javaHome));
    env.put("STANDIN_RECORD", winPath(record));
    env.put("STANDIN_STOP", winPath(stop));
    for (int i = 0; i < keyValues.length; i += 2) {
      env.put(keyValues[i], keyValues[i + 1]);
    }
    return env;
  }

  private static Map<String, String> wineEnv() {
    Map<String, String> env = new HashMap<String, String>(System.getenv());
    env.put("WINEPREFIX", prefix.toString());
    env.put("WINEDEBUG", "-all");
    // no Mono or Gecko installer when the prefix is made; no window system
    env.put("WINEDLLOVERRIDES", "mscoree,mshtml=");
    env.remove("DISPLAY");
    env.remove("WINEPATH");
    return env;
  }

  /** {@code cmd /c <script in the package> args...}, the way a user types it. */
  private Result cmd(Map<String, String> env, String script, String... args) throws Exception {
    return wineCmd(env, winPath(dist.home.resolve(script)), args);
  }

  private Result wineCmd(Map<String, String> env, String script, String... args) throws Exception {
    String[] command = new String[4 + args.length];
    command[0] = wine;
    command[1] = "cmd";
    command[2] = "/c";
    command[3] = script;
    System.arraycopy(args, 0, command, 4, args.length);
    Result result = UnpackedDistribution.run(temp, "", env, command);
    return new Result(result.exitCode, result.output.replace("\r\n", "\n"));
  }

  private List<String> calls() throws IOException {
    return Files.exists(record)
        ? Files.readAllLines(record, StandardCharsets.UTF_8)
        : Arrays.<String>asList();
  }

  private static String winPath(Path path) {
    return "Z:" + path.toAbsolutePath().toString().replace('/', '\\');
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8).replace("\r\n", "\n");
  }

  /** The first of these programs (a name on the PATH or an absolute path) that exists, or null. */
  private static String firstExisting(String... programs) {
    for (String program : programs) {
      if (program.startsWith("/")) {
        if (new File(program).canExecute()) {
          return program;
        }
        continue;
      }
      for (String dir : System.getenv("PATH").split(File.pathSeparator)) {
        if (new File(dir, program).canExecute()) {
          return new File(dir, program).getPath();
        }
      }
    }
    return null;
  }
}
