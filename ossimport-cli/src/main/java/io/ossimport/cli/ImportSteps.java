package io.ossimport.cli;

import io.ossimport.core.api.OneKeyImport;
import io.ossimport.core.api.OneKeyImport.ExistingJob;
import io.ossimport.core.api.OneKeyImport.JobEnd;
import io.ossimport.core.api.OneKeyImport.Submitted;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;

/**
 * The steps of the one-key import as the console runs them, and its questions on the terminal
 * ({@code import}'s {@link OneKeyImport} decides which comes when). The service is started through
 * the console script, which owns its command line; every other step runs in this JVM through the
 * same command {@code console.sh} calls, so the messages are that command's. Each step's output
 * goes to the console and to {@code logs/import.log}.
 */
final class ImportSteps implements OneKeyImport.Steps, OneKeyImport.Questions {
  private static final String NO_ANSWER = "No answer; see --help for the flags of unattended runs.";

  private final OssImportCli cli;
  private final Path logs;
  private final String jobConfig;
  private final String jobName;
  private final Path console;
  private final String interval;
  private final boolean offline;
  private BufferedReader answers;

  /** The exit code of the last step, the flow's when it ends with a failed step. */
  private int lastCode;

  /** Whether the job was followed already: the rate samples of an earlier import go first. */
  private boolean followed;

  ImportSteps(
      OssImportCli cli,
      Path logs,
      String jobConfig,
      String jobName,
      Path console,
      String interval,
      boolean offline) {
    this.cli = cli;
    this.logs = logs;
    this.jobConfig = jobConfig;
    this.jobName = jobName;
    this.console = console;
    this.interval = interval;
    this.offline = offline;
  }

