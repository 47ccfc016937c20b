import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.jobtree.JobRecord;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.master.Master;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Paths;

/**
 * W4: the engine's scan and split alone. Submits the job, runs the master (the scanner and task
 * cutter, writing tasks into the job tree crash-safely as the service does) until the scan is
 * finished, and prints objects, tasks, seconds and the heap's peak.
 *
 * <p>Arguments: SYS_PROPERTIES JOB_CFG
 */
public final class ScanOnly {
  public static void main(String[] a) throws Exception {
    ImportListener events =
        new ImportListener() {
          @Override
          public void onEvent(ImportEvent e) {
            if (!e.isProgress() && (e.level() == ImportEvent.Level.ERROR || e.level() == ImportEvent.Level.WARN)) {
              System.err.println(e.level() + " " + e.message());
            }
          }
        };
    OssImport ossimport = OssImport.open(Paths.get(a[0]), events);
    long t0 = System.nanoTime();
    String job = ossimport.submit(Paths.get(a[1])).jobName();
    JobTree tree = new JobTree(ossimport.workingDir());
    Master master = new Master(tree, events, () -> {});
    Thread t = new Thread(master, "master");
    t.start();
    JobRecord r = tree.readJob(job);
    while (!r.scanFinished()) {
      if (!t.isAlive()) {
        throw new IllegalStateException("the master ended before the scan finished: " + r);
      }
      Thread.sleep(20);
      r = tree.readJob(job);
    }
    double secs = (System.nanoTime() - t0) / 1e9;
    master.stop();
    t.join();
    long peak = 0;
    for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
      if (p.getType() == MemoryType.HEAP) {
        peak += p.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "scan %d objects %d tasks %.3f s peakHeapMB %.1f%n",
        r.counters().objectsTotal(),
        tree.countTasks(job).total(),
        secs,
        peak / 1048576.0);
  }
}
