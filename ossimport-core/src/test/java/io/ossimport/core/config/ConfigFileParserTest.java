package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigurationException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigFileParserTest {
  private static final String VALID_LINES =
      "srcPrefix=/data/example/\n"
          + "destAccessKey=LTAI5tExampleKeyId\n"
          + "destSecretKey=exampleSecretValue\n"
          + "destDomain=http://oss-cn-hangzhou-internal.aliyuncs.com\n"
          + "destBucket=mybucket\n";

  @TempDir Path dir;

  private Path write(String text) throws IOException {
    return write(text.getBytes(StandardCharsets.UTF_8));
  }

  private Path write(byte[] bytes) throws IOException {
    Path file = dir.resolve("local_job.cfg");
    Files.write(file, bytes);
    return file;
  }

  private static LoadedConfig<JobConfig> load(Path file) throws ConfigurationException {
    return new JobConfigLoader(Collections.<String, String>emptyMap()).load(file);
  }

  private static ConfigurationException failure(Path file) {
    return assertThrows(ConfigurationException.class, () -> load(file));
  }

  @Test
  void valuesAreTrimmedOfTrailingAndLeadingBlanks() throws Exception {
    JobConfig config =
        load(write(VALID_LINES + "isAuditAfterImport=false \nauditMode = simple  \t\n")).config();
    assertEquals(false, config.isAuditAfterImport());
    assertEquals(AuditMode.SIMPLE, config.auditMode());
  }

  @Test
  void aFullWidthSpaceAfterAValueIsTrimmedToo() throws Exception {
    assertEquals(
        "docs/", load(write(VALID_LINES + "destPrefix=docs/\u3000\n")).config().destPrefix());
  }

  @Test
  void backslashesAreLiteralAndNeverContinueALine() throws Exception {
    JobConfig config =
        load(write(VALID_LINES.replace("srcPrefix=/data/example/", "srcPrefix=C:\\data\\")))
            .config();
    assertEquals("C:\\data\\", config.srcPrefix());
    assertEquals("LTAI5tExampleKeyId", config.destAccessKey());
  }

  @Test
  void aHashInsideAValueIsPartOfIt() throws Exception {
    JobConfig config =
        load(write(VALID_LINES.replace("exampleSecretValue", "ab#cd=ef:gh"))).config();
    assertEquals("ab#cd=ef:gh", config.destSecretKey().reveal());
  }

  @Test
  void commentsAndBlankLinesAreSkipped() throws Exception {
    LoadedConfig<JobConfig> loaded =
        load(write("# 注释\n   # indented comment\n\n\t\n" + VALID_LINES + "#jobName=other\n"));
    assertEquals("local_test", loaded.config().jobName());
    assertTrue(loaded.warnings().isEmpty());
  }

  @Test
  void aLineWithoutEqualsIsAProblemAtItsLine() throws Exception {
    Path file = write(VALID_LINES.replace("destBucket=mybucket", "destBucket mybucket"));
    assertEquals(
        Arrays.asList(
            file
                + ":5: this line has no '=' (keys and values are written key=value); write it as"
                + " <key>=<value>, or start it with '#' to make it a comment",
            file
                + ": destBucket: is not set; set destBucket=<bucket name>, the name only,"
                + " e.g. destBucket=mybucket"),
        Jobs.lines(failure(file).problems()));
  }

  @Test
  void lineNumbersCountCrLfAndCrLineEnds() throws Exception {
    String text = "# one\n# two\ndestPrefix=/bad\n" + VALID_LINES;
    for (String lineEnd : new String[] {"\r\n", "\r"}) {
      Path file = write(text.replace("\n", lineEnd));
      assertEquals(3, failure(file).problems().get(0).line(), "line end " + lineEnd.length());
    }
  }

  @Test
  void aByteOrderMarkIsSkipped() throws Exception {
    byte[] body = ("srcType=local\n" + VALID_LINES).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    bytes.write(body);
    assertTrue(load(write(bytes.toByteArray())).warnings().isEmpty());
  }

  @Test
  void aGbkCommentIsIgnoredButAGbkValueIsAProblem() throws Exception {
    Charset gbk = Charset.forName("GBK");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.write("#".getBytes(StandardCharsets.UTF_8));
    bytes.write("同步源端设置".getBytes(gbk));
    bytes.write(("\n" + VALID_LINES + "destPrefix=").getBytes(StandardCharsets.UTF_8));
    bytes.write("文档/".getBytes(gbk));
    bytes.write('\n');
    Path file = write(bytes.toByteArray());
    assertEquals(
        Collections.singletonList(
            file
                + ":7: destPrefix: this line is not valid UTF-8 text; save the file in UTF-8 (not"
                + " GBK or another local encoding)"),
        Jobs.lines(failure(file).problems()));
  }

  @Test
  void aKeySetTwiceKeepsTheLastValueWithAWarning() throws Exception {
    Path file = write(VALID_LINES + "destPrefix=docs/\ndestPrefix=backup/\n");
    LoadedConfig<JobConfig> loaded = load(file);
    assertEquals("backup/", loaded.config().destPrefix());
    assertEquals(
        Collections.singletonList(
            file
                + ":7: destPrefix: set a second time; this value replaces the one at "
                + file
                + ":6; keep only one destPrefix line"),
        Jobs.lines(loaded.warnings()));
  }

  @Test
  void anEmptyValueTakesTheDefault() throws Exception {
    JobConfig config = load(write(VALID_LINES + "taskObjectCountLimit=\njobName=\n")).config();
    assertEquals(10000, config.taskObjectCountLimit());
    assertEquals("local_test", config.jobName());
  }

  @Test
  void aMissingFileIsOneProblem() {
    Path file = dir.resolve("conf/local_job.cfg");
    assertEquals(
        Collections.singletonList(
            file + ": the file does not exist; create it or give the right path"),
        Jobs.lines(failure(file).problems()));
  }

  @Test
  void aDirectoryIsNotAConfigFile() {
    assertEquals(
        Collections.singletonList(dir + ": this is a directory, not a file; give the file's path"),
        Jobs.lines(failure(dir).problems()));
  }

  @Test
  void inlineKeysOverrideTheFileAndAreNamedByTheirLabel() throws Exception {
    Path file = write(VALID_LINES + "destPrefix=docs/\n");
    JobConfigLoader loader = new JobConfigLoader(Collections.<String, String>emptyMap());
    Map<String, String> overrides = Collections.singletonMap("destBucket", "other-bucket");
    assertEquals(
        "other-bucket",
        loader.load(file, overrides, "pom.xml <configuration>").config().destBucket());
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                loader.load(
                    file,
                    Collections.singletonMap("destPrefix", "/x/"),
                    "pom.xml <configuration>"));
    assertEquals(
        Collections.singletonList(
            "pom.xml <configuration>: destPrefix='/x/': must not start with '/' or '\\' (OSS"
                + " answers: the object key is invalid); remove the leading slash,"
                + " e.g. destPrefix=x/"),
        Jobs.lines(e.problems()));
  }
}
