package io.ossimport.core.oss;

import com.aliyun.oss.OSS;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.config.AccessKeyCredentials;
import io.ossimport.core.config.JobConfig;

/**
 * Switches a job's destination client to credentials read again from their origin when OSS says the
 * security token expired or is invalid ({@link OssFailures#isSecurityTokenRejected}): an STS
 * refresher that rewrites the job file keeps a long job running.
 *
 * <p>A generation counter lets every request that failed with the old token retry once one of them
 * has switched, without reading the origin again for each.
 */
public final class CredentialRefresh {
  private final OSS client;
  private final JobConfig config;
  private AccessKeyCredentials current;
  private int generation;

  public CredentialRefresh(OSS client, JobConfig config) {
    this.client = client;
    this.config = config;
    this.current = config.destinationCredentials();
  }

  /** The generation of the credentials in use; pass it to {@link #refresh(int)} after a failure. */
  public synchronized int generation() {
    return generation;
  }

  /**
   * Makes sure the client uses newer credentials than generation {@code seen}: true when it does
   * (switched now or by another request since), false when the origin holds the same (or none).
   */
  public synchronized boolean refresh(int seen) {
    if (generation != seen) {
      return true;
    }
    AccessKeyCredentials fresh;
    try {
      fresh = config.rereadDestinationCredentials();
    } catch (ConfigurationException e) {
      return false; // the request fails as it is; the message of the failure names the cause
    }
    if (fresh.equals(current)) {
      return false;
    }
    client.switchCredentials(OssClients.sdkCredentials(fresh));
    current = fresh;
    generation++;
    return true;
  }
}
