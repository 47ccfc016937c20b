package io.ossimport.core.api;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Collections;
import java.util.Date;
import java.util.Map;

/**
 * The background service the build-tool front ends start ({@code ossimport:start
 * -Dossimport.background=true}, {@code <ossimport:start background="true">}): {@code java -cp
 * <their classpath> io.ossimport.core.api.ServiceMain --work-dir DIR [--sys-config FILE]}. Runs
 * until a stop request ({@code ossimport:stop}, the stop task, any other) and prints the engine's
 * events.
 */
public final class ServiceMain {
  public static final String WORK_DIR = "--work-dir";
  public static final String SYS_CONFIG = "--sys-config";

  private ServiceMain() {}

  public static void main(String[] args) throws Exception {
    Path workDir = null;
    Path sysConfig = null;
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (WORK_DIR.equals(args[i])) {
        workDir = Paths.get(args[i + 1]);
      } else if (SYS_CONFIG.equals(args[i])) {
        sysConfig = Paths.get(args[i + 1]);
      }
    }
    if (workDir == null) {
      System.err.println("Usage: ServiceMain --work-dir DIR [--sys-config FILE]");
      System.exit(2);
    }
    Map<String, String> overrides =
        Collections.singletonMap("workingDir", workDir.toAbsolutePath().toString());
    try {
      OssImport ossImport = OssImport.open(sysConfig, overrides, System.getenv(), new Printer());
      try (RunningService service = ossImport.start()) {
        System.out.println("[INFO] " + OssImport.version() + " service started on " + workDir);
        service.awaitStopped();
      }
    } catch (OssImportException e) {
      // The starting build reads this from the log when the process ends early.
      System.out.println("[ERROR] " + e.getMessage());
      System.exit(1);
    }
    System.out.println("[INFO] service stopped");
  }

  /** Prints each event as one line, in the shape of the original ossimport2.log. */
  private static final class Printer implements ImportListener {
    @Override
    public synchronized void onEvent(ImportEvent event) {
      String time = new SimpleDateFormat("yyyy-MM-dd HH:mm:ss").format(new Date());
      String text;
      if (event.isProgress()) {
        text = JobReport.progressLine(event.progress());
      } else {
        text = event.jobName() == null ? event.message() : event.jobName() + ": " + event.message();
      }
      System.out.println("[" + time + "] [" + event.level() + "] " + text);
    }
  }
}
