package io.ossimport.spark;

import com.aliyun.oss.OSS;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.ListMultipartUploadsRequest;
import com.aliyun.oss.model.MultipartUpload;
import com.aliyun.oss.model.MultipartUploadListing;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.MultipartState;
import io.ossimport.core.jobtree.TaskEntry;
import io.ossimport.core.oss.OssClients;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Multipart uploads that an attempt of a task left open. An executor killed mid-object takes the
 * records of its uploads with it (they were in its temporary tree), so the next attempt finds them
 * at the destination: one ListMultipartUploads under the longest prefix the task's keys share,
 * paged, and an AbortMultipartUpload for each upload on one of the task's keys. Speculative
 * execution is off ({@link SparkDriver}), so no other live attempt of the task owns one of them.
 */
final class LostAttemptUploads {
  private LostAttemptUploads() {}

  /** Aborts the open uploads on the destination keys of {@code entries}; returns how many. */
  static int abort(JobConfig config, List<TaskEntry> entries) {
    if (entries.isEmpty()) {
      return 0;
    }
    Set<String> keys = new HashSet<String>();
    String prefix = null;
    for (TaskEntry e : entries) {
      String key = e.destination(); // the TASK holds full keys, destPrefix included
      keys.add(key);
      prefix = prefix == null ? key : commonPrefix(prefix, key);
    }
    OSS client = OssClients.create(config, 2);
    int aborted = 0;
    try {
      String keyMarker = null;
      String uploadMarker = null;
      MultipartUploadListing page;
      do {
        ListMultipartUploadsRequest request = new ListMultipartUploadsRequest(config.destBucket());
        request.setPrefix(prefix);
        request.setKeyMarker(keyMarker);
        request.setUploadIdMarker(uploadMarker);
        page = client.listMultipartUploads(request);
        for (MultipartUpload u : page.getMultipartUploads()) {
          if (keys.contains(u.getKey())) {
            client.abortMultipartUpload(
                new AbortMultipartUploadRequest(config.destBucket(), u.getKey(), u.getUploadId()));
            aborted++;
          }
        }
        keyMarker = page.getNextKeyMarker();
        uploadMarker = page.getNextUploadIdMarker();
      } while (page.isTruncated());
    } finally {
      client.shutdown();
    }
    return aborted;
  }

  /** Aborts uploads the worker recorded and did not finish. */
  static void abortRecorded(JobConfig config, Iterator<MultipartState> uploads) {
    OSS client = OssClients.create(config, 2);
    try {
      while (uploads.hasNext()) {
        MultipartState u = uploads.next();
        client.abortMultipartUpload(
            new AbortMultipartUploadRequest(config.destBucket(), u.destinationKey(), u.uploadId()));
      }
    } finally {
      client.shutdown();
    }
  }

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
