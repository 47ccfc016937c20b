package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.cli.UnpackedDistribution.Result;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged distribution: the seed's layout, runnable scripts and jar, usage errors. */
class DistributionIT {
  /**
   * The files of the original standalone package (seed document), under ossimport/, and the key
   * reference the conf files point to.
   */
  private static final Set<String> SEED_LAYOUT =
      new TreeSet<String>(
          Arrays.asList(
              "README.md",
              "bin/ossimport2.jar",
              "docs/CONFIGURATION.md",
              "conf/local_job.cfg",
              "conf/sys.properties",
              "console.bat",
              "console.sh",
              "import.bat",
              "import.sh",
              "logs/"));

  @TempDir Path temp;

  private static Set<String> tree(Path home) throws Exception {
    try (Stream<Path> paths = Files.walk(home)) {
      return paths
          .filter(p -> !p.equals(home))
          .filter(p -> Files.isRegularFile(p) || isEmptyDir(p))
          .map(
              p ->
                  home.relativize(p).toString().replace('\\', '/')
                      + (Files.isDirectory(p) ? "/" : ""))
          .collect(Collectors.toCollection(TreeSet::new));
    }
  }

  private static boolean isEmptyDir(Path p) {
    try (Stream<Path> children = Files.list(p)) {
      return !children.findAny().isPresent();
    } catch (Exception e) {
      return false;
    }
  }

