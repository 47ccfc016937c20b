package io.ossimport.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One row of a key catalogue: everything known about a configuration key in one place, so that
 * loading, validation, documentation and the sample files all come from the same table.
 *
 * <p>The rules held here are the ones that concern the key alone (syntax, range, pattern, allowed
 * words). Rules between keys live in the rule classes and are described in {@link #rule()} for the
 * documentation.
 */
public final class ConfigKey {
  private final String name;
  private final List<String> aliases;
  private final ValueType type;
  private final String defaultValue;
  private final long min;
  private final long max;
  private final List<String> choices;
  private final Map<String, String[]> choiceAnswers;
  private final Pattern pattern;
  private final String patternRule;
  private final String group;
  private final String description;
  private final String rule;
  private final String reference;
  private final boolean allowsAuto;

  /** The word that leaves a key's value to ossimport ({@link Builder#orAuto()}). */
  public static final String AUTO = "auto";

  private final boolean repeatable;

  private ConfigKey(Builder b) {
    this.name = b.name;
    this.aliases = Collections.unmodifiableList(new ArrayList<String>(b.aliases));
    this.type = b.type;
    this.defaultValue = b.defaultValue;
    this.min = b.min;
    this.max = b.max;
    this.choices = Collections.unmodifiableList(new ArrayList<String>(b.choices));
    this.choiceAnswers =
        Collections.unmodifiableMap(new LinkedHashMap<String, String[]>(b.answers));
    this.pattern = b.pattern;
    this.patternRule = b.patternRule;
    this.group = b.group;
    this.description = b.description;
    this.rule = b.rule;
    this.reference = b.reference;
    this.repeatable = b.repeatable;
    this.allowsAuto = b.allowsAuto;
  }

  /** Whether {@value #AUTO} is a value of this key besides its type's values. */
  public boolean allowsAuto() {
    return allowsAuto;
  }

  /** Starts a catalogue row for key {@code name} of the given type. */
  static Builder key(String name, ValueType type) {
    return new Builder(name, type);
  }

  /** The key as written in the file, e.g. {@code workerMaxThroughput(KB/s)}. */
  public String name() {
    return name;
  }

  /** Deprecated names accepted in its place (with a warning), e.g. {@code slaveUserName}. */
  public List<String> aliases() {
    return aliases;
  }

  public ValueType type() {
    return type;
  }

  /** Whether the value is a credential that must never be shown. */
  public boolean isSecret() {
    return type == ValueType.SECRET;
  }

  /** The value used when the key is missing or empty, as it would be written in the file. */
  public String defaultValue() {
    return defaultValue;
  }

  /** The smallest allowed number or size in bytes ({@link Long#MIN_VALUE} if unbounded). */
  public long min() {
    return min;
  }

  /** The largest allowed number or size in bytes ({@link Long#MAX_VALUE} if unbounded). */
  public long max() {
    return max;
  }

  /** The allowed words of a {@link ValueType#CHOICE} key, in documentation order. */
  public List<String> choices() {
    return choices;
  }

  /**
   * Words refused with a dedicated answer instead of the generic "must be one of": a source type
   * that is recognised but not implemented, or a known wrong name for an allowed word.
   */
  public List<String> answeredWords() {
    return Collections.unmodifiableList(new ArrayList<String>(choiceAnswers.keySet()));
  }

  /** What is wrong with an answered word, or {@code null} for other words. */
  public String answerMessage(String word) {
    String[] answer = choiceAnswers.get(word);
    return answer == null ? null : answer[0];
  }

  /** The fix for an answered word, or {@code null} for other words. */
  public String answerFix(String word) {
    String[] answer = choiceAnswers.get(word);
    return answer == null ? null : answer[1];
  }

  /** The pattern a text value must match in full, or {@code null}. */
  public Pattern pattern() {
    return pattern;
  }

  /** The pattern in words, e.g. {@code 4 to 128 letters, digits, '_' or '-'}. */
  public String patternRule() {
    return patternRule;
  }

  /** The section of the file the key belongs to (for documentation and samples). */
  public String group() {
    return group;
  }

  /** What the key means. */
  public String description() {
    return description;
  }

  /** Every rule the key is checked against, in words (for documentation). */
  public String rule() {
    return rule;
  }

  /** Where the meaning and rules come from in the reference ({@code ossimport.md}). */
  public String reference() {
    return reference;
  }

  /**
   * Whether one input may set the key on several lines, each adding its items (the filter rules),
   * instead of the last line replacing the others.
   */
  public boolean isRepeatable() {
    return repeatable;
  }

  @Override
  public String toString() {
    return name;
  }

  /** Collects a row; {@link #build()} freezes it. */
  static final class Builder {
    private final String name;
    private final ValueType type;
    private final List<String> aliases = new ArrayList<String>();
    private String defaultValue = "";
    private long min = Long.MIN_VALUE;
    private long max = Long.MAX_VALUE;
    private final List<String> choices = new ArrayList<String>();
    private final Map<String, String[]> answers = new LinkedHashMap<String, String[]>();
    private Pattern pattern;
    private String patternRule = "";
    private String group = "";
    private String description = "";
    private String rule = "";
    private String reference = "";
    private boolean allowsAuto;
    private boolean repeatable;

    private Builder(String name, ValueType type) {
      this.name = name;
      this.type = type;
    }

    Builder aliases(String... names) {
      aliases.addAll(Arrays.asList(names));
      return this;
    }

    Builder defaultValue(String value) {
      this.defaultValue = value;
      return this;
    }

    /** {@value ConfigKey#AUTO} (any case) is also a value: ossimport chooses, per object. */
    Builder orAuto() {
      this.allowsAuto = true;
      return this;
    }

    Builder range(long min, long max) {
      this.min = min;
      this.max = max;
      return this;
    }

    Builder atLeast(long min) {
      return range(min, Long.MAX_VALUE);
    }

    Builder choices(String... words) {
      choices.addAll(Arrays.asList(words));
      return this;
    }

    /** A word refused with a dedicated message and fix instead of "must be one of". */
    Builder answer(String word, String message, String fix) {
      answers.put(word, new String[] {message, fix});
      return this;
    }

    Builder pattern(String regex, String inWords) {
      this.pattern = Pattern.compile(regex);
      this.patternRule = inWords;
      return this;
    }

    Builder group(String group) {
      this.group = group;
      return this;
    }

    Builder describe(String description) {
      this.description = description;
      return this;
    }

    Builder rule(String rule) {
      this.rule = rule;
      return this;
    }

    Builder reference(String reference) {
      this.reference = reference;
      return this;
    }

    /** Lines of one input add up (joined by a line break) instead of replacing each other. */
    Builder repeatable() {
      this.repeatable = true;
      return this;
    }

    ConfigKey build() {
      return new ConfigKey(this);
    }
  }
}
