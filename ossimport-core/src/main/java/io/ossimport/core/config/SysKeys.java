package io.ossimport.core.config;

import static io.ossimport.core.config.ConfigKey.key;
import static io.ossimport.core.config.ValueType.BOOLEAN;
import static io.ossimport.core.config.ValueType.HEAP_SIZE;
import static io.ossimport.core.config.ValueType.INTEGER;
import static io.ossimport.core.config.ValueType.SECRET;
import static io.ossimport.core.config.ValueType.TEXT;
import static io.ossimport.core.config.ValueType.TIMETABLE;

import java.util.Arrays;

/**
 * The catalogue of system keys ({@code conf/sys.properties}), reference {@code ossimport.md} §2.3,
 * with the pre-2.2.0 {@code slave*} names as deprecated aliases.
 */
public final class SysKeys {
  private static final String SERVICE = "Service";
  private static final String WORKER = "Worker";
  private static final String DISTRIBUTED = "Distributed mode (tolerated, unused standalone)";
  private static final int INT_MAX = Integer.MAX_VALUE;

  public static final ConfigKey WORKING_DIR =
      key("workingDir", TEXT)
          .group(SERVICE)
          .defaultValue(".")
          .describe(
              "Working directory holding the job tree (master/, worker/, logs/). Standalone:"
                  + " leave it at '.', the package directory.")
          .rule("Must not be empty (empty means the default '.').")
          .reference("§2.3 [C, S3, S4, S5, S7, S9]")
          .build();
  public static final ConfigKey WORKER_TASK_THREAD_NUM =
      key("workerTaskThreadNum", INTEGER)
          .group(WORKER)
          .aliases("slaveTaskThreadNum")
          .defaultValue("60")
          .range(1, INT_MAX)
          .describe(
              "Most tasks a worker runs at once (more threads use more memory). About 150 on"
                  + " physical hosts, about 30 on poor networks.")
          .rule("Whole number ≥ 1; a warning above 150.")
          .reference("§2.3 [C, S2, S3, S6]")
          .build();

  /** The cap of the object threads a worker adds on a slow link; see docs/WORKER.md §2. */
  public static final int MOST_OBJECT_THREADS = 1024;

