package io.ossimport.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI as a real forked process: URL first on stdout, serves, stops on SIGTERM. */
class EmulatorMainIT {
  private static ProcessBuilder java(String... args) {
    String javaBin =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    String[] cmd = new String[args.length + 4];
    cmd[0] = javaBin;
    cmd[1] = "-cp";
    cmd[2] = System.getProperty("java.class.path");
    cmd[3] = EmulatorMain.class.getName();
    System.arraycopy(args, 0, cmd, 4, args.length);
    return new ProcessBuilder(cmd);
  }

  @Test
  void printsTheUrlFirstServesAndStopsOnSigterm(@TempDir Path dir) throws Exception {
    Process p =
        java(
                "--port",
                "0",
                "--data",
                dir.toString(),
                "--credentials",
                "cli-ak:cli-secret-value",
                "--bucket",
                "from-cli",
                "--anonymous")
            .redirectError(dir.resolve("stderr.txt").toFile())
            .start();
    try {
      BufferedReader out =
          new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
      String url = out.readLine();
      assertTrue(url.matches("http://127\\.0\\.0\\.1:\\d+"), url);
      assertEquals(200, RawHttp.call("PUT", url + "/from-cli/k", new byte[] {1, 2}).status);
      assertEquals(2, RawHttp.call("GET", url + "/from-cli/k", null).body.length);
      p.destroy(); // SIGTERM
      assertTrue(p.waitFor(10, TimeUnit.SECONDS));
      String err =
          new String(Files.readAllBytes(dir.resolve("stderr.txt")), StandardCharsets.UTF_8);
      assertFalse(err.contains("cli-secret-value"), "secret must not be logged: " + err);
      assertTrue(Files.exists(dir.resolve("buckets").resolve("from-cli")));
    } finally {
      p.destroyForcibly();
    }
  }

  @Test
  void badFlagIsOneLineOnStderrAndExitCode2() throws Exception {
    Process p = java("--bogus").start();
    assertTrue(p.waitFor(10, TimeUnit.SECONDS));
    assertEquals(2, p.exitValue());
    BufferedReader err =
        new BufferedReader(new InputStreamReader(p.getErrorStream(), StandardCharsets.UTF_8));
    String line = err.readLine();
    assertTrue(line.contains("--bogus"), line);
    assertEquals(null, err.readLine());
    Process help = java("--help").start();
    assertTrue(help.waitFor(10, TimeUnit.SECONDS));
    assertEquals(0, help.exitValue());
  }
}
