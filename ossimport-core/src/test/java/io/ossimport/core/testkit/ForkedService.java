package io.ossimport.core.testkit;

import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.api.RunningService;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.master.Master;
import java.lang.management.ManagementFactory;
import java.nio.file.Paths;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service in a JVM of its own, for tests that kill it or need a second process. Prints one line
 * per event and status lines tests wait for: {@code STARTED <pid>}, {@code STATE <state>}, {@code
 * STOPPED}, {@code SCANNED <objects> <tasks>}.
 *
 * <pre>
 * run  &lt;job&gt; key=value...   start, await the job, print its state, stop
 * hold &lt;job&gt; key=value...   start, wait until stopped (OssImport.stop from another process)
 * scan &lt;job&gt; key=value...   only the master: cut the queued job into tasks, upload nothing
 * </pre>
 *
 * The {@code key=value} arguments are sys.properties keys ({@code workingDir} first of all).
 */
public final class ForkedService {
  private static final long START = System.currentTimeMillis();

  private ForkedService() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    String job = args[1];
    Map<String, String> sys = new LinkedHashMap<>();
    for (int i = 2; i < args.length; i++) {
      int eq = args[i].indexOf('=');
      sys.put(args[i].substring(0, eq), args[i].substring(eq + 1));
    }
    ImportListener print =
        e -> {
          synchronized (System.out) {
            System.out.println(
                (e.isProgress() ? "PROGRESS " + e.progress() : e.level() + " " + e.message())
                    + " @"
                    + (System.currentTimeMillis() - START));
            System.out.flush();
          }
        };
    OssImport ossimport = OssImport.open(null, sys, System.getenv(), print);
    switch (mode) {
      case "run":
        try (RunningService service = ossimport.start()) {
          say("STARTED " + pid());
          JobStatus status = service.awaitJob(job, 10 * 60_000);
          say("STATE " + status.state());
        }
        break;
      case "hold":
        RunningService service = ossimport.start();
        say("STARTED " + pid());
        service.awaitStopped();
        say("STOPPED");
        break;
      case "scan":
        JobTree tree = new JobTree(ossimport.workingDir());
        Master master = new Master(tree, print, () -> {});
        Thread t = new Thread(master, "master");
        t.start();
        while (!tree.readJob(job).scanFinished() && t.isAlive()) {
          Thread.sleep(50);
        }
        master.stop();
        t.join();
        say(
            "SCANNED "
                + tree.readJob(job).counters().objectsTotal()
                + " "
                + tree.countTasks(job, TaskState.PENDING));
        break;
      default:
        throw new IllegalArgumentException("mode " + mode);
    }
    System.exit(0);
  }

  private static void say(String line) {
    synchronized (System.out) {
      System.out.println(line);
      System.out.flush();
    }
  }

  private static String pid() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    return name.substring(0, name.indexOf('@'));
  }

  static String classpathOfThisJvm() {
    return System.getProperty("java.class.path");
  }

  static String java() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }
}
