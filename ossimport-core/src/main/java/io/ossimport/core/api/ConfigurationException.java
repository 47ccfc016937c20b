package io.ossimport.core.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A configuration cannot be used: it carries every problem found, not only the first, so the user
 * can fix them all in one edit. The message lists the problems one per line, in file order.
 * Warnings found on the way (an unknown key is often the reason a required key is missing) travel
 * along in {@link #warnings()}.
 *
 * <p>Neither the message nor the problems contain secrets.
 */
public final class ConfigurationException extends OssImportException {
  private static final long serialVersionUID = 1L;

  private final List<ConfigProblem> problems;
  private final List<ConfigWarning> warnings;

  /**
   * Creates an exception for one or more problems.
   *
   * @param problems what is wrong, at least one, in the order to show them
   */
  public ConfigurationException(List<ConfigProblem> problems) {
    this(problems, Collections.<ConfigWarning>emptyList());
  }

  /**
   * Creates an exception for one or more problems, with the warnings found alongside.
   *
   * @param problems what is wrong, at least one, in the order to show them
   * @param warnings warnings found while reading the same configuration
   */
  public ConfigurationException(List<ConfigProblem> problems, List<ConfigWarning> warnings) {
    super(render(problems));
    this.problems = Collections.unmodifiableList(new ArrayList<ConfigProblem>(problems));
    this.warnings = Collections.unmodifiableList(new ArrayList<ConfigWarning>(warnings));
  }

  private static String render(List<ConfigProblem> problems) {
    if (problems == null || problems.isEmpty()) {
      throw new IllegalArgumentException("a ConfigurationException needs at least one problem");
    }
    StringBuilder out = new StringBuilder();
    for (ConfigProblem problem : problems) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append(problem);
    }
    return out.toString();
  }

  /** Every problem found, in the order to show them (file order); never empty. */
  public List<ConfigProblem> problems() {
    return problems;
  }

  /** Warnings found while reading the same configuration; may be empty. */
  public List<ConfigWarning> warnings() {
    return warnings;
  }
}
