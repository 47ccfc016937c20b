package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalJobConfigTest {
  private static final String AWKWARD_PREFIX = "a=b#c/ü/日本/back\\slash/\\u0041/  ";
  private static final String AWKWARD_ID = " lead\ttab\nnewline\r\u0000nul\u2028sep \u3000";
  private static final String AWKWARD_SECRET = "=#\\ 🔑 \uD800 x ";

  private static JobConfig awkward() throws ConfigurationException {
    return Jobs.load(
            Jobs.with(
                "destPrefix", AWKWARD_PREFIX,
                "srcAccessKey", AWKWARD_ID,
                "srcSecretKey", AWKWARD_SECRET,
                "destSecretKey", "sec=ret#x\\y ",
                "cdnDomain", "\\n is not a newline",
                "multipartUploadPartSize", "52428800",
                "isServerSideEncryption", "TRUE"))
        .config();
  }

  @Test
  void readingTheCanonicalTextGivesAnEqualConfigWithAwkwardValuesIntact() throws Exception {
    JobConfig original = awkward();
    String text = CanonicalJobConfig.write(original);
    JobConfig back = CanonicalJobConfig.read(text, "master/jobs/local_test/JOB.cfg");

    assertEquals(original, back);
    assertEquals(AWKWARD_PREFIX, back.destPrefix());
    assertEquals(AWKWARD_ID, back.srcAccessKey());
    assertEquals(AWKWARD_SECRET, back.srcSecretKey().reveal());
    assertEquals("sec=ret#x\\y ", back.destSecretKey().reveal());
    assertEquals("\\n is not a newline", back.cdnDomain());
    assertEquals(text, CanonicalJobConfig.write(back));
  }

  @Test
  void theTextIsAHeaderThenOneSortedLinePerKeyIncludingSecrets() throws Exception {
    String text = CanonicalJobConfig.write(Jobs.load(Jobs.valid()).config());
    List<String> lines = new ArrayList<String>(Arrays.asList(text.split("\n")));
    assertEquals(CanonicalJobConfig.HEADER_FORMAT_1, lines.remove(0));
    assertEquals(JobKeys.CATALOGUE.keys().size(), lines.size());
    List<String> sorted = new ArrayList<String>(lines);
    Collections.sort(sorted);
    assertEquals(sorted, lines);
    assertTrue(lines.contains("destSecretKey=exampleSecretValue"));
    assertTrue(text.endsWith("\n"));
  }

  @Test
  void valuesAreWrittenInCanonicalSpelling() throws Exception {
    String text = CanonicalJobConfig.write(awkward());
    assertTrue(text.contains("\nmultipartUploadPartSize=50m\n"), text);
    assertTrue(text.contains("\nisServerSideEncryption=true\n"), text);
    assertTrue(text.contains("\ntaskObjectSizeLimit=1000000000\n"), text);
  }

  @Test
  void everyLineIsOneLineWhateverTheValue() throws Exception {
    String text = CanonicalJobConfig.write(awkward());
    for (String line : text.split("\n")) {
      assertFalse(line.contains("\r") || line.contains("\u2028"), line);
      assertTrue(line.startsWith("#") || line.indexOf('=') > 0, line);
    }
  }

  @Test
  void theDigestIsTheSha256OfTheLinesWithoutSecrets() throws Exception {
    JobConfig config = Jobs.load(Jobs.valid()).config();
    String digest = CanonicalJobConfig.digest(config);
    assertTrue(digest.matches("[0-9a-f]{64}"), digest);
    byte[] expected =
        MessageDigest.getInstance("SHA-256")
            .digest(config.describe().getBytes(StandardCharsets.UTF_8));
    StringBuilder hex = new StringBuilder();
    for (byte b : expected) {
      hex.append(String.format("%02x", b));
    }
    assertEquals(hex.toString(), digest);
    assertFalse(config.describe().contains("SecretKey="));
    assertFalse(config.describe().contains("exampleSecretValue"));
  }

  @Test
  void theDigestIgnoresSecretsButNotOtherValues() throws Exception {
    String digest = CanonicalJobConfig.digest(Jobs.load(Jobs.valid()).config());
    assertEquals(
        digest,
        CanonicalJobConfig.digest(Jobs.load(Jobs.with("destSecretKey", "rotated")).config()));
    assertNotEquals(
        digest, CanonicalJobConfig.digest(Jobs.load(Jobs.with("destBucket", "other")).config()));
    assertEquals(
        digest,
        CanonicalJobConfig.digest(
            Jobs.load(Jobs.with("multipartUploadThreshold", "150M")).config()),
        "the same size spelt differently is the same configuration");
  }

  @Test
  void textWithoutTheHeaderIsRefused() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> CanonicalJobConfig.read("jobName=local_test\n", "frozen.cfg"));
    assertEquals(
        "frozen.cfg:1: is not an ossimport canonical job configuration (format 1 or 2); submit the job"
            + " again from its local_job.cfg",
        e.problems().get(0).toString());
  }

  @Test
  void aDamagedEscapeIsAProblemAtItsLine() throws Exception {
    String text =
        CanonicalJobConfig.write(Jobs.load(Jobs.valid()).config())
            .replace("destPrefix=docs/", "destPrefix=docs\\q/");
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> CanonicalJobConfig.read(text, "f"));
    assertEquals("destPrefix", e.problems().get(0).key());
    assertTrue(e.problems().get(0).line() > 1);
  }

  @Test
  void escapingRoundTripsAnyString() {
    for (String s :
        new String[] {"", " ", "\\", "\\u0041", "a\u0001b", "\uDC00x", "x\uD800", "tab\t", "😀"}) {
      assertEquals(s, CanonicalJobConfig.unescape(CanonicalJobConfig.escape(s)), s);
    }
  }
}
