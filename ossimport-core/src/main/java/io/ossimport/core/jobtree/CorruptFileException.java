package io.ossimport.core.jobtree;

import java.nio.file.Path;

/** A job-tree file does not follow its format; the message names the file and the line. */
public final class CorruptFileException extends JobTreeException {
  private static final long serialVersionUID = 1L;

  public CorruptFileException(Path file, long lineNumber, String problem) {
    super(file + (lineNumber > 0 ? " line " + lineNumber : "") + ": " + problem);
  }

  public CorruptFileException(Path file, long lineNumber, String problem, Throwable cause) {
    super(file + (lineNumber > 0 ? " line " + lineNumber : "") + ": " + problem, cause);
  }
}
