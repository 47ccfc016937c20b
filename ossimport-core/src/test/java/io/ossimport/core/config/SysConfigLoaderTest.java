package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigurationException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SysConfigLoaderTest {
  @TempDir Path dir;

  private Path write(String text) throws IOException {
    Path file = dir.resolve("sys.properties");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));
    return file;
  }

  private static LoadedConfig<SysConfig> load(Path file) throws ConfigurationException {
    return new SysConfigLoader().load(file);
  }

  private static String onlyProblem(Path file) {
    ConfigurationException e = assertThrows(ConfigurationException.class, () -> load(file));
    assertEquals(1, e.problems().size(), e.getMessage());
    return e.problems().get(0).toString();
  }

  @Test
  void theThroughputKeyIsReadLiterallyWithItsParentheses() throws Exception {
    SysConfig config = load(write("workerMaxThroughput(KB/s)=2048\n")).config();
    assertEquals(2048, config.workerMaxThroughputKbPerSecond());
  }

  @Test
  void throughputZeroMeansUnlimitedAndNegativeIsRefused() throws Exception {
    assertEquals(
        0, load(write("workerMaxThroughput(KB/s)=0\n")).config().workerMaxThroughputKbPerSecond());
    Path file = write("workerMaxThroughput(KB/s)=-5\n");
    assertEquals(
        file
            + ":1: workerMaxThroughput(KB/s)='-5': must be at least 0;"
            + " e.g. workerMaxThroughput(KB/s)=0",
        onlyProblem(file));
  }

  @Test
  void legacySlaveNamesAreAcceptedWithADeprecationWarningNamingTheNewKey() throws Exception {
    Path file =
        write(
            "slaveUserName=root\n"
                + "slavePassword=legacy-password\n"
                + "slaveTaskThreadNum=30\n"
                + "slaveMaxThroughput(KB/s)=1000\n"
                + "slaveAbortWhenUncatchedException=true\n");
    LoadedConfig<SysConfig> loaded = load(file);
    SysConfig config = loaded.config();
    assertEquals("root", config.workerUserName());
    assertEquals("legacy-password", config.workerPassword().reveal());
    assertEquals(30, config.workerTaskThreadNum());
    assertEquals(1000, config.workerMaxThroughputKbPerSecond());
    assertEquals(true, config.workerAbortWhenUncatchedException());
    assertEquals(
        Arrays.asList(
            file
                + ":1: slaveUserName: deprecated name (ossimport before 2.2.0); rename it to"
                + " workerUserName",
            file
                + ":2: slavePassword: deprecated name (ossimport before 2.2.0); rename it to"
                + " workerPassword",
            file
                + ":3: slaveTaskThreadNum: deprecated name (ossimport before 2.2.0); rename it to"
                + " workerTaskThreadNum",
            file
                + ":4: slaveMaxThroughput(KB/s): deprecated name (ossimport before 2.2.0);"
                + " rename it to workerMaxThroughput(KB/s)",
            file
                + ":5: slaveAbortWhenUncatchedException: deprecated name (ossimport before"
                + " 2.2.0); rename it to workerAbortWhenUncatchedException"),
        Jobs.lines(loaded.warnings()));
  }

  @Test
  void theNewNameWinsOverItsAliasInTheSameFile() throws Exception {
    Path file = write("workerTaskThreadNum=60\nslaveTaskThreadNum=30\n");
    LoadedConfig<SysConfig> loaded = load(file);
    assertEquals(60, loaded.config().workerTaskThreadNum());
    assertEquals(
        Arrays.asList(
            file
                + ":2: slaveTaskThreadNum: deprecated name (ossimport before 2.2.0); rename it to"
                + " workerTaskThreadNum",
            file
                + ":2: slaveTaskThreadNum: ignored, because workerTaskThreadNum is also set ("
                + file
                + ":1); delete this line"),
        Jobs.lines(loaded.warnings()));
    assertEquals(
        60,
        load(write("slaveTaskThreadNum=30\nworkerTaskThreadNum=60\n"))
            .config()
            .workerTaskThreadNum());
  }

  @Test
  void javaHeapMaxSizeIsKeptAsWrittenForXmx() throws Exception {
    assertEquals("4G", load(write("javaHeapMaxSize=4G\n")).config().javaHeapMaxSize());
    Path file = write("javaHeapMaxSize=2 GB\n");
    assertEquals(
        file
            + ":1: javaHeapMaxSize='2 GB': must be a JVM heap size: digits with an optional k, m"
            + " or g; e.g. javaHeapMaxSize=1024m or javaHeapMaxSize=4g",
        onlyProblem(file));
  }

  @Test
  void javaHeapMaxSizeLeavesRoomAboveTheScriptsInitialHeap() throws Exception {
    assertEquals("64m", load(write("javaHeapMaxSize=64m\n")).config().javaHeapMaxSize());
    assertEquals("65536k", load(write("javaHeapMaxSize=65536k\n")).config().javaHeapMaxSize());
    Path file = write("javaHeapMaxSize=16m\n");
    assertEquals(
        file
            + ":1: javaHeapMaxSize='16m': must be at least 64m (the service starts with a 32m"
            + " heap); e.g. javaHeapMaxSize=1024m",
        onlyProblem(file));
    assertTrue(onlyProblem(write("javaHeapMaxSize=67108863\n")).contains("at least 64m"));
  }

  @Test
  void workerTaskThreadNumIsAtLeastOne() throws Exception {
    Path file = write("workerTaskThreadNum=0\n");
    assertEquals(
        file + ":1: workerTaskThreadNum='0': must be at least 1; e.g. workerTaskThreadNum=1",
        onlyProblem(file));
  }

  @Test
  void manyWorkerThreadsAreAWarning() throws Exception {
    Path file = write("workerTaskThreadNum=400\n");
    assertEquals(
        Collections.singletonList(
            file
                + ":1: workerTaskThreadNum='400': more than 150 threads rarely help and use more"
                + " memory (RequestTimeTooSkewed or timeouts follow on a busy host); 60 is the"
                + " usual value; up to 150 on physical hosts"),
        Jobs.lines(load(file).warnings()));
  }

  @Test
  void dispatcherThreadNumIsAtLeastOne() throws Exception {
    Path file = write("dispatcherThreadNum=0\n");
    assertEquals(
        file + ":1: dispatcherThreadNum='0': must be at least 1; e.g. dispatcherThreadNum=1",
        onlyProblem(file));
  }

  @Test
  void sshPortIsAPortNumber() throws Exception {
    Path file = write("sshPort=70000\n");
    assertEquals(
        file + ":1: sshPort='70000': must be between 1 and 65535; e.g. sshPort=65535",
        onlyProblem(file));
  }

  @Test
  void workerBooleansAreTrueOrFalse() throws Exception {
    Path file = write("workerRecordMd5=1\n");
    assertEquals(
        file
            + ":1: workerRecordMd5='1': must be true or false;"
            + " write workerRecordMd5=true or workerRecordMd5=false",
        onlyProblem(file));
  }

  @Test
  void workingDirResolvesAgainstThePackageDirectory() throws Exception {
    Path base = Paths.get("/opt/ossimport");
    assertEquals(base, load(write("workingDir=.\n")).config().workingDir(base));
    assertEquals(
        Paths.get("/srv/import"),
        load(write("workingDir=/srv/import\n")).config().workingDir(base));
  }

  @Test
  void inlineKeysOverrideTheFile() throws Exception {
    SysConfig config =
        new SysConfigLoader()
            .load(
                write("workerTaskThreadNum=60\n"),
                Collections.singletonMap("workerTaskThreadNum", "8"),
                "-D options")
            .config();
    assertEquals(8, config.workerTaskThreadNum());
    assertTrue(config.describe().contains("workerTaskThreadNum=8\n"));
  }
}
