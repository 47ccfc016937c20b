package io.ossimport.core.source.s3;

/**
 * {@code srcDomain} names no endpoint of the store: what is wrong and the fix, apart, so that
 * submit can report them as one configuration problem.
 */
public final class BadSrcDomainException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String value;
  private final String problem;
  private final String fix;

  BadSrcDomainException(String value, String problem, String fix) {
    super("srcDomain='" + value + "': " + problem + "; " + fix);
    this.value = value;
    this.problem = problem;
    this.fix = fix;
  }

  /** The srcDomain as written. */
  public String value() {
    return value;
  }

  /** What is wrong, e.g. {@code is a Qiniu download domain}. */
  public String problem() {
    return problem;
  }

  /** The fix, with an example line. */
  public String fix() {
    return fix;
  }
}
