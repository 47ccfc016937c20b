package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The structure of the Windows scripts, compared with the Linux scripts, which the integration
 * tests run on the jar: the same verbs and flags, the same messages and prompts, the same exit
 * codes, the heap setting read from sys.properties, and no jump to a missing label. WindowsScriptIT
 * runs the Windows scripts themselves, where Wine is installed.
 */
class ScriptParityTest {
  private static final Path DIST = Paths.get("src", "dist");

  /** Messages only one OS prints, normalised as {@link #normalise} does. */
  private static final Set<String> LINUX_ONLY =
      new TreeSet<String>(Arrays.asList("==== import {COMMAND} ===="));

  private static final Set<String> WINDOWS_ONLY =
      new TreeSet<String>(Arrays.asList("==== import {date} {time} ===="));

  private static List<String> lines(String name) throws IOException {
    return Files.readAllLines(DIST.resolve(name), StandardCharsets.UTF_8);
  }

  @Test
  void consoleScriptsHandleTheSameVerbs() throws IOException {
    Set<String> sh = shellCaseWords(lines("console.sh"), "submit");
    Set<String> bat = batchForWords(lines("console.bat"));
    assertEquals(
        new TreeSet<String>(
            Arrays.asList("submit", "start", "stop", "clean", "stat", "retry", "diff", "version")),
        sh);
    assertEquals(sh, bat);
  }

  @Test
  void everyBatchVerbHasItsLabel() throws IOException {
    Set<String> labels = batchLabels(lines("console.bat"));
    for (String verb : batchForWords(lines("console.bat"))) {
      assertTrue(labels.contains("verb_" + verb), "console.bat lacks :verb_" + verb);
    }
  }

  @Test
  void importScriptsTakeTheSameFlags() throws IOException {
    Set<String> sh = new TreeSet<String>();
    Matcher m;
    for (String line : lines("import.sh")) {
      m = Pattern.compile("^\\s*(-h \\| )?(--[a-z-]+)\\)").matcher(line);
      if (m.find()) {
        sh.add(m.group(2));
      }
    }
    Set<String> bat = new TreeSet<String>();
    for (String line : lines("import.bat")) {
      m = Pattern.compile("^if /i \"%~1\"==\"(--[a-z-]+)\"").matcher(line);
      if (m.find()) {
        bat.add(m.group(1));
      }
    }
    assertEquals(
        new TreeSet<String>(
            Arrays.asList(
                "--resume",
                "--restart",
                "--retry",
                "--no-retry",
                "--stop",
                "--no-stop",
                "--offline",
                "--help")),
        sh);
    assertEquals(sh, bat);
  }

  @Test
  void consoleScriptsPrintTheSameMessages() throws IOException {
    assertSameMessages("console.sh", "console.bat");
  }

  /** import.sh prints through the functions of console.sh; import.bat calls console.bat. */
  @Test
  void importScriptsPrintTheSameMessagesAndPrompts() throws IOException {
    assertSameMessages("import.sh", "import.bat");
  }

  @Test
  void scriptsExitWithTheSameCodes() throws IOException {
    assertEquals(shellExitCodes(lines("console.sh")), batchExitCodes(lines("console.bat")));
    Set<Integer> sh = shellExitCodes(lines("import.sh"));
    sh.addAll(shellExitCodes(lines("console.sh"))); // import.sh exits through ossimport_init too
    Set<Integer> bat = batchExitCodes(lines("import.bat"));
    assertTrue(sh.containsAll(bat), "import.bat exits with " + bat + ", import.sh with " + sh);
  }

  /**
   * One Java process runs the sequence (submit, start through the console script, follow, retry,
   * stop), with the same options and files on both systems; the script ends with its exit code.
   */
  @Test
  void bothImportScriptsRunTheSameImportCommand() throws IOException {
    String sh = importCommand(String.join("\n", lines("import.sh")).replace("\\\n", " "));
    String bat = importCommand(String.join("\n", lines("import.bat")));
    assertEquals(
        "import --job {JOB_NAME} --console console --interval {POLL_SECONDS} {JOB_MODE}"
            + " {RETRY_OPTS} {STOP_MODE} {SUBMIT_OPTS} {JOB_CONF}",
        sh);
    assertEquals(sh, bat);
    assertTrue(
        lines("import.bat").contains("exit /b %errorlevel%"), "import.bat hands on the code");
  }

