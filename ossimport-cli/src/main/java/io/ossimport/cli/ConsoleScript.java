package io.ossimport.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The console script beside the import ({@code console.sh} run by bash, or {@code console.bat} by
 * {@code cmd.exe /c}): it owns the service's command line, so the one-key import starts the service
 * through it.
 */
final class ConsoleScript {
  private final Path script;

  ConsoleScript(Path script) {
    this.script = script;
  }

  /**
   * Runs {@code <script> start} and waits for it; its output is captured with its stderr. Exit code
   * {@link ExitCode#SERVICE_STATE} means a service already runs on this package ({@link
   * #alreadyRunning}).
   */
  CommandRun start() {
    List<String> command = new ArrayList<String>();
    if (isBatch()) {
      command.addAll(Arrays.asList("cmd.exe", "/c"));
    } else {
      command.add("bash");
    }
    command.add(script.toString());
    command.add("start");
    try {
      Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
      process.getOutputStream().close();
      String output = readAll(process.getInputStream(), Charset.defaultCharset());
      return new CommandRun(process.waitFor(), output);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new InterruptedIOException("interrupted"));
    }
  }

  /** Whether {@code start} found the service running already. */
  static boolean alreadyRunning(CommandRun start) {
    return start.code() == ExitCode.SERVICE_STATE.code();
  }

  /** How the user runs the script: {@code bash console.sh} or {@code console.bat}. */
  String userCommand() {
    String name = script.getFileName().toString();
    return isBatch() ? name : "bash " + name;
  }

  private boolean isBatch() {
    return script.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".bat");
  }

  private static String readAll(InputStream in, Charset charset) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    for (int n; (n = in.read(buffer)) > 0; ) {
      bytes.write(buffer, 0, n);
    }
    return new String(bytes.toByteArray(), charset);
  }
}
