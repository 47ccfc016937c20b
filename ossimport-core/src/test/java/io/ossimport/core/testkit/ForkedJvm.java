package io.ossimport.core.testkit;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@link ForkedService} in a child JVM: its output lines, kill -9, and its exit. */
public final class ForkedJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final Thread reader;

  private ForkedJvm(Process process) {
    this.process = process;
    this.reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                  synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                  }
                }
              } catch (IOException e) {
                // the child died; its lines so far are kept
              }
            },
            "forked-output");
    reader.setDaemon(true);
    reader.start();
  }

  /**
   * Starts {@code ForkedService <mode> <job> <sys keys...>} with this JVM's class path.
   *
   * @param jvmOptions e.g. {@code -Xmx64m}
   */
  public static ForkedJvm start(List<String> jvmOptions, String mode, String job, String... sys)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(ForkedService.java());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(ForkedService.classpathOfThisJvm());
    command.add(ForkedService.class.getName());
    command.add(mode);
    command.add(job);
    command.addAll(Arrays.asList(sys));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().put("LANG", "C.UTF-8");
    return new ForkedJvm(pb.start());
  }

  /** Waits for a line starting with {@code prefix} and returns it. */
  public String awaitLine(String prefix, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    synchronized (lines) {
      while (true) {
        for (String line : lines) {
          if (line.startsWith(prefix)) {
            return line;
          }
        }
        long left = deadline - System.currentTimeMillis();
        if (left <= 0 || (!process.isAlive() && !reader.isAlive())) {
          throw new AssertionError("no line '" + prefix + "...' from the child:\n" + output());
        }
        lines.wait(Math.min(left, 200));
      }
    }
  }

  /** kill -9. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Waits for the child to exit and returns its exit code. */
  public int awaitExit(long timeoutMillis) throws InterruptedException {
    if (!process.waitFor(timeoutMillis, TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the child did not exit:\n" + output());
    }
    reader.join(5000);
    return process.exitValue();
  }

  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroyForcibly();
      try {
        process.waitFor(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
