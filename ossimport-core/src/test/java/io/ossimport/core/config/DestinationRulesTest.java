package io.ossimport.core.config;

import static io.ossimport.core.config.Jobs.assertAccepted;
import static io.ossimport.core.config.Jobs.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigurationException;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DestinationRulesTest {

  @Test
  void destPrefixMustNotStartWithASlash() {
    assertProblem(
        "conf/local_job.cfg: destPrefix='/a/b': must not start with '/' or '\\' (OSS answers: the"
            + " object key is invalid); remove the leading slash, e.g. destPrefix=a/b",
        "destPrefix",
        "/a/b");
  }

  @Test
  void destPrefixMustNotStartWithABackslash() {
    assertProblem(
        "conf/local_job.cfg: destPrefix='\\docs/': must not start with '/' or '\\' (OSS answers:"
            + " the object key is invalid); remove the leading slash, e.g. destPrefix=docs/",
        "destPrefix",
        "\\docs/");
  }

  @Test
  void destPrefixMustNotHoldControlCharacters() {
    assertProblem(
        "conf/local_job.cfg: destPrefix='docs\\t/\\n': must not contain control characters such"
            + " as tabs or line breaks; remove them",
        "destPrefix",
        "docs\t/\n");
  }

  @Test
  void destPrefixMustLeaveRoomForAFileNameInAnObjectKey() throws Exception {
    String tooLong = repeat("目", 341) + "/"; // 3 bytes each: 1024 bytes
    List<String> lines = Jobs.lines(Jobs.problems(Jobs.with("destPrefix", tooLong)));
    assertEquals(
        Collections.singletonList(
            "conf/local_job.cfg: destPrefix='"
                + tooLong
                + "': is longer than 1022 bytes (an object key has at most 1023);"
                + " use a shorter prefix"),
        lines);
    assertAccepted("destPrefix", repeat("目", 340) + "/"); // 1021 bytes
  }

  @Test
  void destPrefixWithoutATrailingSlashIsAWarning() throws ConfigurationException {
    assertEquals(
        Collections.singletonList(
            "conf/local_job.cfg: destPrefix='docs': does not end with '/', so it is glued to each"
                + " file name (docsfile.txt); write destPrefix=docs/ to upload into a folder"),
        Jobs.lines(Jobs.warnings(Jobs.with("destPrefix", "docs"))));
  }

  @Test
  void destPrefixWithBackslashesIsAWarning() throws ConfigurationException {
    assertEquals(
        Collections.singletonList(
            "conf/local_job.cfg: destPrefix='docs\\2024\\': contains '\\', which becomes part of"
                + " object names (OSS folders are separated by '/'); write destPrefix=docs/2024/"),
        Jobs.lines(Jobs.warnings(Jobs.with("destPrefix", "docs\\2024\\"))));
  }

  @Test
  void destDomainIsRequired() {
    assertProblem(
        "conf/local_job.cfg: destDomain: is not set; set it to the OSS endpoint of the bucket's"
            + " region, e.g. destDomain=https://oss-cn-hangzhou.aliyuncs.com (the -internal"
            + " endpoint from an ECS instance in the same region)",
        "destDomain",
        null);
  }

  @Test
  void destDomainNeedsAScheme() {
    assertProblem(
        "conf/local_job.cfg: destDomain='oss-cn-hangzhou.aliyuncs.com': must start with http:// or"
            + " https://; write destDomain=https://oss-cn-hangzhou.aliyuncs.com",
        "destDomain",
        "oss-cn-hangzhou.aliyuncs.com");
    assertProblem(
        "conf/local_job.cfg: destDomain='ftp://oss-cn-hangzhou.aliyuncs.com': must start with"
            + " http:// or https://; e.g. destDomain=https://oss-cn-hangzhou.aliyuncs.com",
        "destDomain",
        "ftp://oss-cn-hangzhou.aliyuncs.com");
  }

  @Test
  void destDomainMustNotContainTheBucketName() {
    assertProblem(
        "conf/local_job.cfg: destDomain='http://mybucket.oss-cn-hangzhou.aliyuncs.com': the host"
            + " starts with the bucket name 'mybucket.' (OSS then answers InvalidBucketName);"
            + " write destDomain=http://oss-cn-hangzhou.aliyuncs.com and destBucket=mybucket",
        "destDomain",
        "http://mybucket.oss-cn-hangzhou.aliyuncs.com");
  }

  @Test
  void destDomainWithAnotherBucketsHostIsCaughtToo() {
    assertProblem(
        "conf/local_job.cfg: destDomain='https://other.oss-cn-shanghai.aliyuncs.com': the host"
            + " starts with the bucket name 'other.' (OSS then answers InvalidBucketName);"
            + " write destDomain=https://oss-cn-shanghai.aliyuncs.com and destBucket=other",
        "destDomain",
        "https://other.oss-cn-shanghai.aliyuncs.com");
  }

  @Test
  void destDomainWithoutSchemeAndWithTheBucketGetsBothFixesAtOnce() {
    assertProblem(
        "conf/local_job.cfg: destDomain='mybucket.oss-cn-hangzhou.aliyuncs.com': must start with"
            + " http:// or https://, and the host starts with the bucket name 'mybucket.' (OSS then"
            + " answers InvalidBucketName); write destDomain=https://oss-cn-hangzhou.aliyuncs.com"
            + " and destBucket=mybucket",
        "destDomain",
        "mybucket.oss-cn-hangzhou.aliyuncs.com");
  }

  @Test
  void destDomainMustNotHaveAPath() {
    assertProblem(
        "conf/local_job.cfg: destDomain='http://oss-cn-hangzhou.aliyuncs.com/mybucket': must be"
            + " only http(s)://host[:port], without a path or query;"
            + " write destDomain=http://oss-cn-hangzhou.aliyuncs.com",
        "destDomain",
        "http://oss-cn-hangzhou.aliyuncs.com/mybucket");
  }

  @Test
  void destDomainMustNotCarryCredentialsAndTheirPasswordIsNotShown() {
    assertProblem(
        "conf/local_job.cfg: destDomain='http://admin:****@oss-cn-hangzhou.aliyuncs.com/x': must"
            + " not contain a user name or password, and must be only http(s)://host[:port],"
            + " without a path or query; write destDomain=http://oss-cn-hangzhou.aliyuncs.com",
        "destDomain",
        "http://admin:hunter2@oss-cn-hangzhou.aliyuncs.com/x");
  }

  @Test
  void destDomainMayBeALocalEmulatorWithAPort() throws Exception {
    assertAccepted("destDomain", "http://127.0.0.1:9000");
    assertAccepted("destDomain", "https://oss-cn-hangzhou.aliyuncs.com/");
  }

  @Test
  void destBucketIsRequired() {
    assertProblem(
        "conf/local_job.cfg: destBucket: is not set; set destBucket=<bucket name>, the name only,"
            + " e.g. destBucket=mybucket",
        "destBucket",
        null);
  }

  @Test
  void destBucketIsThreeTo63Characters() throws Exception {
    assertProblem(
        "conf/local_job.cfg: destBucket='ab': must be 3 to 63 characters long (it has 2);"
            + " e.g. destBucket=my-bucket",
        "destBucket",
        "ab");
    String longest = repeat("a", 63);
    assertAccepted("destBucket", longest);
    assertProblem(
        "conf/local_job.cfg: destBucket='"
            + longest
            + "a': must be 3 to 63 characters long (it has 64); e.g. destBucket=my-bucket",
        "destBucket",
        longest + "a");
  }

  @Test
  void destBucketIsLowercase() {
    assertProblem(
        "conf/local_job.cfg: destBucket='MyBucket': must be lowercase; e.g. destBucket=mybucket",
        "destBucket",
        "MyBucket");
  }

  @Test
  void destBucketHasOnlyLettersDigitsAndDashes() {
    assertProblem(
        "conf/local_job.cfg: destBucket='my_bucket': may contain only lowercase letters, digits"
            + " and '-'; e.g. destBucket=my-bucket",
        "destBucket",
        "my_bucket");
  }

  @Test
  void destBucketStartsAndEndsWithALetterOrDigit() {
    assertProblem(
        "conf/local_job.cfg: destBucket='-mybucket': must start and end with a lowercase letter or"
            + " digit; e.g. destBucket=mybucket",
        "destBucket",
        "-mybucket");
  }

  @Test
  void destBucketIsTheNameOnly() {
    assertProblem(
        "conf/local_job.cfg: destBucket='mybucket/backup': is a bucket name only, without '/' or a"
            + " path; write destBucket=mybucket and put the path in destPrefix,"
            + " e.g. destPrefix=backup/",
        "destBucket",
        "mybucket/backup");
    assertProblem(
        "conf/local_job.cfg: destBucket='mybucket/': is a bucket name only, without '/' or a path;"
            + " write destBucket=mybucket",
        "destBucket",
        "mybucket/");
  }

  @Test
  void emptyCredentialsComeFromTheEnvironment() throws Exception {
    Map<String, String> env = new HashMap<String, String>();
    env.put("OSS_ACCESS_KEY_ID", "LTAI5tFromEnvironment");
    env.put("OSS_ACCESS_KEY_SECRET", "secretFromEnvironment");
    JobConfig config =
        new JobConfigLoader(env)
            .load(Jobs.with("destAccessKey", "", "destSecretKey", null), Jobs.FILE)
            .config();
    assertEquals("LTAI5tFromEnvironment", config.destAccessKey());
    assertEquals("secretFromEnvironment", config.destSecretKey().reveal());
  }

  @Test
  void credentialsInTheFileWinOverTheEnvironment() throws Exception {
    Map<String, String> env = Collections.singletonMap("OSS_ACCESS_KEY_ID", "LTAI5tFromEnv");
    JobConfig config = new JobConfigLoader(env).load(Jobs.valid(), Jobs.FILE).config();
    assertEquals("LTAI5tExampleKeyId", config.destAccessKey());
  }

  @Test
  void missingCredentialsNameBothTheKeyAndTheVariable() {
    Map<String, String> blankEnv = Collections.singletonMap("OSS_ACCESS_KEY_ID", "  ");
    try {
      new JobConfigLoader(blankEnv)
          .load(Jobs.with("destAccessKey", "", "destSecretKey", ""), Jobs.FILE);
    } catch (ConfigurationException e) {
      assertEquals(
          Arrays.asList(
              "conf/local_job.cfg: destAccessKey: is not set, and neither is the environment"
                  + " variable OSS_ACCESS_KEY_ID; set destAccessKey=<AccessKey id> or export"
                  + " OSS_ACCESS_KEY_ID",
              "conf/local_job.cfg: destSecretKey: is not set, and neither is the environment"
                  + " variable OSS_ACCESS_KEY_SECRET; set destSecretKey=<AccessKey secret> or"
                  + " export OSS_ACCESS_KEY_SECRET"),
          Jobs.lines(e.problems()));
      return;
    }
    assertTrue(false, "loading without credentials must fail");
  }

  static String repeat(String s, int times) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < times; i++) {
      out.append(s);
    }
    return out.toString();
  }
}
