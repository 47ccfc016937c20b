package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ossimport.core.api.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnknownKeysTest {
  @TempDir Path dir;

  @Test
  void aMisspeltKeyIsAWarningNamingTheClosestKey() throws Exception {
    assertEquals(
        Collections.singletonList(
            "conf/local_job.cfg: isSkipExistFiles: unknown key, ignored; did you mean"
                + " isSkipExistFile? (keys are case-sensitive)"),
        Jobs.lines(Jobs.warnings(Jobs.with("isSkipExistFiles", "true"))));
  }

  @Test
  void aMisspeltRequiredKeyExplainsWhyTheKeyIsMissing() throws Exception {
    Path file = dir.resolve("local_job.cfg");
    Files.write(
        file,
        ("srcPrefix=/data/example/\n"
                + "destAccessKey=LTAI5tExampleKeyId\n"
                + "destSecretKey=exampleSecretValue\n"
                + "destDomain=http://oss-cn-hangzhou-internal.aliyuncs.com\n"
                + "destBuckt=mybucket\n")
            .getBytes(StandardCharsets.UTF_8));
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new JobConfigLoader(Collections.<String, String>emptyMap()).load(file));
    assertEquals(
        Collections.singletonList(
            file
                + ":5: destBuckt: unknown key, ignored; did you mean destBucket? (keys are"
                + " case-sensitive)"),
        Jobs.lines(e.warnings()));
    assertEquals(
        Collections.singletonList(
            file
                + ": destBucket: is not set; set destBucket=<bucket name>, the name only,"
                + " e.g. destBucket=mybucket ("
                + file
                + ":5 has 'destBuckt', which is not a key)"),
        Jobs.lines(e.problems()));
  }

  @Test
  void keysAreCaseSensitiveButTheSuggestionIgnoresCase() throws Exception {
    assertEquals(
        Collections.singletonList(
            "conf/local_job.cfg: jobname: unknown key, ignored; did you mean jobName? (keys are"
                + " case-sensitive)"),
        Jobs.lines(Jobs.warnings(Jobs.with("jobname", "local_test"))));
  }

  @Test
  void aKeyFarFromEveryKnownKeyGetsNoGuess() throws Exception {
    assertEquals(
        Collections.singletonList(
            "conf/local_job.cfg: lifecycleRule: unknown key, ignored; remove it; the keys of"
                + " local_job.cfg are listed in docs/CONFIGURATION.md"),
        Jobs.lines(Jobs.warnings(Jobs.with("lifecycleRule", "IA"))));
  }

  @Test
  void aSystemKeyInTheJobFileIsPointedToTheRightFile() throws Exception {
    assertEquals(
        Collections.singletonList(
            "conf/local_job.cfg: workerTaskThreadNum: belongs in sys.properties, not in"
                + " local_job.cfg; move it to sys.properties; it is ignored here"),
        Jobs.lines(Jobs.warnings(Jobs.with("workerTaskThreadNum", "30"))));
  }

  @Test
  void aJobKeyInTheSystemFileIsPointedToTheRightFile() throws Exception {
    assertEquals(
        Collections.singletonList(
            "sys.properties: srcType: belongs in local_job.cfg, not in sys.properties; move it to"
                + " local_job.cfg; it is ignored here"),
        Jobs.lines(
            new SysConfigLoader()
                .load(Collections.singletonMap("srcType", "local"), "sys.properties")
                .warnings()));
  }

  @Test
  void closestKeyUsesEditDistance() {
    assertEquals(1, KeyCatalogue.editDistance("destbuckt", "destbucket"));
    assertEquals(3, KeyCatalogue.editDistance("kitten", "sitting"));
    assertEquals("destBucket", JobKeys.CATALOGUE.closestTo("destBuckt").name());
    assertEquals("destPrefix", JobKeys.CATALOGUE.closestTo("destPrefx").name());
    assertEquals(
        Arrays.asList("workerMaxThroughput(KB/s)", "workerMaxThroughput(KB/s)"),
        Arrays.asList(
            SysKeys.CATALOGUE.closestTo("workerMaxThroughput").name(),
            SysKeys.CATALOGUE.closestTo("slaveMaxThroughput(kb/s)").name()));
    assertNull(JobKeys.CATALOGUE.closestTo("zzz"));
  }
}
