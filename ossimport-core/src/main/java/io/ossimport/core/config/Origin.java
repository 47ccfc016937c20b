package io.ossimport.core.config;

/**
 * Where a raw value came from: a file line, an inline map (Maven/Ant parameters), an environment
 * variable, or nowhere (the key was not set). Problems are reported in origin order: by input in
 * the order they were added, then by line.
 */
final class Origin {
  /** Sorts after every real input: problems about unset keys come last. */
  static final int UNSET_ORDER = Integer.MAX_VALUE;

  private final String label;
  private final int line;
  private final int inputOrder;

  Origin(String label, int line, int inputOrder) {
    this.label = label;
    this.line = line;
    this.inputOrder = inputOrder;
  }

  /** The origin of a key that was not set; {@code label} is the main input's name. */
  static Origin unset(String label) {
    return new Origin(label, 0, UNSET_ORDER);
  }

  /** A file path as the user gave it, or a label like {@code environment variable X}. */
  String label() {
    return label;
  }

  /** 1-based line, or 0 when the value did not come from a line. */
  int line() {
    return line;
  }

  /** The position of the input among all inputs of one load. */
  int inputOrder() {
    return inputOrder;
  }

  @Override
  public String toString() {
    return line > 0 ? label + ":" + line : label;
  }
}
