package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class CommandLineParsingTest {
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private CommandLine cli() {
    return Main.commandLine(print(out), print(err), Collections.<String, String>emptyMap());
  }

  private static PrintStream print(ByteArrayOutputStream bytes) {
    try {
      return new PrintStream(bytes, true, "UTF-8");
    } catch (java.io.UnsupportedEncodingException e) {
      throw new AssertionError(e);
    }
  }

  private int run(String... args) {
    return Main.run(args, print(out), print(err), Collections.<String, String>emptyMap());
  }

  private String out() {
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }

  private String err() {
    return new String(err.toByteArray(), StandardCharsets.UTF_8);
  }

  @Test
  void hasTheOriginalVerbsAndDiff() {
    Set<String> verbs = new HashSet<String>(cli().getSubcommands().keySet());
    // diff: ours (issue 15), as rclone check
    assertTrue(verbs.remove("diff"));
    // import: the one-key sequence of import.sh/.bat in one JVM, hidden from the usage
    assertTrue(verbs.remove("import"));
    assertFalse(
        cli().getUsageMessage().matches("(?s).*\\n\\s+import\\s.*"), cli().getUsageMessage());
    assertEquals(
        new HashSet<String>(
            Arrays.asList("submit", "start", "stop", "stat", "retry", "clean", "version")),
        verbs);
  }

  @Test
  void theConfigurationOptionWorksBeforeAndAfterTheVerb() {
    CommandLine before = cli();
    before.parseArgs("-c", "conf/sys.properties", "stat", "detail");
    assertEquals(Paths.get("conf/sys.properties"), before.<OssImportCli>getCommand().sysProperties);

    CommandLine after = cli();
    ParseResult parsed = after.parseArgs("stat", "-c", "x/sys.properties", "detail");
    assertEquals(Paths.get("x/sys.properties"), after.<OssImportCli>getCommand().sysProperties);
    assertTrue(parsed.hasSubcommand());
  }

  @Test
  void submitTakesAnOptionalJobFile() {
    CommandLine cli = cli();
    ParseResult parsed = cli.parseArgs("-c", "conf/sys.properties", "submit", "conf/job.cfg");
    SubmitCommand submit = (SubmitCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals(Paths.get("conf/job.cfg"), submit.job.jobConfig);

    ParseResult bare = cli().parseArgs("submit");
    assertNull(((SubmitCommand) bare.subcommand().commandSpec().userObject()).job.jobConfig);
  }

  @Test
  void statTakesDetailJsonJobAndProgress() {
    ParseResult parsed =
        cli().parseArgs("stat", "detail", "--job", "local_test", "--progress", "--rate-file", "r");
    StatCommand stat = (StatCommand) parsed.subcommand().commandSpec().userObject();
    assertEquals("detail", stat.detail);
    assertEquals("local_test", stat.jobName);
    assertTrue(stat.format.shape.progress);
    assertEquals(Paths.get("r"), stat.format.rateFile);

    StatCommand json =
        (StatCommand) cli().parseArgs("stat", "--json").subcommand().commandSpec().userObject();
    assertTrue(json.format.shape.json);
    assertFalse(json.format.shape.progress);
  }

  @Test
  void statFollowsAJobAtAnIntervalAndWritesItsFiles() {
    ParseResult parsed =
        cli()
            .parseArgs(
                "stat",
                "--job",
                "j",
                "--follow",
                "--interval",
                "0.5",
                "--log-file",
                "a.log",
                "--status-file",
                "s.log");
    StatCommand stat = (StatCommand) parsed.subcommand().commandSpec().userObject();
    assertTrue(stat.following.follow);
    assertEquals(Double.valueOf(0.5), stat.following.intervalSeconds);
    assertEquals(Paths.get("a.log"), stat.output.logFile);
    assertEquals(Paths.get("s.log"), stat.output.statusFile);

    StatCommand plain =
        (StatCommand)
            cli().parseArgs("stat", "-j", "j", "-f").subcommand().commandSpec().userObject();
    assertTrue(plain.following.follow);
    assertNull(plain.following.intervalSeconds, "the default interval applies");
  }

  @Test
  void followNeedsAJobAndIntervalNeedsFollow() {
    assertEquals(ExitCode.USAGE.code(), run("stat", "--follow"));
    assertTrue(err().contains("--follow needs the job to follow: add --job"), err());
    err.reset();
    assertEquals(ExitCode.USAGE.code(), run("stat", "--job", "j", "--interval", "5"));
    assertTrue(err().contains("--interval is the period of --follow"), err());
  }

  @Test
  void aFollowIntervalThatIsNotAPositiveNumberOfSecondsIsAUsageError() {
    for (String bad : Arrays.asList("0", "-1", "NaN", "100000")) {
      err.reset();
      assertEquals(
          ExitCode.USAGE.code(), run("stat", "--job", "j", "--follow", "--interval", bad), bad);
      assertTrue(err().contains("--interval=" + bad + ": must be a number of seconds"), err());
      assertTrue(err().contains("e.g. --interval 5"), err());
    }
    err.reset();
    assertEquals(ExitCode.USAGE.code(), run("stat", "--job", "j", "--follow", "--interval", "x"));
    assertTrue(err().contains("--interval"), err());
  }

  @Test
  void jsonAndProgressExcludeEachOther() {
    assertEquals(ExitCode.USAGE.code(), run("stat", "--json", "--progress"));
    assertTrue(err().contains("mutually exclusive"), err());
  }

  @Test
  void cleanDefaultsToTheStandaloneJobName() {
    CleanCommand clean =
        (CleanCommand) cli().parseArgs("clean").subcommand().commandSpec().userObject();
    assertEquals("local_test", clean.jobName);
    CleanCommand named =
        (CleanCommand)
            cli().parseArgs("clean", "other_job").subcommand().commandSpec().userObject();
    assertEquals("other_job", named.jobName);
  }

  @Test
  void retryWithoutANameMeansEveryJob() {
    RetryCommand retry =
        (RetryCommand) cli().parseArgs("retry").subcommand().commandSpec().userObject();
    assertNull(retry.jobName);
  }

  @Test
  void stopWaitsSixtySecondsUnlessTold() {
    StopCommand stop =
        (StopCommand) cli().parseArgs("stop").subcommand().commandSpec().userObject();
    assertEquals(60, stop.timeoutSeconds);
    StopCommand quick =
        (StopCommand) cli().parseArgs("stop", "-t", "5").subcommand().commandSpec().userObject();
    assertEquals(5, quick.timeoutSeconds);
  }

  @Test
  void verbsAreCaseInsensitiveAsInTheOriginalScripts() {
    ParseResult parsed = cli().parseArgs("STAT");
    assertEquals("stat", parsed.subcommand().commandSpec().name());
  }

  @Test
  void stacktraceAndDebugAreGlobal() {
    CommandLine cli = cli();
    cli.parseArgs("stat", "--stacktrace");
    assertTrue(cli.<OssImportCli>getCommand().showStackTraces());
    CommandLine debug = cli();
    debug.parseArgs("-X", "stat");
    assertTrue(debug.<OssImportCli>getCommand().debug);
  }

  @Test
  void anUnknownVerbIsAUsageErrorWithASuggestion() {
    assertEquals(ExitCode.USAGE.code(), run("stats"));
    assertTrue(err().startsWith("Error: "), err());
    assertTrue(err().contains("stat"), err());
  }

  @Test
  void noVerbIsAUsageError() {
    assertEquals(ExitCode.USAGE.code(), run());
    assertTrue(err().contains("Missing a command"), err());
  }

  @Test
  void anUnknownOptionIsAUsageError() {
    assertEquals(ExitCode.USAGE.code(), run("submit", "--frobnicate"));
    assertTrue(err().contains("--frobnicate"), err());
  }

  @Test
  void statAcceptsOnlyDetailAsArgument() {
    assertEquals(ExitCode.USAGE.code(), run("stat", "summary"));
    assertTrue(err().contains("summary"), err());
  }

  @Test
  void tooManyArgumentsAreAUsageError() {
    assertEquals(ExitCode.USAGE.code(), run("clean", "a_job", "another"));
  }

  @Test
  void everyVerbHasHelpWithTheExitCodeTable() {
    List<String> verbs =
        Arrays.asList("submit", "start", "stop", "stat", "retry", "clean", "version");
    for (String verb : verbs) {
      out.reset();
      assertEquals(ExitCode.OK.code(), run(verb, "--help"), verb);
      String help = out();
      assertTrue(help.contains("Usage: ossimport2 " + verb), help);
      for (ExitCode exit : ExitCode.values()) {
        assertTrue(help.contains(exit.meaning()), verb + " help lacks " + exit + ":\n" + help);
      }
    }
  }

  @Test
  void topLevelHelpListsTheVerbs() {
    assertEquals(ExitCode.OK.code(), run("--help"));
    for (String verb : cli().getSubcommands().keySet()) {
      assertTrue(out().contains(verb), out());
    }
  }

  @Test
  void topLevelHelpSaysWhatCanBeMigratedNotOnlyALocalDirectory() {
    assertEquals(ExitCode.OK.code(), run("--help"));
    String help = out();
    assertTrue(help.contains("another object store"), help);
    assertTrue(help.contains("HTTP URL list"), help);
    assertTrue(help.contains("srcType"), help);
  }
}