  public static final ConfigKey WORKER_MAX_TASK_THREAD_NUM =
      key("workerMaxTaskThreadNum", INTEGER)
          .group(WORKER)
          .range(1, MOST_OBJECT_THREADS)
          .describe(
              "Most objects a worker moves at once when the link is slow: it starts with"
                  + " workerTaskThreadNum and adds threads while requests take long but do not"
                  + " slow down as it adds them (the link is idle, not the CPU busy), never more"
                  + " than this, fewer again when latency grows or OSS throttles (docs/WORKER.md"
                  + " §2). Empty (the default and the shipped file, as in the original's files):"
                  + " workerTaskThreadNum, fixed. 256 suits a link of 10 ms or more.")
          .rule(
              "Empty, or a whole number from workerTaskThreadNum to "
                  + MOST_OBJECT_THREADS
                  + " (OSS throttles an account past 10,000 requests a second, 2,000 with sequential"
                  + " key prefixes, OSS error 0004-00000302: 1,024 requests of 100 ms each stay"
                  + " under the first; the requests window halves on the throttling answers).")
          .reference("§2.3 workerTaskThreadNum (new key; docs/WORKER.md)")
          .build();
  public static final ConfigKey WORKER_MAX_THROUGHPUT =
      key("workerMaxThroughput(KB/s)", INTEGER)
          .group(WORKER)
          .aliases("slaveMaxThroughput(KB/s)")
          .defaultValue("0")
          .atLeast(0)
          .describe(
              "Bandwidth cap per worker in KB/s; 0 = unlimited. The key is literally"
                  + " workerMaxThroughput(KB/s). Re-read while the service runs: a change to the"
                  + " file takes effect within seconds, without a restart. The shipped file has 100000000 (about 95 GB/s,"
                  + " in effect unlimited); the documented default is 0.")
          .rule("Whole number ≥ 0.")
          .reference("§2.3, §5.9 [C, S2, S3, S8]")
          .build();
  public static final ConfigKey WORKER_THROUGHPUT_TIMETABLE =
      key("workerThroughputTimetable", TIMETABLE)
          .group(WORKER)
          .describe(
              "Bandwidth cap that changes with the time of day, as rclone's --bwlimit timetable:"
                  + " 08:00,512;19:00,off caps the worker at 512 KB/s from 08:00 and lifts the cap"
                  + " at 19:00. Each entry holds until the next one's time; before the first entry"
                  + " of the day the last one holds. Local time of the service. While it is set,"
                  + " it decides the cap and workerMaxThroughput(KB/s) is not used. Empty = no"
                  + " timetable. Like workerMaxThroughput(KB/s), re-read while the service runs.")
          .rule(
              "Empty, or entries H:MM,RATE or HH:MM,RATE separated by ; or blanks: times from"
                  + " 00:00 to 23:59, each once; RATE a whole number of KB/s above 0, or off.")
          .reference("§2.3; new here (the original had one fixed cap)")
          .build();
  public static final ConfigKey DISPATCHER_THREAD_NUM =
      key("dispatcherThreadNum", INTEGER)
          .group(SERVICE)
          .defaultValue("1")
          .range(1, INT_MAX)
          .describe("Tracker threads that dispatch tasks and confirm their status.")
          .rule("Whole number ≥ 1.")
          .reference("§2.3 [C, S1, S3, S14]")
          .build();
  public static final ConfigKey WORKER_ABORT_WHEN_UNCATCHED_EXCEPTION =
      key("workerAbortWhenUncatchedException", BOOLEAN)
          .group(WORKER)
          .aliases("slaveAbortWhenUncatchedException")
          .defaultValue("false")
          .describe("On an unexpected error: false = fail the file and go on; true = abort.")
          .rule("true or false, case-insensitive.")
          .reference("§2.3, §5.10 [C, S2, S3]")
          .build();
  public static final ConfigKey WORKER_RECORD_MD5 =
      key("workerRecordMd5", BOOLEAN)
          .group(WORKER)
          .defaultValue("false")
          .describe("Store the source file's MD5 in the object metadata x-oss-meta-md5.")
          .rule("true or false, case-insensitive.")
          .reference("§2.3 [C, S1, S2, S3]")
          .build();
  public static final ConfigKey JAVA_HEAP_MAX_SIZE =
      key("javaHeapMaxSize", HEAP_SIZE)
          .group(SERVICE)
          .defaultValue("1024m")
          .describe("JVM -Xmx of the service, read by the start scripts; kept as written.")
          .rule(
              "Digits with an optional k, m or g suffix (any case), e.g. 1024m or 4g; at least 64m"
                  + " (the start scripts give the service -Xms32m).")
          .reference("§2.3 [C, S2, S15]")
          .build();
  public static final ConfigKey WORKER_USER_NAME =
      key("workerUserName", TEXT)
          .group(DISTRIBUTED)
          .aliases("slaveUserName")
          .describe("SSH user for workers (distributed mode only).")
          .rule("Free text.")
          .reference("§2.3 [C, S2, S3]")
          .build();
  public static final ConfigKey WORKER_PASSWORD =
      key("workerPassword", SECRET)
          .group(DISTRIBUTED)
          .aliases("slavePassword")
          .describe("SSH password for workers (distributed mode only). Never shown.")
          .rule("Free text.")
          .reference("§2.3 [C, S3]")
          .build();
  public static final ConfigKey PRIVATE_KEY_FILE =
      key("privateKeyFile", TEXT)
          .group(DISTRIBUTED)
          .describe("SSH private key path; takes priority over workerPassword (distributed only).")
          .rule("Free text.")
          .reference("§2.3 [C, S3]")
          .build();
  public static final ConfigKey SSH_PORT =
      key("sshPort", INTEGER)
          .group(DISTRIBUTED)
          .defaultValue("22")
          .range(1, 65535)
          .describe("SSH port of the workers (distributed only).")
          .rule("Whole number from 1 to 65535.")
          .reference("§2.3 [C, S3]")
          .build();

  /** Every system key, in the order of the shipped standalone file. */
  public static final KeyCatalogue CATALOGUE =
      new KeyCatalogue(
          "sys.properties",
          Arrays.asList(
              WORKING_DIR,
              WORKER_USER_NAME,
              WORKER_PASSWORD,
              PRIVATE_KEY_FILE,
              SSH_PORT,
              WORKER_TASK_THREAD_NUM,
              WORKER_MAX_TASK_THREAD_NUM,
              WORKER_MAX_THROUGHPUT,
              WORKER_THROUGHPUT_TIMETABLE,
              DISPATCHER_THREAD_NUM,
              WORKER_ABORT_WHEN_UNCATCHED_EXCEPTION,
              WORKER_RECORD_MD5,
              JAVA_HEAP_MAX_SIZE));

  private SysKeys() {}
}
