import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.model.CompleteMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.PartETag;
import com.aliyun.oss.model.UploadPartRequest;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The raw ceiling: N threads of plain SDK putObject (multipart with parallel parts above a
 * threshold) from a directory to the emulator, no bookkeeping at all.
 *
 * <p>Arguments: ENDPOINT AK SK BUCKET PREFIX DIR THREADS THRESHOLD_BYTES PART_BYTES
 */
public final class RawPut {
  public static void main(String[] a) throws Exception {
    String bucket = a[3];
    String prefix = a[4];
    final Path dir = Paths.get(a[5]);
    int threads = Integer.parseInt(a[6]);
    long threshold = Long.parseLong(a[7]);
    long partSize = Long.parseLong(a[8]);
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setMaxConnections(threads * 2);
    OSS client =
        OSSClientBuilder.create()
            .endpoint(a[0])
            .credentialsProvider(new DefaultCredentialProvider(a[1], a[2]))
            .clientConfiguration(conf)
            .build();
    long t0 = System.nanoTime();
    List<Path> files;
    try (Stream<Path> s = Files.walk(dir)) {
      files = s.filter(Files::isRegularFile).sorted().collect(Collectors.toList());
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Future<?>> pending = new ArrayList<Future<?>>();
    final AtomicReference<Throwable> failure = new AtomicReference<Throwable>();
    long bytes = 0;
    for (Path p : files) {
      final File f = p.toFile();
      final String key = prefix + dir.relativize(p).toString().replace(File.separatorChar, '/');
      final long size = f.length();
      bytes += size;
      if (size < threshold) {
        pending.add(pool.submit(() -> client.putObject(bucket, key, f)));
      } else {
        final String uploadId =
            client
                .initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key))
                .getUploadId();
        final int parts = (int) ((size + partSize - 1) / partSize);
        final PartETag[] tags = new PartETag[parts];
        final AtomicInteger left = new AtomicInteger(parts);
        for (int i = 0; i < parts; i++) {
          final int n = i;
          final long off = n * partSize;
          final long len = Math.min(partSize, size - off);
          pending.add(
              pool.submit(
                  () -> {
                    try (InputStream in = new FileInputStream(f)) {
                      skipFully(in, off);
                      UploadPartRequest r =
                          new UploadPartRequest(bucket, key, uploadId, n + 1, in, len);
                      tags[n] = client.uploadPart(r).getPartETag();
                    } catch (IOException e) {
                      failure.compareAndSet(null, e);
                      return;
                    }
                    if (left.decrementAndGet() == 0) {
                      client.completeMultipartUpload(
                          new CompleteMultipartUploadRequest(
                              bucket, key, uploadId, new ArrayList<PartETag>(Arrays.asList(tags))));
                    }
                  }));
        }
      }
    }
    for (Future<?> f : pending) {
      try {
        f.get();
      } catch (java.util.concurrent.ExecutionException e) {
        failure.compareAndSet(null, e.getCause());
      }
    }
    pool.shutdown();
    pool.awaitTermination(1, TimeUnit.MINUTES);
    double secs = (System.nanoTime() - t0) / 1e9;
    client.shutdown();
    if (failure.get() != null) {
      System.err.println("RawPut failed: " + failure.get());
      System.exit(1);
    }
    System.out.printf("raw %d files %d bytes %.3f s (%d threads)%n", files.size(), bytes, secs, threads);
  }

  private static void skipFully(InputStream in, long n) throws IOException {
    while (n > 0) {
      long s = in.skip(n);
      if (s <= 0) {
        throw new IOException("cannot skip to part offset");
      }
      n -= s;
    }
  }
}
