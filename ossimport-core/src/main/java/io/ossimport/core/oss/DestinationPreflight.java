package io.ossimport.core.oss;

import com.aliyun.oss.ClientException;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSException;
import com.aliyun.oss.model.AbortMultipartUploadRequest;
import com.aliyun.oss.model.InitiateMultipartUploadRequest;
import com.aliyun.oss.model.ObjectMetadata;
import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobType;
import io.ossimport.core.config.WriteAttributes;
import io.ossimport.core.retry.Backoff;
import java.util.Random;
import java.util.UUID;

/**
 * The submit-time look at the destination, so that a wrong secret, a missing bucket or an endpoint
 * that does not answer is one clear message at submit instead of one failure per file later.
 *
 * <p>Two requests, nothing left behind: GetBucketInfo (the endpoint answers, the bucket exists, the
 * AccessKey is known and its secret matches), then for an import an InitiateMultipartUpload on a
 * key under {@code destPrefix} that is aborted at once (the key may write: InitiateMultipartUpload
 * needs the same {@code oss:PutObject} permission as an upload, and an aborted upload leaves no
 * object). The initiate carries the job's write attributes as every object's first request does
 * ({@link OssDestination#setWriteAttributes}: storage class, ACL, tags, SSE and KMS key), so that a
 * permission only they need ({@code oss:PutObjectTagging}, {@code oss:PutObjectAcl}, {@code
 * kms:GenerateDataKey}) or a value the bucket refuses shows here rather than at the first object;
 * an upload aborted before any part leaves no object, whatever its class. An AccessDenied on
 * GetBucketInfo alone is not a problem: a RAM user may write without being allowed to read the
 * bucket's info. An audit job only reads, so it gets no write check.
 *
 * <p>What another attempt may cure (throttling, a 5xx, a reset connection: the {@link OssFailures}
 * table) is tried three times in about a second. A server that keeps answering 5xx does not refuse
 * the job: it answers, and the job's own retries ride that out; a network that keeps failing does.
 */
public final class DestinationPreflight {
  private static final String OFFLINE_FIX =
      " (or submit with --offline, -Dossimport.offline=true, offline=\"true\" to skip this check on"
          + " a machine that cannot reach OSS now)";

  private static final Backoff RETRIES = new Backoff(100, 800, 3, new Random());

  private DestinationPreflight() {}

  /** One request of the check. */
  private interface Request {
    void send();
  }

  /** The first problem found, or {@code null} when the destination accepts the job. */
  public static ConfigProblem check(JobConfig config, String file) {
    OSS client = OssClients.create(config, 1);
    try {
      ConfigProblem problem = bucketInfo(client, config, file);
      if (problem != null || config.jobType() == JobType.AUDIT) {
        return problem;
      }
      return writeCheck(client, config, file);
    } finally {
      client.shutdown();
    }
  }

  private static ConfigProblem bucketInfo(OSS client, JobConfig config, String file) {
    try {
      send(() -> client.getBucketInfo(config.destBucket()));
      return null;
    } catch (OSSException e) {
      if ("AccessDenied".equals(e.getErrorCode())) {
        return null; // may still write: the write check tells
      }
      return answered(e, config, file, null);
    } catch (ClientException e) {
      return unreachable(e, config, file);
    }
  }

  private static ConfigProblem writeCheck(OSS client, JobConfig config, String file) {
    String key = config.destPrefix() + ".ossimport-preflight-" + UUID.randomUUID();
    String bucket = config.destBucket();
    WriteAttributes attributes = config.writeAttributes();
    ObjectMetadata meta = new ObjectMetadata();
    OssDestination.setWriteAttributes(meta, attributes, attributes.storageClass());
    try {
      String[] uploadId = new String[1];
      send(
          () ->
              uploadId[0] =
                  client
                      .initiateMultipartUpload(
                          new InitiateMultipartUploadRequest(bucket, key, meta))
                      .getUploadId());
      if (uploadId[0] == null) {
        return null; // the server kept answering 5xx: it answers, the job's retries go on
      }
      send(
          () ->
              client.abortMultipartUpload(
                  new AbortMultipartUploadRequest(bucket, key, uploadId[0])));
      return null;
    } catch (OSSException e) {
      return answered(e, config, file, attributes);
    } catch (ClientException e) {
      return unreachable(e, config, file);
    }
  }

