package io.ossimport.core.jobtree;

import java.nio.file.Paths;

/**
 * A second JVM for {@link ServiceLockIT}: {@code hold <dir>} takes the lock, prints {@code LOCKED
 * <pid>} and holds it until stdin closes; {@code try <dir>} tries once and prints {@code LOCKED} or
 * {@code REFUSED <message>}; {@code probe <dir>} prints {@code PROBING} and asks whether the lock
 * is held, over and over (as {@code stat --follow} does), until stdin closes.
 */
public final class ServiceLockChild {
  private ServiceLockChild() {}

  public static void main(String[] args) throws Exception {
    JobTree tree = new JobTree(Paths.get(args[1]));
    if (args[0].equals("probe")) {
      System.out.println("PROBING");
      System.out.flush();
      while (System.in.available() == 0) {
        tree.isServiceRunning();
      }
      return;
    }
    try (ServiceLock lock = tree.lockService("service")) {
      System.out.println((lock.isValid() ? "LOCKED " : "INVALID ") + ServiceLock.currentPid());
      System.out.flush();
      if (args[0].equals("hold")) {
        while (System.in.read() >= 0) {
          // hold until the parent closes our stdin
        }
      }
    } catch (WorkingDirLockedException e) {
      System.out.println("REFUSED " + e.getMessage());
      System.exit(3);
    }
  }
}
