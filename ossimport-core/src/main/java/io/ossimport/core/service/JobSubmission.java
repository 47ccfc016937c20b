package io.ossimport.core.service;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.ImportEvent;
import io.ossimport.core.api.ImportListener;
import io.ossimport.core.api.JobConflictException;
import io.ossimport.core.api.OssImportException;
import io.ossimport.core.api.Remedy;
import io.ossimport.core.api.SubmitCheck;
import io.ossimport.core.api.SubmitResult;
import io.ossimport.core.api.SuppliedCredentials;
import io.ossimport.core.config.CanonicalJobConfig;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.JobConfigLoader;
import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.SourceType;
import io.ossimport.core.jobtree.JobExistsException;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.oss.DestinationPreflight;
import io.ossimport.core.source.registry.Sources;
import io.ossimport.core.tracker.Events;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * {@code submit}: loads and validates the job configuration (file and inline keys, credentials from
 * the environment when unset), checks what can only be checked on this machine (the local source
 * directory exists and is readable, the source type is supported), then, unless {@link
 * SubmitCheck#OFFLINE}, asks the destination whether it accepts the job ({@link
 * DestinationPreflight}), then freezes the canonical configuration into the tree, owner-only, with
 * each secret replaced by where it came from ({@link CanonicalJobConfig#write(LoadedConfig)}).
 * Nothing is written unless every check passes.
 */
public final class JobSubmission {
  /** How problems name inline keys (Maven and Ant parameters, CLI overrides). */
  public static final String INLINE_LABEL = "inline parameters";

  private final JobTree tree;
  private final Map<String, String> environment;
  private final SuppliedCredentials supplied;
  private final ImportListener events;

  public JobSubmission(
      JobTree tree,
      Map<String, String> environment,
      SuppliedCredentials supplied,
      ImportListener events) {
    this.tree = tree;
    this.environment = environment;
    this.supplied = supplied;
    this.events = events;
  }

  public SubmitResult submit(Path jobConfigOrNull, Map<String, String> overrides, SubmitCheck check)
      throws OssImportException {
    Events.log(
        events,
        ImportEvent.Level.INFO,
        null,
        "submit job:" + (jobConfigOrNull == null ? INLINE_LABEL : jobConfigOrNull.toString()));
    LoadedConfig<JobConfig> loaded = loadChecked(jobConfigOrNull, overrides);
    JobConfig config = loaded.config();
    String label = jobConfigOrNull == null ? INLINE_LABEL : jobConfigOrNull.toString();
    String job = config.jobName();
    try {
      if (check == SubmitCheck.ONLINE) {
        // Only a job that is right on this machine and new is worth a request to the destination.
        tree.refuseExisting(job);
        ConfigProblem destination = DestinationPreflight.check(config, label);
        if (destination != null) {
          throw new ConfigurationException(
              Collections.singletonList(destination), loaded.warnings());
        }
      }
      // Only where each secret came from is frozen: start, retry and clean read it there again.
      tree.submit(job, CanonicalJobConfig.write(loaded));
    } catch (JobExistsException e) {
      throw new JobConflictException(job, e.getMessage(), Remedy.CLEAN_JOB);
    } catch (IOException e) {
      throw new OssImportException("Cannot submit job " + job + ": " + e.getMessage(), e);
    }
    for (ConfigWarning w : loaded.warnings()) {
      Events.log(events, ImportEvent.Level.WARN, job, w.toString());
    }
    Events.log(events, ImportEvent.Level.INFO, job, "submit job:" + job + " success!");
    return new SubmitResult(job, tree.jobDirectory(job), loaded.warnings());
  }

  /**
   * The job configuration as submit accepts it before it contacts anything: loaded, validated and
   * checked on this machine; {@link DryRun} starts from the same, so a bad configuration fails the
   * same way.
   *
   * @throws ConfigurationException listing every problem
   */
  LoadedConfig<JobConfig> loadChecked(Path jobConfigOrNull, Map<String, String> overrides)
      throws OssImportException {
    LoadedConfig<JobConfig> loaded =
        new JobConfigLoader(environment).load(jobConfigOrNull, overrides, INLINE_LABEL, supplied);
    String label = jobConfigOrNull == null ? INLINE_LABEL : jobConfigOrNull.toString();
    List<ConfigProblem> problems = checkOnThisMachine(loaded.config(), label);
    if (!problems.isEmpty()) {
      throw new ConfigurationException(problems, loaded.warnings());
    }
    return loaded;
  }

  /**
   * Problems the configuration rules cannot see: what this version does not do yet (so that a job
   * never silently does less than its configuration says), the source type, the local directory.
   */
  static List<ConfigProblem> checkOnThisMachine(JobConfig config, String label) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (!Sources.supports(config.srcType())) {
      problems.add(
          new ConfigProblem(
              label,
              0,
              "srcType",
              config.srcType().configValue(),
              "is not supported by this version",
              "use one of the supported source types: " + supportedTypes()));
      return problems;
    }
    ConfigProblem sourceProblem = Sources.problem(config, label);
    if (sourceProblem != null) {
      problems.add(sourceProblem);
    }
    if (config.srcType() == SourceType.LOCAL) {
      String prefix = config.srcPrefix();
      String example = "e.g. srcPrefix=/data/example/";
      try {
        Path dir = Paths.get(prefix);
        if (!Files.exists(dir)) {
          problems.add(
              new ConfigProblem(
                  label,
                  0,
                  "srcPrefix",
                  prefix,
                  "does not exist on this machine",
                  "set srcPrefix to the directory to migrate, " + example));
        } else if (!Files.isDirectory(dir)) {
          problems.add(
              new ConfigProblem(
                  label,
                  0,
                  "srcPrefix",
                  prefix,
                  "is not a directory",
                  "set srcPrefix to the directory to migrate, " + example));
        } else if (!Files.isReadable(dir) || !Files.isExecutable(dir)) {
          problems.add(
              new ConfigProblem(
                  label,
                  0,
                  "srcPrefix",
                  prefix,
                  "cannot be read by this user (" + System.getProperty("user.name") + ")",
                  "grant it read and execute permission on the directory, or run as a user who"
                      + " has them"));
        }
      } catch (InvalidPathException e) {
        problems.add(
            new ConfigProblem(
                label,
                0,
                "srcPrefix",
                prefix,
                "is not a valid path on this machine (" + e.getReason() + ")",
                "set srcPrefix to the directory to migrate, " + example));
      }
    }
    if (config.srcType() == SourceType.HTTP) {
      String list = config.httpListFilePath();
      try {
        if (!Files.isRegularFile(Paths.get(list)) || !Files.isReadable(Paths.get(list))) {
          problems.add(
              new ConfigProblem(
                  label,
                  0,
                  "httpListFilePath",
                  list,
                  "is not a readable file on this machine",
                  "set httpListFilePath to the URL list file, e.g. /data/http.list"));
        }
      } catch (InvalidPathException e) {
        problems.add(
            new ConfigProblem(
                label,
                0,
                "httpListFilePath",
                list,
                "is not a valid path on this machine (" + e.getReason() + ")",
                "set httpListFilePath to the URL list file, e.g. /data/http.list"));
      }
    }
    return problems;
  }

  private static String supportedTypes() {
    List<String> names = new ArrayList<>();
    for (SourceType type : SourceType.values()) {
      if (Sources.supports(type)) {
        names.add("srcType=" + type.configValue());
      }
    }
    return String.join(", ", names);
  }
}
