package io.ossimport.maven;

import java.io.File;
import java.nio.file.Path;
import org.apache.maven.plugin.logging.Log;

/** Where a goal's working directory is, and the warning when {@code mvn clean} would delete it. */
final class WorkDir {
  private WorkDir() {}

  /**
   * The {@code <workDir>} given; else, without a sys.properties to name one, {@link
   * AbstractOssImportMojo#DEFAULT_WORK_DIR} in {@code baseDirectory}; else null (sys.properties'
   * {@code workingDir} holds).
   */
  static Path of(File workDir, File sysConfig, File baseDirectory) {
    if (workDir != null) {
      return workDir.toPath();
    }
    if (sysConfig != null) {
      return null;
    }
    File base = baseDirectory == null ? new File(".") : baseDirectory;
    return new File(base, AbstractOssImportMojo.DEFAULT_WORK_DIR).toPath();
  }

  /** Warns when {@code workingDir} lies in {@code buildDirectory} (null: no build directory). */
  static void warnIfDeletedByClean(Log log, Path workingDir, File buildDirectory) {
    if (buildDirectory == null) {
      return;
    }
    Path build = buildDirectory.toPath().toAbsolutePath().normalize();
    if (workingDir.toAbsolutePath().normalize().startsWith(build)) {
      log.warn(
          "The working directory "
              + workingDir
              + " is under the build directory "
              + build
              + ": mvn clean deletes the job (its checkpoints, failed tasks and the ids of the"
              + " multipart uploads it left open in OSS). Set <workDir> (-Dossimport.workDir)"
              + " outside it, e.g. ${project.basedir}/"
              + AbstractOssImportMojo.DEFAULT_WORK_DIR
              + " (the default).");
    }
  }
}
