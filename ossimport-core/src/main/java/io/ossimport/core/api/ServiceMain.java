package io.ossimport.core.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.text.SimpleDateFormat;
import java.util.Collections;
import java.util.Date;
import java.util.Map;
import java.util.Properties;

/**
 * The background service the build-tool front ends start ({@code ossimport:start
 * -Dossimport.background=true}, {@code <ossimport:start background="true">}): {@code java -cp
 * <their classpath> io.ossimport.core.api.ServiceMain --work-dir DIR [--sys-config FILE]}. Runs
 * until a stop request ({@code ossimport:stop}, the stop task, any other) and prints the engine's
 * events.
 *
 * <p>With {@value #CREDENTIALS_ON_STDIN} the starting front end writes its {@link
 * SuppliedCredentials} to the process's standard input ({@link #writeCredentials}), never on the
 * command line (which other users can see) nor into a file.
 */
public final class ServiceMain {
  public static final String WORK_DIR = "--work-dir";
  public static final String SYS_CONFIG = "--sys-config";

  /** The flag that makes the service read supplied credentials from standard input first. */
  public static final String CREDENTIALS_ON_STDIN = "--credentials-on-stdin";

  private ServiceMain() {}

  public static void main(String[] args) throws Exception {
    Path workDir = null;
    Path sysConfig = null;
    SuppliedCredentials supplied = SuppliedCredentials.none();
    for (int i = 0; i < args.length; i++) {
      if (CREDENTIALS_ON_STDIN.equals(args[i])) {
        supplied = readCredentials(System.in);
        continue;
      }
      if (i + 1 >= args.length) {
        break;
      }
      if (WORK_DIR.equals(args[i])) {
        workDir = Paths.get(args[i + 1]);
      } else if (SYS_CONFIG.equals(args[i])) {
        sysConfig = Paths.get(args[i + 1]);
      }
      i++;
    }
    if (workDir == null) {
      System.err.println("Usage: ServiceMain --work-dir DIR [--sys-config FILE]");
      System.exit(2);
    }
    Map<String, String> overrides =
        Collections.singletonMap("workingDir", workDir.toAbsolutePath().toString());
    try {
      OssImport ossImport =
          OssImport.open(sysConfig, overrides, System.getenv(), supplied, new Printer());
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

  /**
   * Writes {@code supplied} for {@link #CREDENTIALS_ON_STDIN} and closes {@code out} (the service's
   * standard input).
   */
  public static void writeCredentials(SuppliedCredentials supplied, OutputStream out)
      throws IOException {
    Properties p = new Properties();
    for (String origin : supplied.origins()) {
      for (Map.Entry<String, String> e : supplied.keys(origin).entrySet()) {
        p.setProperty(e.getKey() + "@" + origin, e.getValue()); // job keys have no '@'
      }
    }
    try (OutputStream closing = out) {
      p.store(closing, null);
    }
  }

  static SuppliedCredentials readCredentials(InputStream in) throws IOException {
    Properties p = new Properties();
    p.load(in);
    SuppliedCredentials.Builder supplied = SuppliedCredentials.builder();
    for (String name : p.stringPropertyNames()) {
      int at = name.indexOf('@');
      if (at > 0) {
        supplied.supply(name.substring(at + 1), name.substring(0, at), p.getProperty(name));
      }
    }
    return supplied.build();
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
