package io.ossimport.ant;

import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.ServiceMain;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.tools.ant.AntClassLoader;
import org.apache.tools.ant.Task;

/**
 * Starts the service as a separate {@code java} process, the way {@code console.sh start} does:
 * {@code java -cp <the task's classpath> io.ossimport.core.api.ServiceMain}, output appended to
 * {@code <workdir>/logs/ossimport2.log}. Returns once the service holds the working-directory lock.
 */
final class BackgroundService {
  static final String LOG_FILE = "ossimport2.log";

  private final Task task;
  private final AntRunner runner;
  private final File sysConfig;

  BackgroundService(Task task, AntRunner runner, File sysConfig) {
    this.task = task;
    this.runner = runner;
    this.sysConfig = sysConfig;
  }

  void start(long waitSeconds) {
    Path workingDir = runner.run(OssImport::workingDir);
    long running = runner.run(OssImport::servicePid);
    if (running > 0) {
      throw runner.fail(
          "An ossimport service (pid " + running + ") already runs on " + workingDir + ".");
    }
    Path log = workingDir.resolve("logs").resolve(LOG_FILE);
    Process process;
    try {
      Files.createDirectories(log.getParent());
      ProcessBuilder builder = new ProcessBuilder(command(workingDir));
      builder.redirectErrorStream(true);
      builder.redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
      process = builder.start();
      ServiceMain.writeCredentials(runner.supplied(), process.getOutputStream());
    } catch (IOException e) {
      throw runner.fail("Cannot start the ossimport service: " + e.getMessage());
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    long pid;
    while ((pid = runner.run(OssImport::servicePid)) <= 0) {
      if (!process.isAlive()) {
        throw runner.fail(
            "The ossimport service exited with code "
                + process.exitValue()
                + " right after it started; its log "
                + log
                + " ends with:\n"
                + tail(log, 20));
      }
      if (System.nanoTime() > deadline) {
        process.destroy();
        throw runner.fail(
            "The ossimport service did not take the working directory lock within "
                + waitSeconds
                + " s; see "
                + log);
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw runner.fail("Interrupted while waiting for the service to start");
      }
    }
    task.log(
        "Started the ossimport service in the background (pid "
            + pid
            + "); log: "
            + log
            + ". Stop it with the stop task.");
  }

  private List<String> command(Path workingDir) {
    List<String> command = new ArrayList<String>();
    command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(classpath());
    command.add(ServiceMain.class.getName());
    command.add(ServiceMain.CREDENTIALS_ON_STDIN); // the job tree keeps no secret
    command.add(ServiceMain.WORK_DIR);
    command.add(workingDir.toString());
    if (sysConfig != null) {
      command.add(ServiceMain.SYS_CONFIG);
      command.add(sysConfig.getAbsolutePath());
    }
    return command;
  }

  /**
   * The jar (or directory) this task came from, and the rest of the loader's path when it was
   * defined with a {@code <taskdef classpath>}; with the self-contained jar the first is enough.
   */
  private String classpath() {
    Set<String> entries = new LinkedHashSet<String>();
    try {
      entries.add(
          new File(getClass().getProtectionDomain().getCodeSource().getLocation().toURI())
              .getAbsolutePath());
    } catch (URISyntaxException | RuntimeException e) {
      // no code source (unusual loader): the loader path below must do
    }
    ClassLoader loader = getClass().getClassLoader();
    if (loader instanceof AntClassLoader) {
      for (String entry : ((AntClassLoader) loader).getClasspath().split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
    } else {
      for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
        if (!entry.isEmpty()) {
          entries.add(entry);
        }
      }
    }
    return String.join(File.pathSeparator, entries);
  }

  private static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }
}
