package io.ossimport.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.MultipartUpload;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** A re-run task aborts the uploads open on its own keys, and only those. */
@ExtendWith(OssEmulatorExtension.class)
class LostAttemptUploadsTest {
  OssEmulator oss;

  @Test
  void theUploadsOnTheTasksKeysAreAbortedAndOthersStay() throws Exception {
    oss.createBucketIfMissing("lost-uploads");
    OSS client =
        new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
    try {
      for (String key : new String[] {"backup/a/1", "backup/a/2", "backup/a/2", "backup/a/3"}) {
        client.initiateMultipartUpload(new InitiateMultipartUploadRequest("lost-uploads", key));
      }
      List<TaskEntry> task =
          Arrays.asList(
              TaskEntry.of("/src/a/1", "backup/a/1", 9, 1),
              TaskEntry.of("/src/a/2", "backup/a/2", 9, 1));

      assertEquals(3, LostAttemptUploads.abort(job(), task));

      List<String> open = new ArrayList<>();
      for (MultipartUpload u :
          client
              .listMultipartUploads(new ListMultipartUploadsRequest("lost-uploads"))
              .getMultipartUploads()) {
        open.add(u.getKey());
      }
      assertEquals(Collections.singletonList("backup/a/3"), open);
    } finally {
      client.shutdown();
    }
  }

  @Test
  void theCommonPrefixStopsBeforeAHalfSurrogatePair() {
    assertEquals("backup/a/", LostAttemptUploads.commonPrefix("backup/a/1", "backup/a/2"));
    assertEquals("x", LostAttemptUploads.commonPrefix("x\uD83D\uDE00", "x\uD83D\uDE01"));
    assertEquals("", LostAttemptUploads.commonPrefix("a", "b"));
  }

  private JobConfig job() throws Exception {
    Map<String, String> keys = new LinkedHashMap<>();
    keys.put("jobName", "lost");
    keys.put("srcType", "local");
    keys.put("srcPrefix", "/src/");
    keys.put("destDomain", oss.endpoint());
    keys.put("destBucket", "lost-uploads");
    keys.put("destAccessKey", oss.accessKeyId());
    keys.put("destSecretKey", oss.secretAccessKey());
    keys.put("destPrefix", "backup/");
    return new JobConfigLoader(Collections.<String, String>emptyMap()).load(keys, "test").config();
  }
}
