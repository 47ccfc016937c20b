package io.ossimport.cli;

import io.ossimport.core.api.OneKeyImport;
import io.ossimport.core.api.OneKeyImport.JobEnd;
import io.ossimport.core.api.OneKeyImport.Submitted;
import java.util.Arrays;
import java.util.List;

/**
 * The steps of the one-key import as the console runs them ({@code import}'s {@link OneKeyImport}
 * decides which comes when; its questions are {@link TerminalQuestions}). The service is started
 * through the {@link ConsoleScript}; every other step runs in this JVM through the same command
 * {@code console.sh} calls ({@link InProcessCommands}), so the messages are that command's. Each
 * step's output goes to the console and to {@code logs/import.log} ({@link ImportLog}).
 */
final class ImportSteps implements OneKeyImport.Steps {
  private final ImportLog log;
  private final InProcessCommands commands;
  private final ConsoleScript console;
  private final ImportFollow follow;
  private final String jobConfig;
  private final String jobName;
  private final boolean offline;

  /** The exit code of the last step, the flow's when it ends with a failed step. */
  private int lastCode;

  /** The steps of {@code command}'s import, shown on its console and in {@code log}. */
  ImportSteps(ImportCommand command, ImportLog log) {
    this.log = log;
    this.commands = new InProcessCommands(command.cli);
    this.console = new ConsoleScript(command.console);
    this.follow =
        new ImportFollow(commands, log, command.cli.out, command.jobName, command.interval);
    this.jobConfig = command.jobConfig;
    this.jobName = command.jobName;
    this.offline = command.offline;
  }

  /** The exit code of the last step run. */
  int lastCode() {
    return lastCode;
  }

  @Override
  public Submitted submit() {
    List<String> args =
        offline
            ? Arrays.asList("submit", "--offline", jobConfig)
            : Arrays.asList("submit", jobConfig);
    show(run(args), "submit.log");
    if (lastCode == ExitCode.JOB_CONFLICT.code()) {
      return Submitted.JOB_EXISTS;
    }
    return lastCode == 0 ? Submitted.DONE : Submitted.FAILED;
  }

  @Override
  public void resume() {
    log.say("Resume job:" + jobName + " from the last breakpoint.");
  }

  @Override
  public boolean stopAndClean() {
    log.log(run(Arrays.asList("stop")));
    show(run(Arrays.asList("clean", jobName)), null);
    if (lastCode == 0) {
      log.say("Clean job:" + jobName + " completed.");
    }
    return lastCode == 0;
  }

  /** Starts the service with the console script; one already running on this package is fine. */
  @Override
  public boolean startService() {
    CommandRun start = console.start();
    if (ConsoleScript.alreadyRunning(start)) {
      log.say("The import service is already running.");
      return true;
    }
    log.sayOutput(start.output());
    lastCode = start.code();
    return lastCode == 0;
  }

  @Override
  public JobEnd follow() {
    JobEnd end = follow.run();
    lastCode = follow.code();
    return end;
  }

  @Override
  public void retry() {
    String output = show(run(Arrays.asList("retry", jobName)), "retry.log");
    if (lastCode == 0 && !output.matches("(?s)(.*\n)?None failed tasks.*")) {
      log.say("Retry has been submitted.");
    }
  }

  @Override
  public void stopService() {
    show(run(Arrays.asList("stop")), null);
    if (lastCode == 0) {
      log.say("Stop import service completed.");
    }
  }

  @Override
  public void leaveServiceRunning() {
    log.say(
        "The import service is still running; stop it with: " + console.userCommand() + " stop");
  }

  /** Runs one command of this jar in this JVM; its exit code is the step's. */
  private String run(List<String> args) {
    CommandRun run = commands.run(args);
    lastCode = run.code();
    return run.output();
  }

  /** Shows a step's output, also kept in {@code logs/<keptAs>} when given; returns it. */
  private String show(String output, String keptAsOrNull) {
    if (keptAsOrNull != null) {
      log.keep(keptAsOrNull, output);
    }
    log.sayOutput(output);
    return output;
  }
}