  /**
   * Sends a request, again after what another attempt may cure.
   *
   * @throws OSSException what OSS answered last, unless it was a 5xx or throttling (then the
   *     destination answers, which is all this check can learn)
   * @throws ClientException the network failure of the last attempt
   */
  private static void send(Request request) {
    for (int attempts = 1; ; attempts++) {
      try {
        request.send();
        return;
      } catch (RuntimeException e) {
        OssFailure failure = OssFailures.classify(e);
        if (!failure.isRetryable()
            || !(e instanceof OSSException || e instanceof ClientException)) {
          throw e;
        }
        if (!RETRIES.allowsAnotherAttempt(attempts)) {
          if (e instanceof OSSException) {
            return;
          }
          throw e;
        }
        sleep(RETRIES.delayMillis(attempts));
      }
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new ClientException("interrupted while checking the destination", e);
    }
  }

  /**
   * The problem OSS's answer names; {@code sent} is what the write check sent with the request
   * ({@code null} for GetBucketInfo), named in the message of a refusal it may have caused.
   */
  private static ConfigProblem answered(
      OSSException e, JobConfig config, String file, WriteAttributes sent) {
    String code = e.getErrorCode() == null ? "HTTP error" : e.getErrorCode();
    String with = sent == null ? "" : ProbeAttributes.described(sent);
    String said = " (OSS: " + code + oneLine(e.getErrorMessage()) + ")";
    String endpoint = config.destDomain();
    switch (code) {
      case "NoSuchBucket":
        return new ConfigProblem(
            file,
            0,
            "destBucket",
            config.destBucket(),
            "does not exist at " + endpoint + said,
            "create the bucket, or set destBucket to an existing bucket of that region");
      case "InvalidAccessKeyId":
        return new ConfigProblem(
            file,
            0,
            "destAccessKey",
            config.destAccessKey(),
            "is not an active AccessKey id at " + endpoint + said,
            "set destAccessKey to an enabled AccessKey id (or OSS_ACCESS_KEY_ID when it is empty)");
      case "SignatureDoesNotMatch":
        return new ConfigProblem(
            file,
            0,
            "destSecretKey",
            "****",
            "is not the secret of AccessKey " + config.destAccessKey() + said,
            "set destSecretKey to that AccessKey's secret (or OSS_ACCESS_KEY_SECRET when it is"
                + " empty)");
      case "AccessDenied":
        return new ConfigProblem(
            file,
            0,
            "destAccessKey",
            config.destAccessKey(),
            "may not write to bucket "
                + config.destBucket()
                + " under '"
                + config.destPrefix()
                + "'"
                + with
                + said,
            "grant it oss:PutObject (and oss:AbortMultipartUpload)"
                + (sent == null ? "" : ProbeAttributes.permissions(sent))
                + " on that bucket and prefix, or use an AccessKey that has them");
      default:
        return new ConfigProblem(
            file,
            0,
            "destBucket",
            config.destBucket(),
            "cannot be used at " + endpoint + with + said,
            "fix what OSS names"
                + (with.isEmpty() ? "" : " (a write attribute key, if it names one)")
                + ", then submit again"
                + OFFLINE_FIX);
    }
  }

  private static ConfigProblem unreachable(ClientException e, JobConfig config, String file) {
    if (OssFailures.isUntrustedCertificate(e)) {
      return new ConfigProblem(
          file,
          0,
          "destDomain",
          config.destDomain(),
          "presents a TLS certificate signed by no CA this machine trusts"
              + (config.network().caCertFile().isEmpty()
                  ? ""
                  : " (neither the JVM's trust store nor caCertFile="
                      + config.network().caCertFile()
                      + ")"),
          "set caCertFile to the absolute path of a PEM file of the CA that signed it (or add"
              + " that CA to the JVM's trust store)"
              + OFFLINE_FIX);
    }
    Throwable cause = e.getCause() == null ? e : e.getCause();
    return new ConfigProblem(
        file,
        0,
        "destDomain",
        config.destDomain(),
        "does not answer: " + cause.getClass().getSimpleName() + oneLine(cause.getMessage()),
        "check the endpoint and the network (an -internal endpoint answers only inside Alibaba"
            + " Cloud)"
            + OFFLINE_FIX);
  }

  /** ": message" on one bounded line, or "" when there is none. */
  private static String oneLine(String message) {
    if (message == null || message.trim().isEmpty()) {
      return "";
    }
    String t = message.replaceAll("\\s+", " ").trim();
    return ": " + (t.length() > 200 ? t.substring(0, 200) + "..." : t);
  }
}
