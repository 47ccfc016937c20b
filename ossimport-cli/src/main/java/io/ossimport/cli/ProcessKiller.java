package io.ossimport.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Kills one process by its PID with the operating system's tool (Java 8 has no ProcessHandle). */
final class ProcessKiller {
  private ProcessKiller() {}

  /** Forcibly ends process {@code pid}; refuses this JVM's own PID. */
  static void kill(long pid) throws CommandFailure, InterruptedException {
    if (pid <= 0 || pid == ownPid()) {
      throw new CommandFailure(ExitCode.RUNTIME, "refusing to kill pid " + pid + ".");
    }
    List<String> command = killCommand(pid, isWindows());
    int exit;
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      drain(process);
      exit = process.waitFor();
    } catch (IOException e) {
      throw new CommandFailure(
          ExitCode.RUNTIME, "cannot run " + command.get(0) + " to kill pid " + pid + ": " + e);
    }
    if (exit != 0) {
      throw new CommandFailure(
          ExitCode.RUNTIME,
          String.join(" ", command)
              + " failed with exit code "
              + exit
              + "; stop pid "
              + pid
              + " by hand.");
    }
  }

  static List<String> killCommand(long pid, boolean windows) {
    String id = Long.toString(pid);
    return windows ? Arrays.asList("taskkill", "/F", "/PID", id) : Arrays.asList("kill", "-9", id);
  }

  private static boolean isWindows() {
    return System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows");
  }

  private static long ownPid() {
    String name = ManagementFactory.getRuntimeMXBean().getName();
    int at = name.indexOf('@');
    try {
      return Long.parseLong(at > 0 ? name.substring(0, at) : name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static void drain(Process process) throws IOException {
    byte[] buffer = new byte[4096];
    while (process.getInputStream().read(buffer) >= 0) {
      // the tool's message is not needed: its exit code says enough
    }
  }
}
