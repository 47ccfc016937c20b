package io.ossimport.emulator;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 16 threads x 1,000 PUT/GET pairs against a disk-backed emulator; every byte compared. */
class ConcurrencyIT {
  @Test
  void sixteenThreadsPutAndGetTheirOwnContent(@TempDir Path dir) throws Exception {
    try (OssEmulator oss = OssEmulator.builder().dataDir(dir).bucket("conc").build().start()) {
      ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
      conf.setMaxConnections(32);
      conf.setMaxErrorRetry(0);
      final OSS client =
          OSSClientBuilder.create()
              .endpoint(oss.endpoint())
              .credentialsProvider(
                  new DefaultCredentialProvider(oss.accessKeyId(), oss.secretAccessKey()))
              .clientConfiguration(conf)
              .build();
      ExecutorService pool = Executors.newFixedThreadPool(16);
      List<Future<Integer>> results = new ArrayList<Future<Integer>>();
      for (int t = 0; t < 16; t++) {
        final int thread = t;
        results.add(
            pool.submit(
                () -> {
                  int ok = 0;
                  for (int i = 0; i < 1000; i++) {
                    String key = "t" + thread + "/k" + (i % 50);
                    byte[] body = (key + "#" + i + "#" + thread).getBytes(StandardCharsets.UTF_8);
                    client.putObject("conc", key, new ByteArrayInputStream(body));
                    byte[] got =
                        FaultInjectionTest.ObjectReads.readAll(
                            client.getObject("conc", key).getObjectContent());
                    assertArrayEquals(body, got);
                    ok++;
                  }
                  return ok;
                }));
      }
      int total = 0;
      for (Future<Integer> f : results) {
        total += f.get();
      }
      pool.shutdown();
      client.shutdown();
      assertEquals(16_000, total);
      assertEquals(16_000, oss.counters().get(Operation.PutObject));
      assertEquals(800, oss.store().objectCount("conc"));
    }
  }
}