  @Test
  void theTarGzUnpacksToTheSeedLayoutWithExecutableScripts() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    assertEquals(SEED_LAYOUT, tree(dist.home));
    for (String script : Arrays.asList("console.sh", "import.sh")) {
      Set<PosixFilePermission> mode = Files.getPosixFilePermissions(dist.home.resolve(script));
      assertEquals("rwxr-xr-x", PosixFilePermissions.toString(mode), script);
    }
  }

  @Test
  void theReferenceTheConfFilesPointToIsInThePackage() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    for (String conf : Arrays.asList("conf/sys.properties", "conf/local_job.cfg")) {
      assertTrue(read(dist.home.resolve(conf)).contains("docs/CONFIGURATION.md"), conf);
    }
    String reference = read(dist.home.resolve("docs/CONFIGURATION.md"));
    assertTrue(reference.contains("#### `srcType`"), "the key reference, not an empty file");
    assertTrue(reference.contains("#### `workerMaxThroughput(KB/s)`"), "sys.properties keys too");
  }

  @Test
  void theZipHoldsTheSameFiles() throws Exception {
    Set<String> names = new TreeSet<String>();
    try (ZipFile zip = new ZipFile(UnpackedDistribution.archive("ossimport.dist.zip").toFile())) {
      Enumeration<? extends ZipEntry> entries = zip.entries();
      while (entries.hasMoreElements()) {
        String name = entries.nextElement().getName();
        assertTrue(name.startsWith("ossimport/"), name);
        if (!name.endsWith("/") || name.equals("ossimport/logs/")) {
          names.add(name.substring("ossimport/".length()));
        }
      }
    }
    assertEquals(SEED_LAYOUT, names);
  }

  @Test
  void shellScriptsHaveUnixAndBatchFilesWindowsLineEndings() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    for (String name : Arrays.asList("console.sh", "import.sh")) {
      assertFalse(read(dist.home.resolve(name)).contains("\r"), name);
    }
    for (String name : Arrays.asList("console.bat", "import.bat")) {
      String text = read(dist.home.resolve(name));
      assertEquals(text.split("\n", -1).length, text.split("\r\n", -1).length, name);
    }
  }

  @Test
  void theJarIsRunnableWithMergedServicesAndNoSignatures() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    Path jar = dist.home.resolve("bin").resolve("ossimport2.jar");
    try (JarFile file = new JarFile(jar.toFile())) {
      Manifest manifest = file.getManifest();
      assertEquals("io.ossimport.cli.Main", manifest.getMainAttributes().getValue("Main-Class"));
      Set<String> signatures =
          file.stream()
              .map(ZipEntry::getName)
              .filter(n -> n.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)"))
              .collect(Collectors.toCollection(TreeSet::new));
      assertEquals(new TreeSet<String>(), signatures);
      assertTrue(file.getEntry("META-INF/services/java.security.Provider") != null);
      assertTrue(file.getEntry("io/ossimport/core/api/OssImport.class") != null);
    }
    Result version =
        UnpackedDistribution.run(dist.home, "", null, "java", "-jar", jar.toString(), "version");
    assertEquals(0, version.exitCode, version.toString());
    assertTrue(
        version.output.matches("ossimport \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\R"), version.output);
  }

  @Test
  void consoleTakesExactlyOneKnownCommand() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    for (String[] args :
        Arrays.asList(
            new String[] {}, new String[] {"stat", "detail"}, new String[] {"frobnicate"})) {
      Result result = dist.bash("", null, "console.sh", args);
      assertEquals(1, result.exitCode, result.toString());
      assertTrue(result.output.startsWith("Usage: bash console.sh <command>"), result.output);
    }
  }

  @Test
  void consoleWorksFromAnyDirectoryAndAcceptsCapitalisedCommands() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    Result version =
        UnpackedDistribution.run(
            temp, "", null, "bash", dist.home.resolve("console.sh").toString(), "Version");
    assertEquals(0, version.exitCode, version.toString());
    assertTrue(version.output.startsWith("ossimport "), version.output);
    Result stat =
        UnpackedDistribution.run(
            temp, "", null, "bash", dist.home.resolve("console.sh").toString(), "stat");
    assertEquals(0, stat.exitCode, stat.toString());
    assertEquals("no jobs is running or finished.\n", stat.output);
    assertTrue(Files.isDirectory(dist.home.resolve("logs")));
  }

  @Test
  void aMissingSysPropertiesExitsTwo() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    Files.delete(dist.home.resolve("conf").resolve("sys.properties"));
    for (String verb : Arrays.asList("start", "submit", "stat")) {
      Result result = dist.console(verb);
      assertEquals(2, result.exitCode, verb + ": " + result);
      assertTrue(result.output.contains("conf/sys.properties not found"), result.output);
    }
    Result importing = dist.bash("", null, "import.sh");
    assertEquals(2, importing.exitCode, importing.toString());
  }

  @Test
  void importRejectsUnknownFlagsAndExplainsItsOwn() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    Result bad = dist.bash("", null, "import.sh", "--retry", "many");
    assertEquals(1, bad.exitCode, bad.toString());
    Result help = dist.bash("", null, "import.sh", "--help");
    assertEquals(0, help.exitCode, help.toString());
    for (String flag :
        Arrays.asList("--resume", "--restart", "--retry N", "--no-retry", "--stop", "--no-stop")) {
      assertTrue(help.output.contains(flag), help.output);
    }
  }

  @Test
  void theScriptsUseTheJobNameOfTheJobFile() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    UnpackedDistribution.setKeys(
        dist.home.resolve("conf/local_job.cfg"), Arrays.asList("jobName=nightly_photos  "));
    Result clean = dist.console("clean");
    assertEquals(6, clean.exitCode, clean.toString());
    assertTrue(clean.output.contains("'nightly_photos'"), clean.output);
  }

  @Test
  void startRunsTheServiceWithTheHeapOfSysProperties() throws Exception {
    UnpackedDistribution dist = UnpackedDistribution.unpack(temp);
    UnpackedDistribution.setKeys(
        dist.home.resolve("conf/sys.properties"), Arrays.asList("javaHeapMaxSize=300m"));
    Result start = dist.console("start");
    try {
      assertEquals(0, start.exitCode, start.toString());
      long pid = dist.servicePid();
      String commandLine =
          new String(
              Files.readAllBytes(Paths.get("/proc/" + pid + "/cmdline")), StandardCharsets.UTF_8);
      assertTrue(
          commandLine.contains("-Xmx300m\0-Xms32m\0-XX:+UseSerialGC\0"),
          commandLine.replace('\0', ' '));
    } finally {
      assertEquals(0, dist.console("stop").exitCode);
    }
  }

  private static String read(Path file) throws Exception {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }
}
