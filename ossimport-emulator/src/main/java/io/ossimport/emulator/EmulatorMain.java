package io.ossimport.emulator;

import java.io.PrintStream;
import java.nio.file.Paths;
import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code java -jar ossimport-emulator.jar [options]}. Prints the bound URL as the
 * first line of standard output, then serves until SIGTERM or Ctrl-C. Exit 2 on a bad option.
 */
public final class EmulatorMain {
  private static final String USAGE =
      "Usage: java -jar ossimport-emulator.jar [options]\n"
          + "  --port N                 port to bind (default 0 = any free port)\n"
          + "  --host ADDR              interface to bind (default 127.0.0.1)\n"
          + "  --data DIR               keep data in DIR (survives restarts)\n"
          + "  --memory                 keep data in memory (default)\n"
          + "  --fsync                  fsync each object before it becomes visible\n"
          + "  --access-key ID          access key id (with --secret-key)\n"
          + "  --secret-key SECRET      secret of --access-key\n"
          + "  --credentials ID:SECRET  an accepted key pair (repeatable)\n"
          + "  --region R               region for V4 signatures (default cn-hangzhou)\n"
          + "  --base-host NAME         virtual-host base: <bucket>.NAME (default localhost)\n"
          + "  --bucket NAME            create this bucket at start (repeatable)\n"
          + "  --anonymous              serve unsigned requests\n"
          + "  --help                   this text\n"
          + "Admin endpoint (no signature): GET /_emulator/counters, POST /_emulator/faults?...";

  private EmulatorMain() {}

  public static void main(String[] args) throws Exception {
    int code = run(args, System.out, System.err);
    if (code >= 0) {
      System.exit(code);
    }
  }

  /** Starts and blocks until shutdown; returns an exit code only when it does not serve. */
  static int run(String[] args, PrintStream out, PrintStream err) throws Exception {
    OssEmulator.Builder b = OssEmulator.builder();
    String accessKey = null;
    String secretKey = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--help":
          case "-h":
            out.println(USAGE);
            return 0;
          case "--port":
            b.port(Integer.parseInt(value(args, ++i, a)));
            break;
          case "--host":
            b.host(value(args, ++i, a));
            break;
          case "--data":
            b.dataDir(Paths.get(value(args, ++i, a)));
            break;
          case "--memory":
            b.inMemory();
            break;
          case "--fsync":
            b.fsync(true);
            break;
          case "--access-key":
            accessKey = value(args, ++i, a);
            break;
          case "--secret-key":
            secretKey = value(args, ++i, a);
            break;
          case "--credentials":
            String pair = value(args, ++i, a);
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
              throw new IllegalArgumentException("--credentials needs ID:SECRET");
            }
            b.credentials(pair.substring(0, colon), pair.substring(colon + 1));
            break;
          case "--region":
            b.region(value(args, ++i, a));
            break;
          case "--base-host":
            b.baseHost(value(args, ++i, a));
            break;
          case "--bucket":
            b.bucket(value(args, ++i, a));
            break;
          case "--anonymous":
            b.allowAnonymous(true);
            break;
          default:
            throw new IllegalArgumentException("unknown option " + a + " (see --help)");
        }
      }
      if ((accessKey == null) != (secretKey == null)) {
        throw new IllegalArgumentException("--access-key and --secret-key go together");
      }
      if (accessKey != null) {
        b.credentials(accessKey, secretKey);
      }
    } catch (IllegalArgumentException e) {
      err.println("ossimport-emulator: " + e.getMessage());
      return 2;
    }
    final OssEmulator emulator = b.build().start();
    out.println(emulator.endpoint());
    out.flush();
    err.println(
        "ossimport-emulator: serving OSS on "
            + emulator.endpoint()
            + " (access key id "
            + emulator.accessKeyId()
            + ", region "
            + emulator.region()
            + ")");
    final CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    emulator.close();
                  } catch (Exception e) {
                    // exiting anyway
                  }
                  stopped.countDown();
                },
                "oss-emulator-shutdown"));
    stopped.await();
    return -1;
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
