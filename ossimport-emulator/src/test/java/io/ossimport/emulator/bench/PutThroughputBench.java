package io.ossimport.emulator.bench;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import io.ossimport.emulator.OssEmulator;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures 4 KiB PUTs per second from N SDK client threads against a disk-backed emulator.
 * Arguments: [threads=16] [seconds=10] [memory]. Prints one line per run.
 */
public final class PutThroughputBench {
  private PutThroughputBench() {}

  public static void main(String[] args) throws Exception {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 16;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    boolean memory = args.length > 2 && args[2].equals("memory");
    Path dir = Files.createTempDirectory("emulator-bench");
    OssEmulator.Builder b = OssEmulator.builder().bucket("bench");
    if (!memory) {
      b.dataDir(dir);
    }
    try (OssEmulator oss = b.build().start()) {
      ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
      conf.setMaxConnections(threads * 2);
      final OSS client =
          OSSClientBuilder.create()
              .endpoint(oss.endpoint())
              .credentialsProvider(
                  new DefaultCredentialProvider(oss.accessKeyId(), oss.secretAccessKey()))
              .clientConfiguration(conf)
              .build();
      final byte[] body = new byte[4096];
      new java.util.Random(1).nextBytes(body);
      run(client, body, threads, 2); // warm-up
      long cpu0 = serverCpuNanos();
      long count = run(client, body, threads, seconds);
      long serverCpu = serverCpuNanos() - cpu0;
      System.out.printf(
          "4KiB PUT: %d threads, %s store: %.0f PUT/s (%d in %d s); emulator CPU %.0f us/PUT%n",
          threads,
          memory ? "memory" : "disk",
          count / (double) seconds,
          count,
          seconds,
          serverCpu / 1000.0 / count);
      client.shutdown();
    }
  }

  /** CPU time of the emulator's own threads (the client shares the JVM and the 2 cores). */
  private static long serverCpuNanos() {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (java.lang.management.ThreadInfo t : mx.dumpAllThreads(false, false)) {
      if (t.getThreadName().startsWith("oss-emulator-")) {
        long c = mx.getThreadCpuTime(t.getThreadId());
        sum += Math.max(0, c);
      }
    }
    return sum;
  }

  private static long run(final OSS client, final byte[] body, int threads, int seconds)
      throws Exception {
    final long end = System.nanoTime() + seconds * 1_000_000_000L;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<Long>> fs = new ArrayList<Future<Long>>();
    for (int t = 0; t < threads; t++) {
      final int id = t;
      fs.add(
          pool.submit(
              () -> {
                long n = 0;
                while (System.nanoTime() < end) {
                  client.putObject("bench", "t" + id + "/" + n, new ByteArrayInputStream(body));
                  n++;
                }
                return n;
              }));
    }
    long total = 0;
    for (Future<Long> f : fs) {
      total += f.get();
    }
    pool.shutdown();
    return total;
  }
}