  /** Opens the log directory and marks the import's beginning in the log. */
  void begin() throws IOException {
    Files.createDirectories(logs);
    say("==== import " + new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()) + " ====");
  }

  /** The exit code of the last step run. */
  int lastCode() {
    return lastCode;
  }

  @Override
  public Submitted submit() {
    List<String> args = new ArrayList<String>(Arrays.asList("submit"));
    if (offline) {
      args.add("--offline");
    }
    args.add(jobConfig);
    String output = run(args);
    write(logs.resolve("submit.log"), output.getBytes(StandardCharsets.UTF_8));
    sayOutput(output);
    if (lastCode == ExitCode.JOB_CONFLICT.code()) {
      return Submitted.JOB_EXISTS;
    }
    return lastCode == 0 ? Submitted.DONE : Submitted.FAILED;
  }

  @Override
  public ExistingJob whatOfExistingJob() {
    String mode =
        ask(
            "A migration job with the same name existed. Enter [r] to resume it from the last"
                + " breakpoint, [c] to clean it and start again, or [q] to quit (r/c/q)? ",
            "r|c|q",
            "Answer r, c or q.");
    if ("r".equals(mode)) {
      return ExistingJob.RESUME;
    }
    return "c".equals(mode) ? ExistingJob.RESTART : ExistingJob.QUIT;
  }

  @Override
  public void resume() {
    say("Resume job:" + jobName + " from the last breakpoint.");
  }

  @Override
  public boolean stopAndClean() {
    log(run(Arrays.asList("stop")));
    sayOutput(run(Arrays.asList("clean", jobName)));
    if (lastCode != 0) {
      return false;
    }
    say("Clean job:" + jobName + " completed.");
    return true;
  }

  @Override
  public boolean startService() {
    return startWithConsole();
  }

  @Override
  public JobEnd follow() {
    return followUntilTheJobEnds();
  }

  @Override
  public boolean retryFailedTasks() {
    return isYes(ask("Retry the failed tasks, Yes or No: "));
  }

  @Override
  public void retry() {
    String output = run(Arrays.asList("retry", jobName));
    write(logs.resolve("retry.log"), output.getBytes(StandardCharsets.UTF_8));
    sayOutput(output);
    if (lastCode == 0 && !output.matches("(?s)(.*\n)?None failed tasks.*")) {
      say("Retry has been submitted.");
    }
  }

  @Override
  public boolean stopServiceAtEnd() {
    return isYes(ask("Stop import service, Yes or No: "));
  }

  @Override
  public void stopService() {
    sayOutput(run(Arrays.asList("stop")));
    if (lastCode == 0) {
      say("Stop import service completed.");
    }
  }

  @Override
  public void leaveServiceRunning() {
    say("The import service is still running; stop it with: " + consoleCommand() + " stop");
  }

  /** Starts the service with the console script; one already running on this package is fine. */
  private boolean startWithConsole() {
    List<String> command = new ArrayList<String>();
    if (console.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bat")) {
      command.addAll(Arrays.asList("cmd.exe", "/c"));
    } else {
      command.add("bash");
    }
    command.add(console.toString());
    command.add("start");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = readAll(process.getInputStream(), Charset.defaultCharset());
      int code = process.waitFor();
      if (code == ExitCode.SERVICE_STATE.code()) {
        say("The import service is already running.");
        return true;
      }
      sayOutput(output);
      lastCode = code;
      return code == 0;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted"));
    }
  }

  /**
   * Reports the status every --interval seconds until the job ends (stat --follow: the reports go
   * to the console, logs/import.log and, the latest, logs/job_stat.log), and says how it ended.
   */
  private JobEnd followUntilTheJobEnds() {
    Path statusFile = logs.resolve("job_stat.log");
    try {
      if (!followed) {
        Files.deleteIfExists(logs.resolve("import.rate"));
        followed = true;
      }
      Files.deleteIfExists(statusFile);
      String output =
          run(
              Arrays.asList(
                  "stat",
                  "detail",
                  "--job",
                  jobName,
                  "--progress",
                  "--rate-file",
                  logs.resolve("import.rate").toString(),
                  "--follow",
                  "--interval",
                  interval,
                  "--log-file",
                  logs.resolve("import.log").toString(),
                  "--status-file",
                  statusFile.toString()),
              cli.out);
      sayOutput(output);
      switch (lastCode) {
        case 0:
          say("Import to oss completed.");
          return JobEnd.SUCCEEDED;
        case 3:
          say(
              "The job finished with failed tasks; the reasons are in "
                  + String.join(
                      File.separator, "master", "jobs", jobName, "failed_tasks", "*", "audit.log")
                  + ".");
          return JobEnd.FAILED_TASKS;
        case 4:
          say(
              "Error: the import service stopped before the job finished; see "
                  + logs.resolve("ossimport2.log")
                  + ".");
          return JobEnd.SERVICE_GONE;
        case 1:
        case 2:
        case 6:
          return JobEnd.FAILED;
        default:
          if (Files.isRegularFile(statusFile)
              && new String(Files.readAllBytes(statusFile), StandardCharsets.UTF_8)
                  .contains("JobState:Abort")) {
            say("Error: the job was aborted; see " + logs.resolve("ossimport2.log") + ".");
            return JobEnd.ABORTED;
          }
          lastCode = ExitCode.RUNTIME.code();
          return JobEnd.FAILED;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** How the user runs the console script: {@code bash console.sh} or {@code console.bat}. */
  private String consoleCommand() {
    String name = console.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".bat") ? name : "bash " + name;
  }

  private static boolean isYes(String answer) {
    return "y".equals(answer) || "yes".equals(answer);
  }

  private String ask(String question) {
    return ask(question, "y|yes|n|no", "Answer yes or no.");
  }

  /**
   * Asks {@code question} on stderr until the answer matches {@code words}; returns it in lower
   * case, or null when standard input ends (an unattended run without the flag that answers it).
   */
  private String ask(String question, String words, String hint) {
    if (answers == null) {
      answers = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    }
    while (true) {
      cli.err.print(question);
      cli.err.flush();
      String answer;
      try {
        answer = answers.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (answer == null) {
        cli.err.println();
        cli.err.println(NO_ANSWER);
        return null;
      }
      log(question + answer + System.lineSeparator());
      if (answer.matches("(?i)" + words)) {
        return answer.toLowerCase(Locale.ROOT);
      }
      cli.err.println(hint);
    }
  }

  private String run(List<String> args) {
    return run(args, null);
  }

  /**
   * Runs one command of this jar in this JVM, with the same -c and flags, and keeps its exit code
   * as {@link #lastCode}; returns its output: its stdout goes to {@code stdout} when given, else is
   * captured with its stderr.
   */
  private String run(List<String> args, PrintStream stdout) {
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    PrintStream capture = new PrintStream(captured, true);
    List<String> full = new ArrayList<String>();
    if (cli.sysProperties != null) {
      full.add("-c");
      full.add(cli.sysProperties.toString());
    }
    if (cli.debug) {
      full.add("--debug");
    } else if (cli.stacktrace) {
      full.add("--stacktrace");
    }
    full.addAll(args);
    lastCode =
        Main.commandLine(stdout != null ? stdout : capture, capture, cli.environment)
            .execute(full.toArray(new String[0]));
    capture.flush();
    return new String(captured.toByteArray(), Charset.defaultCharset());
  }

  /** Prints a line on the console and into logs/import.log. */
  void say(String line) {
    sayOutput(line + System.lineSeparator());
  }

  /** Prints a step's output on the console and into logs/import.log. */
  private void sayOutput(String output) {
    cli.out.print(output);
    cli.out.flush();
    log(output);
  }

  private void log(String text) {
    write(
        logs.resolve("import.log"),
        text.getBytes(Charset.defaultCharset()),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }

  private static void write(Path file, byte[] bytes, StandardOpenOption... options) {
    try {
      Files.write(file, bytes, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readAll(InputStream in, Charset charset) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      bytes.write(buffer, 0, n);
    }
    return new String(bytes.toByteArray(), charset);
  }
}
