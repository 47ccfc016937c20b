package io.ossimport.ant;

/** A task about one submitted job: {@code start}, {@code stat}, {@code retry}, {@code clean}. */
public abstract class AbstractJobTask extends AbstractOssImportTask {
  private String jobname;

  /**
   * The job ({@code jobName} of its {@code local_job.cfg}). When unset: {@code stat} and {@code
   * start} take every job of the working directory, {@code retry} and {@code clean} the only one.
   */
  public void setJobname(String jobname) {
    this.jobname = jobname;
  }

  String jobname() {
    return jobname;
  }

  /** The named job, or the only job in the working directory. */
  String singleJobName(AntRunner runner) {
    final String name = jobname;
    return runner.run(ossImport -> ossImport.singleJob(name));
  }
}
