package io.ossimport.ant;

import io.ossimport.core.api.DiffCheck;
import io.ossimport.core.api.DiffReport;
import java.nio.file.Path;
import java.util.Map;
import org.apache.tools.ant.BuildException;

/**
 * {@code <ossimport:diff jobconfig="conf/local_job.cfg" workdir="work" prefix="d"/>}: compares a
 * job's source with its destination, like {@code console.sh diff}, without a job and without
 * writing to the destination. It logs the summary, sets {@code <prefix>.matching}, {@code
 * .missing}, {@code .different}, {@code .extra} and {@code .report} (the report file), and fails
 * the build when anything is missing, different or extra (unless {@code failonerror="false"}).
 */
public class DiffTask extends JobInputTask {
  private boolean checksum;
  private String prefix = "ossimport.diff";

  /** Also compare CRC-64 where both sides know it: one HEAD per object (false by default). */
  public void setChecksum(boolean checksum) {
    this.checksum = checksum;
  }

  /** The prefix of the properties set (default {@code ossimport.diff}). */
  public void setPrefix(String prefix) {
    this.prefix = prefix;
  }

  @Override
  protected String verb() {
    return "compare";
  }

  @Override
  protected void run(AntRunner runner) {
    final Path file = jobFile();
    final Map<String, String> overrides = jobOverrides();
    final DiffCheck check = checksum ? DiffCheck.CHECKSUM : DiffCheck.SIZE_AND_MTIME;
    DiffReport report = runner.run(ossImport -> ossImport.diff(file, overrides, check));
    for (String line : report.text().split("\n")) {
      log(line);
    }
    getProject().setNewProperty(prefix + ".matching", String.valueOf(report.matching()));
    getProject().setNewProperty(prefix + ".missing", String.valueOf(report.missing()));
    getProject().setNewProperty(prefix + ".different", String.valueOf(report.different()));
    getProject().setNewProperty(prefix + ".extra", String.valueOf(report.extra()));
    getProject().setNewProperty(prefix + ".report", report.reportFile().toString());
    if (report.hasDifferences()) {
      throw new BuildException(
          "The destination differs from the source: "
              + report.missing()
              + " missing, "
              + report.different()
              + " different, "
              + report.extra()
              + " extra; see "
              + report.reportFile(),
          getLocation());
    }
  }
}
