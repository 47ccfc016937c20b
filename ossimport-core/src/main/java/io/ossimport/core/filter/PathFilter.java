package io.ossimport.core.filter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The include/exclude rules of a job over relative paths, with rclone's precedence: the rules are
 * tried in order and the first whose pattern matches decides; a path no rule matches is included.
 * The rules come from three keys, in this order (rclone's order for {@code --include}, {@code
 * --exclude}, {@code --filter}): every {@code include} pattern as {@code + pattern}, every {@code
 * exclude} pattern as {@code - pattern}, the {@code filter} rules as written, and, when an {@code
 * include} pattern was given, a final {@code - **} (include means "only these").
 *
 * <p>A key's value holds one or more items separated by {@code ;} or line breaks ({@code \;} is a
 * literal {@code ;}); a file may also repeat the key, each line adding its items.
 */
public final class PathFilter {
  private static final PathFilter EVERYTHING = new PathFilter(Collections.<Rule>emptyList());

  private final List<Rule> rules;

  private PathFilter(List<Rule> rules) {
    this.rules = Collections.unmodifiableList(rules);
  }

  /** The filter that includes every path. */
  public static PathFilter everything() {
    return EVERYTHING;
  }

  /**
   * Builds the filter of a job.
   *
   * @param include the {@code include} value (patterns), empty for none
   * @param exclude the {@code exclude} value (patterns), empty for none
   * @param filter the {@code filter} value ({@code + pattern} / {@code - pattern} rules)
   * @throws FilterSyntaxException naming the first bad item
   */
  public static PathFilter of(String include, String exclude, String filter)
      throws FilterSyntaxException {
    List<Rule> rules = new ArrayList<Rule>();
    List<String> includes = items(include);
    for (String p : includes) {
      rules.add(new Rule(true, GlobPattern.compile(p)));
    }
    for (String p : items(exclude)) {
      rules.add(new Rule(false, GlobPattern.compile(p)));
    }
    for (String r : items(filter)) {
      rules.add(rule(r));
    }
    if (!includes.isEmpty()) {
      rules.add(new Rule(false, GlobPattern.compile("**")));
    }
    return rules.isEmpty() ? EVERYTHING : new PathFilter(rules);
  }

  /** Checks one key's items alone: the message of the first bad one, or {@code null}. */
  public static String problemOfPatterns(String value) {
    try {
      for (String p : items(value)) {
        GlobPattern.compile(p);
      }
      return null;
    } catch (FilterSyntaxException e) {
      return e.getMessage();
    }
  }

  /** As {@link #problemOfPatterns(String)} for {@code + pattern} / {@code - pattern} rules. */
  public static String problemOfRules(String value) {
    try {
      for (String r : items(value)) {
        rule(r);
      }
      return null;
    } catch (FilterSyntaxException e) {
      return e.getMessage();
    }
  }

  private static Rule rule(String text) throws FilterSyntaxException {
    if (text.length() < 3
        || (text.charAt(0) != '+' && text.charAt(0) != '-')
        || text.charAt(1) != ' ') {
      throw new FilterSyntaxException(
          "'" + text + "' is not a rule: a rule is '+ pattern' (include) or '- pattern' (exclude)");
    }
    return new Rule(text.charAt(0) == '+', GlobPattern.compile(text.substring(2).trim()));
  }

  /** The rules or patterns of a value: split at unescaped {@code ;}, kept escaped for the glob. */
  static List<String> items(String value) {
    return ValueItems.split(value, ';', true);
  }

  /** Whether the path relative to the source root is migrated. */
  public boolean includes(String relativePath) {
    for (Rule r : rules) {
      if (r.pattern.matches(relativePath)) {
        return r.include;
      }
    }
    return true;
  }

  /** Whether any rule is set (a filter that includes everything costs nothing). */
  public boolean isEverything() {
    return rules.isEmpty();
  }

  /** The rules in the order they are tried, as {@code + pattern} / {@code - pattern}. */
  public List<String> describe() {
    List<String> out = new ArrayList<String>();
    for (Rule r : rules) {
      out.add((r.include ? "+ " : "- ") + r.pattern);
    }
    return out;
  }

  private static final class Rule {
    final boolean include;
    final GlobPattern pattern;

    Rule(boolean include, GlobPattern pattern) {
      this.include = include;
      this.pattern = pattern;
    }
  }
}
