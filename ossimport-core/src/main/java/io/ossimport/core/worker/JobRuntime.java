package io.ossimport.core.worker;

import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.WriteAttributes;
import io.ossimport.core.filter.PathFilter;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.SkippedList;
import io.ossimport.core.oss.CredentialRefresh;
import io.ossimport.core.oss.OssDestination;
import io.ossimport.core.source.Source;
import java.io.IOException;

/**
 * What a worker holds open for one job while it runs its tasks: the job tree, the source (from
 * {@code Sources.open}) and the OSS client of the destination. Made by {@link Worker#openJob};
 * {@link #close()} closes the source and the client.
 */
public final class JobRuntime implements AutoCloseable {
  private final JobTree tree;
  private final String jobName;
  private final JobConfig config;
  private final Source source;
  private final OssDestination destination;
  private final CopyRoute copyRoute;
  private final DestinationHealth destinationHealth = new DestinationHealth();
  private final RequestWindow requestWindow = new RequestWindow();
  private SkippedList skipped;
  private final CredentialRefresh credentialRefresh;
  private final PathFilter pathFilter;
  private final WriteAttributes writeAttributes;

  JobRuntime(
      JobTree tree,
      String jobName,
      JobConfig config,
      Source source,
      OssDestination destination,
      CredentialRefresh credentialRefresh) {
    this.credentialRefresh = credentialRefresh;
    this.tree = tree;
    this.jobName = jobName;
    this.config = config;
    this.source = source;
    this.destination = destination;
    this.copyRoute = CopyRoute.of(config, source);
    this.pathFilter = config.pathFilter();
    this.writeAttributes = config.writeAttributes();
  }

  /** What every object of the job carries besides its bytes, parsed once. */
  WriteAttributes writeAttributes() {
    return writeAttributes;
  }

  /** The job's include/exclude rules, compiled once. */
  PathFilter pathFilter() {
    return pathFilter;
  }

  public String jobName() {
    return jobName;
  }

  public JobConfig config() {
    return config;
  }

  JobTree tree() {
    return tree;
  }

  Source source() {
    return source;
  }

  OssDestination destination() {
    return destination;
  }

  /** The job's {@code skipped.list}, opened at the first skip; one per job in this worker. */
  synchronized SkippedList skippedList() throws IOException {
    if (skipped == null) {
      skipped = tree.openSkippedList(jobName);
    }
    return skipped;
  }

  /** Reads the destination credentials again when OSS refuses the security token. */
  CredentialRefresh credentialRefresh() {
    return credentialRefresh;
  }

  /** Whether OSS copies this job's objects itself (same endpoint and AccessKey as the source). */
  CopyRoute copyRoute() {
    return copyRoute;
  }

  /** Whether the destination still works, shared by every task of the job. */
  DestinationHealth destinationHealth() {
    return destinationHealth;
  }

  /** How many of the job's requests may be in flight, narrowed when OSS throttles. */
  RequestWindow requestWindow() {
    return requestWindow;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (skipped != null) {
        try {
          skipped.close();
        } catch (IOException e) {
          // every line was written with its own write call; nothing is buffered
        }
        skipped = null;
      }
    }
    try {
      source.close();
    } catch (IOException | RuntimeException e) {
      // Nothing left to do with it; the client still has to go.
    } finally {
      destination.close();
    }
  }

  @Override
  public String toString() {
    return "JobRuntime{" + jobName + "}";
  }
}
