package io.ossimport.core.service;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.CredentialResolver;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ServiceLock;
import io.ossimport.core.tracker.Events;
import io.ossimport.core.worker.OpenUploads;
import java.io.IOException;

/**
 * {@code clean}: under the working-directory lock (refused while the service runs), aborts the
 * multipart uploads the job left open in the bucket, with its frozen configuration (those its
 * worker files record, and those open on the keys of its unfinished tasks, a Spark executor's
 * included: {@link OpenUploads#abortAll}), then removes the job from the tree. If the uploads
 * cannot be aborted the job is kept, so that their ids are not lost and {@code clean} can be run
 * again.
 */
public final class JobClean {
  private final JobTree tree;
  private final ImportListener events;
  private final CredentialResolver credentials;

  public JobClean(JobTree tree, ImportListener events, CredentialResolver credentials) {
    this.tree = tree;
    this.events = events;
    this.credentials = credentials;
  }

  public void clean(String job) throws OssImportException {
    ServiceLock lock = ImportService.acquire(tree, "clean");
    try {
      boolean existed = tree.jobExists(job);
      if (existed) {
        abortOpenUploads(job);
      }
      String dir = tree.jobDirectory(job).toString();
      boolean removed = tree.clean(job, lock);
      if (!existed && !removed) {
        throw new JobConflictException(
            job,
            "No job named '" + job + "' in " + tree.workingDir() + ": nothing to clean",
            Remedy.NONE);
      }
      Events.log(events, ImportEvent.Level.INFO, job, "delete jobs dir:" + dir + "/");
    } catch (IOException e) {
      throw new OssImportException("Cannot clean job " + job + ": " + e.getMessage(), e);
    } finally {
      try {
        lock.close();
      } catch (IOException e) {
        // released with the process anyway
      }
    }
  }

  private void abortOpenUploads(String job) throws OssImportException, IOException {
    JobConfig config;
    try {
      config =
          CanonicalJobConfig.read(
              tree.readFrozenConfig(job), "the frozen configuration of job " + job, credentials);
    } catch (ConfigurationException e) {
      Events.log(
          events,
          ImportEvent.Level.WARN,
          job,
          "its frozen configuration cannot be read, so open multipart uploads (if any) are left"
              + " in the bucket: "
              + e.getMessage());
      return;
    }
    int aborted;
    try {
      aborted =
          OpenUploads.abortAll(
              tree, job, config, w -> Events.log(events, ImportEvent.Level.WARN, job, w));
    } catch (IOException e) {
      throw new OssImportException(
          "Cannot abort the multipart uploads job "
              + job
              + " left open, so the job is kept (its upload ids and its tasks' keys are in the"
              + " job tree); fix the cause and run clean again: "
              + e.getMessage(),
          e);
    }
    if (aborted > 0) {
      Events.log(
          events, ImportEvent.Level.INFO, job, "aborted " + aborted + " open multipart uploads");
    }
  }
}