  /** The arguments of the script's only {@code import} line, normalised. */
  private static String importCommand(String script) {
    Matcher m = Pattern.compile("(?m)^.* (import --job [^\n]*)$").matcher(script);
    assertTrue(m.find(), "no import line in:\n" + script);
    String command =
        normalise(m.group(1))
            .replace("\"", "")
            .replace("{RETRIES}:+--retry {RETRIES}}", "{RETRY_OPTS}")
            .replace("console.sh", "console")
            .replaceAll("\\s+", " ");
    assertFalse(m.find(), "a second import line");
    return command;
  }

  @Test
  void bothStartTheServiceWithTheHeapOfSysPropertiesAndTheSerialCollector() throws IOException {
    String sh = String.join("\n", lines("console.sh"));
    assertTrue(sh.contains("read_key \"$SYS_CONF\" javaHeapMaxSize 1024m"), sh);
    assertTrue(sh.contains("nohup \"$JAVA\" \"-Xmx$JAVA_HEAP\" -Xms32m -XX:+UseSerialGC -jar"), sh);

    String bat = String.join("\n", lines("console.bat"));
    assertTrue(bat.contains("call :read_key \"%SYS_CONF%\" javaHeapMaxSize 1024m JAVA_HEAP"), bat);
    String startLine = null;
    for (String line : lines("console.bat")) {
      if (line.startsWith("\"%JAVA%\" ") && line.contains(" start --log-file")) {
        startLine = line;
      }
    }
    assertTrue(
        startLine != null && startLine.contains("-Xmx%JAVA_HEAP% -Xms32m -XX:+UseSerialGC -jar"),
        "start line: " + startLine);
  }

  @Test
  void batchJumpsLandOnExistingLabels() throws IOException {
    for (String name : Arrays.asList("console.bat", "import.bat")) {
      List<String> lines = lines(name);
      Set<String> labels = batchLabels(lines);
      Pattern jump = Pattern.compile("(?i)(?:goto|call) :?([a-z_]+)\\b(?![%\"])");
      for (String line : lines) {
        if (line.trim().toLowerCase().startsWith("rem ")) {
          continue;
        }
        Matcher m = jump.matcher(line);
        while (m.find()) {
          String target = m.group(1).toLowerCase();
          if (!target.equals("eof") && !line.contains("call \"")) {
            assertTrue(labels.contains(target), name + ": no label :" + target + " for " + line);
          }
        }
      }
    }
  }

  @Test
  void batchEchoesEscapeRedirectionCharacters() throws IOException {
    for (String name : Arrays.asList("console.bat", "import.bat")) {
      for (String text : batchEchoTexts(lines(name))) {
        assertFalse(
            Pattern.compile("(?<!\\^)[|<>&]").matcher(text).find(),
            name + ": unescaped | < > or & in: echo " + text);
      }
    }
  }

  @Test
  void bothReadTheJobNameOfTheJobFile() throws IOException {
    assertTrue(
        String.join("\n", lines("console.sh"))
            .contains("JOB_NAME=$(read_key \"$JOB_CONF\" jobName local_test)"));
    for (String name : Arrays.asList("console.bat", "import.bat")) {
      assertTrue(
          String.join("\n", lines(name))
              .contains("call :read_key \"%JOB_CONF%\" jobName local_test JOB_NAME"),
          name);
    }
  }

  private static void assertSameMessages(String shName, String batName) throws IOException {
    Set<String> sh = shellMessages(lines(shName));
    Set<String> bat = batchMessages(lines(batName));
    if (shName.equals("import.sh")) {
      sh.addAll(shellMessages(lines("console.sh")));
      bat.addAll(batchMessages(lines("console.bat")));
    }
    sh.removeAll(LINUX_ONLY);
    bat.removeAll(WINDOWS_ONLY);
    Set<String> onlySh = new TreeSet<String>(sh);
    onlySh.removeAll(bat);
    Set<String> onlyBat = new TreeSet<String>(bat);
    onlyBat.removeAll(sh);
    assertTrue(
        onlySh.isEmpty() && onlyBat.isEmpty(),
        "only in " + shName + ": " + onlySh + "\nonly in " + batName + ": " + onlyBat);
    assertFalse(sh.isEmpty());
  }

  static Set<String> shellMessages(List<String> lines) {
    Set<String> messages = new TreeSet<String>();
    Pattern echo = Pattern.compile("^\\s*(?:echo|say) \"(.*)\"(?:\\s*>&2)?\\s*$");
    Pattern ask = Pattern.compile("ask \"([^\"]*)\" \"[^\"]*\" \"([^\"]*)\"");
    for (String line : lines) {
      Matcher m = echo.matcher(line);
      if (m.find() && !m.group(1).startsWith("$")) {
        messages.add(normalise(m.group(1)));
      }
      m = ask.matcher(line);
      while (m.find()) {
        messages.add(normalise(m.group(1)));
        messages.add(normalise(m.group(2)));
      }
    }
    return messages;
  }

