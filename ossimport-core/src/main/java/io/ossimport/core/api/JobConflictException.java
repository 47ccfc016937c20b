package io.ossimport.core.api;

/**
 * The operation conflicts with the jobs in the working directory: {@code submit} found a job of
 * that name already there ({@link Remedy#CLEAN_JOB}), {@code stat}, {@code start}, {@code retry} or
 * {@code clean} found no job of that name ({@link Remedy#SUBMIT_JOB}), or several where one was
 * meant ({@link Remedy#NAME_JOB}).
 */
public final class JobConflictException extends OssImportException {
  private static final long serialVersionUID = 1L;

  private final String jobName;

  public JobConflictException(String jobName, String message) {
    this(jobName, message, Remedy.NONE);
  }

  public JobConflictException(String jobName, String message, Remedy remedy) {
    super(message, remedy);
    this.jobName = jobName;
  }

  /** The job the operation was about, or null when it named none. */
  public String jobName() {
    return jobName;
  }
}
