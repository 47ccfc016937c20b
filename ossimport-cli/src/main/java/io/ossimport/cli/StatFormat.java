package io.ossimport.cli;

import io.ossimport.core.api.JobStatus;
import io.ossimport.core.api.StatReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * How {@code stat} renders a report, a picocli mixin: core's {@link StatReport} text (the default)
 * or JSON lines, with {@code --progress} a {@link ProgressLine} per job after the text; the rate is
 * measured over the {@link ProgressSamples} kept in {@code --rate-file}, or in memory for the life
 * of one {@code --follow}.
 */
final class StatFormat {
  @ArgGroup(exclusive = true)
  Shape shape = new Shape();

  @Option(
      names = "--rate-file",
      paramLabel = "<file>",
      description =
          "With --progress: keeps each job's recent samples here, so the rate is measured over"
              + " the last 30 s across calls (the import scripts keep it across retries).")
  Path rateFile;

  /** Text (the default), JSON lines, or text followed by a progress line per job. */
  static final class Shape {
    @Option(names = "--json", description = "One JSON object per job, one per line.")
    boolean json;

    @Option(
        names = "--progress",
        description = "After the text, one line per job: objects, bytes, rate, ETA, failures.")
    boolean progress;
  }

  private ProgressSamples samples;

  /** Measures rates from now on: across calls with --rate-file, else while {@code following}. */
  void measureRates(boolean following) {
    samples = rateFile != null || following ? new ProgressSamples(rateFile) : null;
  }

  /** The report of {@code jobs}: the text or JSON, then the progress lines if asked for. */
  String render(List<JobStatus> jobs) throws IOException {
    List<JobStatus> measured = new ArrayList<>();
    long now = System.currentTimeMillis();
    for (JobStatus job : jobs) {
      measured.add(samples == null ? job : samples.measure(job, now));
    }
    StringBuilder report =
        new StringBuilder(shape.json ? StatReport.jsonLines(measured) : StatReport.text(measured));
    if (shape.progress) {
      for (JobStatus job : measured) {
        report.append(ProgressLine.format(job)).append(System.lineSeparator());
      }
    }
    return report.toString();
  }
}
