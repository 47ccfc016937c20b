package io.ossimport.ant;

/**
 * {@code <ossimport:clean workdir="work" jobname="local_test"/>}: removes a job and aborts the
 * multipart uploads it left open, so the name can be submitted again. Refused while the service
 * runs.
 */
public class CleanTask extends AbstractJobTask {
  @Override
  protected void run(AntRunner runner) {
    final String name = singleJobName(runner);
    runner.run(
        ossImport -> {
          ossImport.clean(name);
          return null;
        });
    log("Clean job:" + name + " completed.");
  }
}
