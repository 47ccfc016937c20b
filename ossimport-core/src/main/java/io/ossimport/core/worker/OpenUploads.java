package io.ossimport.core.worker;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.MultipartState;
import io.ossimport.core.jobtree.NameCodec;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.oss.OssClients;
import io.ossimport.core.oss.OssDestination;
import io.ossimport.core.oss.OssFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The multipart uploads a job's worker files record (a killed worker, a stopped task). For {@code
 * clean}, which must abort them before the job's files go, or OSS keeps (and bills) their parts.
 */
public final class OpenUploads {
  private OpenUploads() {}

  /**
   * For `clean`: aborts every multipart upload recorded under worker/jobs/&lt;job&gt; (works
   * without a running service). An upload OSS no longer knows counts as aborted.
   *
   * @return how many recorded uploads were aborted
   * @throws IOException naming the uploads that could not be aborted (the records stay), or if the
   *     worker files cannot be read
   */
  public static int abortAll(JobTree tree, String jobName, JobConfig config) throws IOException {
    int aborted = 0;
    List<String> failures = new ArrayList<>();
    try (OssDestination destination =
            new OssDestination(OssClients.create(config, 2), config.destBucket());
        Stream<TaskId> tasks = tree.workerTasks(jobName)) {
      for (Iterator<TaskId> it = tasks.iterator(); it.hasNext(); ) {
        try (Stream<MultipartState> uploads =
            tree.workerFiles(jobName, it.next()).multipartUploads()) {
          for (Iterator<MultipartState> u = uploads.iterator(); u.hasNext(); ) {
            MultipartState upload = u.next();
            try {
              destination.abort(upload.destinationKey(), upload.uploadId());
              aborted++;
            } catch (RuntimeException e) {
              failures.add(
                  NameCodec.escape(upload.destinationKey()) + " (" + OssFailures.classify(e) + ")");
            }
          }
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    if (!failures.isEmpty()) {
      throw new IOException(
          "job "
              + jobName
              + ": could not abort "
              + failures.size()
              + " multipart upload(s) in bucket "
              + config.destBucket()
              + ": "
              + String.join(", ", failures.subList(0, Math.min(5, failures.size())))
              + (failures.size() > 5 ? ", ..." : "")
              + "; check destDomain and the AccessKey, then run clean again");
    }
    return aborted;
  }
}
