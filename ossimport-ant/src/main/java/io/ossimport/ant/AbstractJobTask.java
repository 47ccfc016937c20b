package io.ossimport.ant;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.OssImport;
import java.util.ArrayList;
import java.util.List;

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

  /** The named job, or every job in the working directory. */
  List<String> jobNames(AntRunner runner) {
    List<String> names = new ArrayList<String>();
    if (jobname != null && !jobname.isEmpty()) {
      names.add(jobname);
      return names;
    }
    for (JobStatus job : runner.run(OssImport::stat)) {
      names.add(job.jobName());
    }
    return names;
  }

  /** The named job, or the only job in the working directory. */
  String singleJobName(AntRunner runner) {
    List<String> names = jobNames(runner);
    if (names.size() == 1) {
      return names.get(0);
    }
    Object workingDir = runner.run(OssImport::workingDir);
    if (names.isEmpty()) {
      throw runner.fail("No job in " + workingDir + "; run the submit task first.");
    }
    throw runner.fail("Several jobs in " + workingDir + ": " + names + "; set jobname.");
  }
}
