package io.ossimport.maven;

import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.ServiceMain;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;

/**
 * Starts the service as a separate {@code java} process, the way {@code console.sh start} does:
 * {@code java -cp <this plugin's classpath> io.ossimport.core.api.ServiceMain}, its output appended
 * to {@code <workDir>/logs/ossimport2.log}. Returns once the service holds the working-directory
 * lock.
 */
final class BackgroundService {
  static final String LOG_FILE = "ossimport2.log";

  private final OssImportRunner runner;
  private final PluginDescriptor plugin;
  private final File sysConfig;

  BackgroundService(OssImportRunner runner, PluginDescriptor plugin, File sysConfig) {
    this.runner = runner;
    this.plugin = plugin;
    this.sysConfig = sysConfig;
  }

  void start(long waitSeconds) throws MojoExecutionException, MojoFailureException {
    Path workingDir = runner.run(OssImport::workingDir);
    long running = runner.run(OssImport::servicePid);
    if (running > 0) {
      throw new MojoFailureException(
          "An ossimport service (pid "
              + running
              + ") already runs on "
              + workingDir
              + "; stop it with ossimport:stop first.");
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
      throw new MojoExecutionException("Cannot start the ossimport service: " + e.getMessage(), e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(waitSeconds);
    long pid;
    while ((pid = runner.run(OssImport::servicePid)) <= 0) {
      if (!process.isAlive()) {
        throw new MojoExecutionException(
            "The ossimport service exited with code "
                + process.exitValue()
                + " right after it started; its log "
                + log
                + " ends with:\n"
                + tail(log, 20));
      }
      if (System.nanoTime() > deadline) {
        process.destroy();
        throw new MojoExecutionException(
            "The ossimport service did not take the working directory lock within "
                + waitSeconds
                + " s; see "
                + log);
      }
      sleep();
    }
    runner
        .log()
        .info(
            "Started the ossimport service in the background (pid "
                + pid
                + "); log: "
                + log
                + ". Follow it with ossimport:stat, stop it with ossimport:stop.");
  }

  private List<String> command(Path workingDir) throws MojoExecutionException {
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

  /** The jars of this plugin's class realm: the plugin, core and their dependencies. */
  private String classpath() throws MojoExecutionException {
    StringBuilder path = new StringBuilder();
    try {
      for (URL url : plugin.getClassRealm().getURLs()) {
        if (path.length() > 0) {
          path.append(File.pathSeparatorChar);
        }
        path.append(new File(url.toURI()).getAbsolutePath());
      }
    } catch (URISyntaxException e) {
      throw new MojoExecutionException("Cannot build the service classpath: " + e.getMessage(), e);
    }
    return path.toString();
  }

  private static String tail(Path log, int lines) {
    try {
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(unreadable: " + e.getMessage() + ")";
    }
  }

  private static void sleep() throws MojoExecutionException {
    try {
      Thread.sleep(200);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MojoExecutionException("Interrupted while waiting for the service to start", e);
    }
  }
}
