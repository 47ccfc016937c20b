package io.ossimport.spark;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.UploadPartRequest;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.oss.OssClients;
import java.io.ByteArrayInputStream;
import java.util.List;
import org.apache.spark.SparkEnv;

/**
 * A test hook: the Spark property {@value #PROPERTY} makes the first attempt of every task die as
 * an executor killed mid-task would, after sending half of the task's objects ({@code half}), and
 * also leaving a multipart upload open on a key it did not finish ({@code halfAndUpload}). Unset
 * (always, outside tests), it does nothing. The death is an exception after the work, so Spark runs
 * the task again ({@code local[N,2]} or a cluster's {@code spark.task.maxFailures}).
 */
final class FirstAttemptLoss {
  static final String PROPERTY = "spark.ossimport.test.loseFirstAttempt";

  private static final FirstAttemptLoss NONE = new FirstAttemptLoss("");

  private final String mode;

  private FirstAttemptLoss(String mode) {
    this.mode = mode;
  }

  /** The hook for an attempt; none for a task that ran before or when the property is unset. */
  static FirstAttemptLoss configured(boolean ranBefore) {
    SparkEnv env = SparkEnv.get();
    String mode = env == null ? "" : env.conf().get(PROPERTY, "");
    return ranBefore || mode.isEmpty() ? NONE : new FirstAttemptLoss(mode);
  }

  /** The entries this attempt runs: all of them, or the first half of a task to be lost. */
  List<TaskEntry> entriesToRun(List<TaskEntry> all) {
    return this == NONE || all.size() < 2 ? all : all.subList(0, all.size() / 2);
  }

  /** After the worker ran: dies (throws) when this attempt is to be lost. */
  void afterRun(TaskShipment task, JobConfig config) {
    if (this == NONE || task.entries.size() < 2) {
      return;
    }
    if (mode.equals("halfAndUpload")) {
      leaveUploadOpen(config, task.entries.get(task.entries.size() - 1).destination);
    }
    throw new IllegalStateException(
        "test hook " + PROPERTY + "=" + mode + ": " + task + " lost after half its objects");
  }

  private static void leaveUploadOpen(JobConfig config, String key) {
    OSS client = OssClients.create(config, 2);
    try {
      String uploadId =
          client
              .initiateMultipartUpload(new InitiateMultipartUploadRequest(config.destBucket(), key))
              .getUploadId();
      UploadPartRequest part = new UploadPartRequest();
      part.setBucketName(config.destBucket());
      part.setKey(key);
      part.setUploadId(uploadId);
      part.setPartNumber(1);
      byte[] bytes = new byte[1024];
      part.setInputStream(new ByteArrayInputStream(bytes));
      part.setPartSize(bytes.length);
      client.uploadPart(part);
    } finally {
      client.shutdown();
    }
  }
}
