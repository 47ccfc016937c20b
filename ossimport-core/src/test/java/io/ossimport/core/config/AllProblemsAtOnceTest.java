package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllProblemsAtOnceTest {
  @TempDir Path dir;

  @Test
  void fiveMistakesGiveFiveProblemsInFileOrder() throws Exception {
    // The mistakes are spread so that file order differs from the order the rules run in.
    String text =
        "# 任务配置\n"
            + "taskObjectCountLimit=0\n"
            + "destPrefix=/docs/\n"
            + "srcType=local\n"
            + "srcPrefix=data/\n"
            + "destAccessKey=LTAI5tExampleKeyId\n"
            + "destSecretKey=exampleSecretValue\n"
            + "destDomain=http://oss-cn-hangzhou-internal.aliyuncs.com\n"
            + "destBucket=My_Bucket\n"
            + "jobName=ab\n";
    Path file = dir.resolve("local_job.cfg");
    Files.write(file, text.getBytes(StandardCharsets.UTF_8));

    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new JobConfigLoader(Collections.<String, String>emptyMap()).load(file));

    List<ConfigProblem> problems = e.problems();
    assertEquals(5, problems.size(), e.getMessage());
    int[] lines = new int[problems.size()];
    String[] keys = new String[problems.size()];
    for (int i = 0; i < problems.size(); i++) {
      assertEquals(file.toString(), problems.get(i).file());
      lines[i] = problems.get(i).line();
      keys[i] = problems.get(i).key();
    }
    assertEquals(Arrays.toString(new int[] {2, 3, 5, 9, 10}), Arrays.toString(lines));
    assertEquals(
        Arrays.asList("taskObjectCountLimit", "destPrefix", "srcPrefix", "destBucket", "jobName"),
        Arrays.asList(keys));
    assertEquals(
        Arrays.asList("0", "/docs/", "data/", "My_Bucket", "ab"),
        Arrays.asList(
            problems.get(0).value(),
            problems.get(1).value(),
            problems.get(2).value(),
            problems.get(3).value(),
            problems.get(4).value()));
  }

  @Test
  void theExceptionMessageListsEveryProblemOnePerLine() {
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () ->
                Jobs.load(Jobs.with("jobName", "ab", "destPrefix", "/x/", "scanThreadCount", "0")));
    String[] messageLines = e.getMessage().split("\n");
    assertEquals(3, messageLines.length);
    assertEquals(Jobs.lines(e.problems()), Arrays.asList(messageLines));
  }
}
