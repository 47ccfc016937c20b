package io.ossimport.core.worker;

import com.aliyun.oss.model.MultipartUpload;
import com.aliyun.oss.model.MultipartUploadListing;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.CorruptFileException;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.MultipartState;
import io.ossimport.core.jobtree.NameCodec;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.jobtree.TaskFileReader;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.oss.OssClients;
import io.ossimport.core.oss.OssDestination;
import io.ossimport.core.oss.OssFailures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The multipart uploads a job may have left open in the destination bucket, where OSS keeps (and
 * bills) their parts until they are aborted: those its worker files record (a killed worker, a
 * stopped task) and those open on the keys of its unfinished tasks that no record names (a worker
 * killed between InitiateMultipartUpload and its record, or a Spark executor, whose records are in
 * its private temporary tree). For {@code clean}, which must abort them before the job's files go,
 * and for a Spark task run again after a lost attempt.
 */
public final class OpenUploads {
  private OpenUploads() {}

  /**
   * For `clean` (works without a running service): aborts every multipart upload recorded under
   * worker/jobs/&lt;job&gt;, then, for every task of the job that is not in succeed_tasks (pending,
   * dispatched, failed), the uploads open on the task's destination keys ({@link #abortOnKeys}):
   * one paged ListMultipartUploads per unfinished task, one task's keys in memory at a time. A job
   * that ended with every task done costs no listing; one killed mid-way costs as many listings as
   * it had tasks unfinished, which is cheap beside the parts left billed. An upload OSS no longer
   * knows counts as aborted. A TASK file that cannot be read is skipped, named to {@code warnings}.
   *
   * @return how many uploads were aborted
   * @throws IOException naming the uploads (or tasks) whose uploads could not be aborted (the job's
   *     files stay, so {@code clean} can be run again), or if the job's files cannot be read
   */
  public static int abortAll(
      JobTree tree, String jobName, JobConfig config, Consumer<String> warnings)
      throws IOException {
    int aborted = 0;
    List<String> failures = new ArrayList<>();
    try (OssDestination destination =
        new OssDestination(OssClients.create(config, 2), config.destBucket())) {
      aborted += abortRecorded(tree, jobName, destination, failures);
      for (TaskState state :
          new TaskState[] {TaskState.PENDING, TaskState.DISPATCHED, TaskState.FAILED}) {
        try (Stream<TaskRef> tasks = tree.tasks(jobName, state)) {
          for (Iterator<TaskRef> it = tasks.iterator(); it.hasNext(); ) {
            TaskRef task = it.next();
            Set<String> keys;
            try {
              keys = destinationKeys(tree, jobName, task);
            } catch (CorruptFileException e) {
              warnings.accept(
                  "the open multipart uploads on the keys of task "
                      + task.id()
                      + " (if any) are left in the bucket: "
                      + e.getMessage());
              continue;
            }
            try {
              aborted += abortOnKeys(destination, keys);
            } catch (RuntimeException e) {
              failures.add(
                  "the uploads on the keys of task "
                      + task.id()
                      + " ("
                      + OssFailures.classify(e)
                      + ")");
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
              + ": could not abort open multipart uploads in bucket "
              + config.destBucket()
              + " ("
              + failures.size()
              + " failed): "
              + String.join(", ", failures.subList(0, Math.min(5, failures.size())))
              + (failures.size() > 5 ? ", ..." : "")
              + "; check destDomain and the AccessKey, then run clean again");
    }
    return aborted;
  }

  private static int abortRecorded(
      JobTree tree, String jobName, OssDestination destination, List<String> failures)
      throws IOException {
    int aborted = 0;
    try (Stream<TaskId> tasks = tree.workerTasks(jobName)) {
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
    }
    return aborted;
  }

  private static Set<String> destinationKeys(JobTree tree, String jobName, TaskRef task)
      throws IOException {
    Set<String> keys = new HashSet<>();
    try (TaskFileReader reader = tree.openTask(jobName, task)) {
      for (TaskEntry e = reader.next(); e != null; e = reader.next()) {
        keys.add(e.destination()); // the TASK holds full keys, destPrefix included
      }
    }
    return keys;
  }

  /**
   * For a task run again after an attempt that left no records (a lost Spark executor): aborts the
   * uploads open on the destination keys of {@code entries}, with a client of its own.
   *
   * @return how many uploads were aborted
   * @throws RuntimeException the SDK's, if a listing or an abort fails
   */
  public static int abortOnKeys(JobConfig config, List<TaskEntry> entries) {
    if (entries.isEmpty()) {
      return 0;
    }
    Set<String> keys = new HashSet<>();
    for (TaskEntry e : entries) {
      keys.add(e.destination());
    }
    try (OssDestination destination =
        new OssDestination(OssClients.create(config, 2), config.destBucket())) {
      return abortOnKeys(destination, keys);
    }
  }

  /**
   * Aborts the uploads open on {@code keys}: one ListMultipartUploads under the longest prefix the
   * keys share, paged (1,000 uploads a page, those of other keys under that prefix included, and
   * left alone), and an AbortMultipartUpload for each upload on one of the keys, whoever started
   * it: call it only for keys no live writer of this job is sending.
   *
   * @return how many uploads were aborted
   * @throws RuntimeException the SDK's, if a listing or an abort fails
   */
  public static int abortOnKeys(OssDestination destination, Collection<String> keys) {
    if (keys.isEmpty()) {
      return 0;
    }
    String prefix = null;
    for (String key : keys) {
      prefix = prefix == null ? key : commonPrefix(prefix, key);
    }
    int aborted = 0;
    String keyMarker = null;
    String uploadMarker = null;
    MultipartUploadListing page;
    do {
      page = destination.openUploads(prefix, keyMarker, uploadMarker);
      for (MultipartUpload u : page.getMultipartUploads()) {
        if (keys.contains(u.getKey())) {
          destination.abort(u.getKey(), u.getUploadId());
          aborted++;
        }
      }
      keyMarker = page.getNextKeyMarker();
      uploadMarker = page.getNextUploadIdMarker();
    } while (page.isTruncated());
    return aborted;
  }

  /**
   * For a task whose worker files went with it (a Spark executor's temporary tree): aborts the
   * uploads they still record.
   *
   * @throws RuntimeException the SDK's, if an abort fails
   */
  public static void abortRecorded(JobConfig config, Iterator<MultipartState> uploads) {
    try (OssDestination destination =
        new OssDestination(OssClients.create(config, 2), config.destBucket())) {
      while (uploads.hasNext()) {
        MultipartState u = uploads.next();
        destination.abort(u.destinationKey(), u.uploadId());
      }
    }
  }

  /** The longest common prefix of two keys, never ending in half a surrogate pair. */
  static String commonPrefix(String a, String b) {
    int n = Math.min(a.length(), b.length());
    int i = 0;
    while (i < n && a.charAt(i) == b.charAt(i)) {
      i++;
    }
    // Not in the middle of a surrogate pair: the prefix must stay valid UTF-16.
    if (i > 0 && Character.isHighSurrogate(a.charAt(i - 1))) {
      i--;
    }
    return a.substring(0, i);
  }
}