  static Set<String> batchMessages(List<String> lines) {
    Set<String> messages = new TreeSet<String>();
    for (String text : batchEchoTexts(lines)) {
      messages.add(normalise(text));
    }
    Pattern say = Pattern.compile("^call :say (.*)$");
    Pattern ask = Pattern.compile("^call :ask \"([^\"]*)\" \"[^\"]*\" \"([^\"]*)\"");
    for (String line : lines) {
      Matcher m = say.matcher(line);
      if (m.find()) {
        messages.add(normalise(m.group(1)));
      }
      m = ask.matcher(line);
      if (m.find()) {
        messages.add(normalise(m.group(1)));
        messages.add(normalise(m.group(2)));
      }
    }
    return messages;
  }

  /** The text of plain {@code echo} lines: not {@code echo off}, {@code echo(} or variables. */
  private static List<String> batchEchoTexts(List<String> lines) {
    List<String> texts = new ArrayList<String>();
    Pattern echo = Pattern.compile("^\\s*(?:if [^(]*? )?echo (.*)$");
    for (String line : lines) {
      Matcher m = echo.matcher(line);
      if (m.find() && !m.group(1).startsWith("%") && !m.group(1).equals("off")) {
        texts.add(m.group(1));
      }
    }
    return texts;
  }

  /** Makes the two dialects comparable: variables, path separators, escapes, script names. */
  static String normalise(String message) {
    return message
        .replaceAll("\\$\\([^)]*\\)", "{COMMAND}")
        .replaceAll("\\$\\{?([A-Za-z_]+)}?", "{$1}")
        .replaceAll("%([A-Za-z_]+)%", "{$1}")
        .replace('\\', '/')
        .replace("^<", "<")
        .replace("^>", ">")
        .replace("^|", "|")
        .replace("bash console.sh", "console")
        .replace("console.bat", "console")
        .replace("bash import.sh", "import")
        .replace("import.bat", "import")
        .trim();
  }

  private static Set<String> shellCaseWords(List<String> lines, String member) {
    Pattern pattern = Pattern.compile("^\\s*([a-z]+(?:\\s*\\|\\s*[a-z]+)+)\\)");
    for (String line : lines) {
      Matcher m = pattern.matcher(line);
      if (m.find() && Arrays.asList(m.group(1).split("\\s*\\|\\s*")).contains(member)) {
        return new TreeSet<String>(Arrays.asList(m.group(1).split("\\s*\\|\\s*")));
      }
    }
    throw new AssertionError("no case pattern with " + member);
  }

  private static Set<String> batchForWords(List<String> lines) {
    Pattern pattern = Pattern.compile("^for %%v in \\(([^)]*)\\) do if /i \"%~1\"==\"%%v\"");
    for (String line : lines) {
      Matcher m = pattern.matcher(line);
      if (m.find()) {
        return new TreeSet<String>(Arrays.asList(m.group(1).split(" ")));
      }
    }
    throw new AssertionError("no verb loop");
  }

  private static Set<String> batchLabels(List<String> lines) {
    Set<String> labels = new LinkedHashSet<String>();
    for (String line : lines) {
      if (line.startsWith(":")) {
        labels.add(line.substring(1).trim().toLowerCase());
      }
    }
    return labels;
  }

  /** Literal non-zero codes of {@code exit N} and {@code finish N}. */
  static Set<Integer> shellExitCodes(List<String> lines) {
    return codes(lines, Pattern.compile("\\b(?:exit|finish) (\\d+)"), "#");
  }

  /** Literal non-zero codes of {@code exit /b N} and {@code set "CODE=N"}. */
  static Set<Integer> batchExitCodes(List<String> lines) {
    return codes(lines, Pattern.compile("(?:exit /b |set \"CODE=)(\\d+)"), "rem ");
  }

  private static Set<Integer> codes(List<String> lines, Pattern pattern, String comment) {
    Set<Integer> codes = new TreeSet<Integer>();
    for (String line : lines) {
      if (line.trim().startsWith(comment)) {
        continue;
      }
      Matcher m = pattern.matcher(line);
      while (m.find()) {
        int code = Integer.parseInt(m.group(1));
        if (code != 0) {
          codes.add(code);
        }
      }
    }
    return codes;
  }
}
