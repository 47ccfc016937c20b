package io.ossimport.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The README's Maven and Ant examples are the ones the end-to-end tests run: the {@code <plugin>}
 * block appears, line by line, in the invoker project {@code migrate-with-encrypted-server}, and
 * the {@code build.xml} is the file {@link AntBuildIT} runs.
 */
class ReadmeSnippetsTest {
  private static final Path README = Paths.get("..", "README.md");

  @Test
  void theReadmeBuildXmlIsTheOneAntBuildItRuns() throws IOException {
    String snippet = block("<project name=\"migrate\"");
    String tested =
        new String(
            Files.readAllBytes(Paths.get("src/test/resources/ant/build.xml")),
            StandardCharsets.UTF_8);

    assertEquals(tested.trim(), snippet.trim());
  }

  @Test
  void theReadmePluginBlockIsInTheInvokerProject() throws IOException {
    List<String> snippet =
        lines(
            block("<plugin>")
                .replaceAll("<version>[^<]*</version>", "<version>@project.version@</version>"));
    List<String> pom =
        lines(
            new String(
                Files.readAllBytes(Paths.get("src/it/migrate-with-encrypted-server/pom.xml")),
                StandardCharsets.UTF_8));

    int at = 0;
    for (String line : snippet) {
      while (at < pom.size() && !pom.get(at).equals(line)) {
        at++;
      }
      assertTrue(at < pom.size(), "the invoker project's pom.xml lacks, in order: " + line);
      at++;
    }
  }

  /** The fenced block of the README whose first line starts with {@code start}. */
  private static String block(String start) throws IOException {
    List<String> readme = Files.readAllLines(README, StandardCharsets.UTF_8);
    for (int i = 0; i + 1 < readme.size(); i++) {
      if (readme.get(i).startsWith("```") && readme.get(i + 1).startsWith(start)) {
        StringBuilder block = new StringBuilder();
        for (int j = i + 1; j < readme.size() && !readme.get(j).startsWith("```"); j++) {
          block.append(readme.get(j)).append('\n');
        }
        return block.toString();
      }
    }
    throw new AssertionError("README.md has no block starting with " + start);
  }

  private static List<String> lines(String text) {
    List<String> lines = new ArrayList<String>();
    for (String line : text.split("\n")) {
      if (!line.trim().isEmpty()) {
        lines.add(line.trim());
      }
    }
    return lines;
  }
}
