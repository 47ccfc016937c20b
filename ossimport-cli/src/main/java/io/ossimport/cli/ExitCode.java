package io.ossimport.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every exit status of {@code ossimport2.jar}, {@code console.sh/.bat} and {@code import.sh/.bat}:
 * one table, shown by {@code --help} and in the README, so that scripts can tell outcomes apart.
 */
public enum ExitCode {
  OK(0, "success"),
  USAGE(1, "usage error (the scripts: also when the user declines)"),
  CONFIGURATION(2, "configuration error: fix the file as the message says"),
  FAILED_TASKS(3, "a job finished with failed tasks (stat, import); diff found differences"),
  SERVICE_STATE(4, "the service is already running (start) or must stop first"),
  RUNTIME(5, "runtime failure: I/O, network, aborted job, internal error"),
  JOB_CONFLICT(6, "the job exists (submit: clean it first) or is unknown");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  /** The process exit status. */
  public int code() {
    return code;
  }

  /** What the status means, in one line. */
  public String meaning() {
    return meaning;
  }

  /** The more serious of two outcomes (the higher code), for commands that report many jobs. */
  public ExitCode worst(ExitCode other) {
    return other.code > code ? other : this;
  }

  /** The table as picocli's {@code exitCodeList} wants it: code to description, in code order. */
  static Map<String, String> helpTable() {
    Map<String, String> table = new LinkedHashMap<String, String>();
    for (ExitCode exit : values()) {
      table.put(Integer.toString(exit.code), exit.meaning);
    }
    return table;
  }
}
