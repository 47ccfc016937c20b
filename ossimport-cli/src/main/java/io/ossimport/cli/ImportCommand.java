package io.ossimport.cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code import}: the one-key import of {@code import.sh} / {@code import.bat} in one JVM. Submits
 * (asking what to do with an existing job), starts the service through the console script (which
 * owns the service's command line), follows the job, offers retries and the stop. Every other step
 * runs in this JVM through the same commands {@code console.sh} calls, so the messages are theirs;
 * the scripts used to start one JVM per step (submit, follow, retry, stop), each a cold start of
 * the shaded jar (1 to 2 CPU s apiece on two cores).
 */
@Command(
    name = "import",
    hidden = true,
    description = {
      "The one-key import that import.sh and import.bat run (run it through them): submit, start"
          + " the service with the console script, follow the job, retry, stop."
    })
final class ImportCommand implements Callable<Integer> {
  private static final String NO_ANSWER = "No answer; see --help for the flags of unattended runs.";

  @ParentCommand OssImportCli cli;

  @Parameters(index = "0", paramLabel = "<job.cfg>", description = "The job file, as shown.")
  String jobConfig;

  @Option(names = "--job", required = true, description = "The jobName of the job file.")
  String jobName;

  @Option(
      names = "--console",
      required = true,
      paramLabel = "<console script>",
      description = "console.sh or console.bat: starts the service.")
  Path console;

  @Option(names = "--interval", defaultValue = "5", description = "Seconds between two reports.")
  String interval;

  @ArgGroup(exclusive = true)
  JobMode jobMode;

  @Option(names = "--retry", paramLabel = "N", description = "Retry failed tasks up to N times.")
  Integer retries;

  @ArgGroup(exclusive = true)
  StopMode stopMode;

  @Option(names = "--offline", description = "Submit without asking OSS first.")
  boolean offline;

  /** --resume or --restart: what to do with an existing job without asking. */
  static final class JobMode {
    @Option(names = "--resume")
    boolean resume;

    @Option(names = "--restart")
    boolean restart;
  }

  /** --stop or --no-stop: whether to stop the service at the end without asking. */
  static final class StopMode {
    @Option(names = "--stop")
    boolean stop;

    @Option(names = "--no-stop")
    boolean noStop;
  }

  private final Path logs = Paths.get("logs");
  private BufferedReader answers;

  @Override
  public Integer call() throws Exception {
    Files.createDirectories(logs);
    say("==== import " + new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date()) + " ====");
    Integer code = submit();
    if (code != null) {
      return code;
    }
    code = startService();
    if (code != null) {
      return code;
    }
    return follow();
  }

  /** 1. Submit; when the job exists, resume it or clean it and submit again. Null: go on. */
  private Integer submit() throws IOException {
    boolean resumeAfterRefusal = jobMode != null && jobMode.resume;
    boolean restart = jobMode != null && jobMode.restart;
    while (true) {
      List<String> args = new ArrayList<String>(Arrays.asList("submit"));
      if (offline) {
        args.add("--offline");
      }
      args.add(jobConfig);
      Step submit = run(args);
      Files.write(logs.resolve("submit.log"), submit.output.getBytes(StandardCharsets.UTF_8));
      sayOutput(submit.output);
      if (submit.code != ExitCode.JOB_CONFLICT.code()) {
        return submit.code == 0 ? null : submit.code;
      }
      String mode = resumeAfterRefusal ? "r" : restart ? "c" : null;
      if (mode == null) {
        mode =
            ask(
                "A migration job with the same name existed. Enter [r] to resume it from the last"
                    + " breakpoint, [c] to clean it and start again, or [q] to quit (r/c/q)? ",
                "r|c|q",
                "Answer r, c or q.");
      }
      if ("r".equals(mode)) {
        say("Resume job:" + jobName + " from the last breakpoint.");
        return null;
      }
      if (!"c".equals(mode)) {
        say("Import cancelled.");
        return ExitCode.USAGE.code();
      }
      Step stop = run(Arrays.asList("stop"));
      log(stop.output);
      Step clean = run(Arrays.asList("clean", jobName));
      sayOutput(clean.output);
      if (clean.code != 0) {
        return clean.code;
      }
      say("Clean job:" + jobName + " completed.");
      // a second refusal after a clean means another process submitted it
      resumeAfterRefusal = true;
      restart = false;
    }
  }

  /** 2. Start the service (a service already running on this package is fine). Null: go on. */
  private Integer startService() throws IOException, InterruptedException {
    List<String> command = new ArrayList<String>();
    if (console.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bat")) {
      command.addAll(Arrays.asList("cmd.exe", "/c"));
    } else {
      command.add("bash");
    }
    command.add(console.toString());
    command.add("start");
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = readAll(process.getInputStream(), Charset.defaultCharset());
    int code = process.waitFor();
    if (code == ExitCode.SERVICE_STATE.code()) {
      say("The import service is already running.");
      return null;
    }
    sayOutput(output);
    return code == 0 ? null : code;
  }

  /**
   * 3. Report the status every --interval seconds until the job ends (stat --follow: the reports go
   * to the console, logs/import.log and, the latest, logs/job_stat.log); offer to retry failed
   * tasks.
   */
  private int follow() throws IOException {
    Path statusFile = logs.resolve("job_stat.log");
    Files.deleteIfExists(logs.resolve("import.rate"));
    Integer retriesLeft = retries;
    while (true) {
      Files.deleteIfExists(statusFile);
      Step stat =
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
      sayOutput(stat.output);
      switch (stat.code) {
        case 0:
          say("Import to oss completed.");
          return finish(0);
        case 3:
          say(
              "The job finished with failed tasks; the reasons are in "
                  + String.join(
                      File.separator, "master", "jobs", jobName, "failed_tasks", "*", "audit.log")
                  + ".");
          if (retriesLeft != null) {
            if (retriesLeft <= 0) {
              return finish(3);
            }
            retriesLeft--;
          } else if (!isYes(ask("Retry the failed tasks, Yes or No: "))) {
            return finish(3);
          }
          retry();
          break;
        case 4:
          say(
              "Error: the import service stopped before the job finished; see "
                  + logs.resolve("ossimport2.log")
                  + ".");
          return ExitCode.RUNTIME.code();
        case 1:
        case 2:
        case 6:
          return stat.code;
        default:
          if (Files.isRegularFile(statusFile)
              && new String(Files.readAllBytes(statusFile), StandardCharsets.UTF_8)
                  .contains("JobState:Abort")) {
            say("Error: the job was aborted; see " + logs.resolve("ossimport2.log") + ".");
            return finish(5);
          }
          return ExitCode.RUNTIME.code();
      }
    }
  }

  private void retry() throws IOException {
    Step retry = run(Arrays.asList("retry", jobName));
    Files.write(logs.resolve("retry.log"), retry.output.getBytes(StandardCharsets.UTF_8));
    sayOutput(retry.output);
    if (retry.code == 0 && !retry.output.matches("(?s)(.*\n)?None failed tasks.*")) {
      say("Retry has been submitted.");
    }
  }

  /** Stops the service when --stop was given or the user agrees; then returns {@code code}. */
  private int finish(int code) throws IOException {
    boolean stop;
    if (stopMode != null) {
      stop = stopMode.stop;
    } else {
      stop = code == 0 && isYes(ask("Stop import service, Yes or No: "));
    }
    if (stop) {
      Step step = run(Arrays.asList("stop"));
      sayOutput(step.output);
      if (step.code == 0) {
        say("Stop import service completed.");
      }
    } else {
      say("The import service is still running; stop it with: " + consoleCommand() + " stop");
    }
    return code;
  }

  /** How the user runs the console script: {@code bash console.sh} or {@code console.bat}. */
  private String consoleCommand() {
    String name = console.getFileName().toString();
    return name.toLowerCase(Locale.ROOT).endsWith(".bat") ? name : "bash " + name;
  }

  private static boolean isYes(String answer) {
    return "y".equals(answer) || "yes".equals(answer);
  }

  private String ask(String question) throws IOException {
    return ask(question, "y|yes|n|no", "Answer yes or no.");
  }

  /**
   * Asks {@code question} on stderr until the answer matches {@code words}; returns it in lower
   * case, or null when standard input ends (an unattended run without the flag that answers it).
   */
  private String ask(String question, String words, String hint) throws IOException {
    if (answers == null) {
      answers = new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    }
    while (true) {
      cli.err.print(question);
      cli.err.flush();
      String answer = answers.readLine();
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

  /** The exit code and the output (stdout and stderr, or only stderr) of one command. */
  private static final class Step {
    final int code;
    final String output;

    Step(int code, String output) {
      this.code = code;
      this.output = output;
    }
  }

  private Step run(List<String> args) {
    return run(args, null);
  }

  /**
   * Runs one command of this jar in this JVM, with the same -c and flags; its stdout goes to {@code
   * stdout} when given, else is captured with its stderr.
   */
  private Step run(List<String> args, PrintStream stdout) {
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
    int code =
        Main.commandLine(stdout != null ? stdout : capture, capture, cli.environment)
            .execute(full.toArray(new String[0]));
    capture.flush();
    return new Step(code, new String(captured.toByteArray(), Charset.defaultCharset()));
  }

  /** Prints a line on the console and into logs/import.log. */
  private void say(String line) throws IOException {
    sayOutput(line + System.lineSeparator());
  }

  /** Prints a step's output on the console and into logs/import.log. */
  private void sayOutput(String output) throws IOException {
    cli.out.print(output);
    cli.out.flush();
    log(output);
  }

  private void log(String text) throws IOException {
    Files.write(
        logs.resolve("import.log"),
        text.getBytes(Charset.defaultCharset()),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
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
