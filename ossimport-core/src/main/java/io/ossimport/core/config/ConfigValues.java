package io.ossimport.core.config;

import java.util.Collections;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The typed values of one load, with what the rule classes need to report on them: every key of the
 * catalogue has a value (its default when unset, empty or invalid), each invalid value is reported
 * once, and a rule reports a problem on a key without knowing where it came from.
 */
final class ConfigValues {
  private final KeyCatalogue catalogue;
  private final ConfigInputs.Resolved resolved;
  private final Findings findings;
  private final Map<String, Object> values = new TreeMap<String, Object>();
  private final Set<String> set = new HashSet<String>();
  private final Set<String> invalid = new HashSet<String>();

  ConfigValues(KeyCatalogue catalogue, ConfigInputs.Resolved resolved, Findings findings) {
    this.catalogue = catalogue;
    this.resolved = resolved;
    this.findings = findings;
    for (ConfigKey key : catalogue.keys()) {
      values.put(key.name(), typed(key));
    }
  }

  private Object typed(ConfigKey key) {
    RawEntry entry = resolved.byKey.get(key.name());
    if (entry != null && !ConfigFileParser.trim(entry.value()).isEmpty()) {
      try {
        Object value = ValueParser.parse(key, entry.value());
        set.add(key.name());
        return value;
      } catch (ValueParser.InvalidValue e) {
        report(key, entry, e.getMessage(), e.fix);
      }
    }
    return defaultOf(key);
  }

  /** The typed default of a key (the catalogue's defaults are valid by construction). */
  static Object defaultOf(ConfigKey key) {
    if (key.defaultValue().isEmpty()) {
      if (key.type() == ValueType.TIMETABLE) {
        return ThroughputTimetable.NONE;
      }
      return key.isSecret() ? Secret.empty() : "";
    }
    try {
      return ValueParser.parse(key, key.defaultValue());
    } catch (ValueParser.InvalidValue e) {
      throw new IllegalStateException("catalogue default breaks its own rule: " + key, e);
    }
  }

  String text(ConfigKey key) {
    return (String) values.get(key.name());
  }

  Secret secret(ConfigKey key) {
    return (Secret) values.get(key.name());
  }

  boolean flag(ConfigKey key) {
    return (Boolean) values.get(key.name());
  }

  long number(ConfigKey key) {
    return (Long) values.get(key.name());
  }

  ThroughputTimetable timetable(ConfigKey key) {
    return (ThroughputTimetable) values.get(key.name());
  }

  SizeValue size(ConfigKey key) {
    return (SizeValue) values.get(key.name());
  }

  /** Whether the key holds {@value ConfigKey#AUTO}. */
  boolean isAuto(ConfigKey key) {
    return ConfigKey.AUTO.equals(values.get(key.name()));
  }

  /** Whether the key was given a non-empty value (possibly an invalid one). */
  boolean isSet(ConfigKey key) {
    return set.contains(key.name()) || invalid.contains(key.name());
  }

  /** Whether none of these keys has a problem reported yet (rules between keys check this). */
  boolean allValid(ConfigKey... keys) {
    for (ConfigKey key : keys) {
      if (invalid.contains(key.name())) {
        return false;
      }
    }
    return true;
  }

  /** The value as written, masked if secret, or {@code null} when unset. */
  String shown(ConfigKey key) {
    RawEntry entry = resolved.byKey.get(key.name());
    return shown(key, entry);
  }

  private static String shown(ConfigKey key, RawEntry entry) {
    if (entry == null) {
      return null;
    }
    return key.isSecret() ? Secret.MASK : maskUrlPassword(entry.value());
  }

  /** {@code https://user:pw@host} shows as {@code https://user:****@host}: a URL may hold one. */
  static String maskUrlPassword(String value) {
    return URL_PASSWORD.matcher(value).replaceAll("$1" + Secret.MASK + "@");
  }

  private static final Pattern URL_PASSWORD = Pattern.compile("(://[^/@:]*:)[^/@]*@");

  /** Reports a problem with the key's value; the key then counts as invalid. */
  void problem(ConfigKey key, String message, String fix) {
    report(key, resolved.byKey.get(key.name()), message, fix);
  }

  /** As {@link #problem(ConfigKey, String, String)}, showing the value as {@code shown}. */
  void problemShowing(ConfigKey key, String shown, String message, String fix) {
    report(key, resolved.byKey.get(key.name()), shown, message, fix);
  }

  private void report(ConfigKey key, RawEntry entry, String message, String fix) {
    report(key, entry, shown(key, entry), message, fix);
  }

  private void report(ConfigKey key, RawEntry entry, String shown, String message, String fix) {
    invalid.add(key.name());
    findings.problem(originOf(entry), key.name(), shown, message, fix);
  }

  private Origin originOf(RawEntry entry) {
    return entry != null ? entry.origin() : Origin.unset(resolved.mainLabel);
  }

  /**
   * Reports a required key that is not set. If an unknown key looks like a misspelling of it, the
   * fix says so: that is the usual cause.
   */
  void missing(ConfigKey key, String fix) {
    missing(key, "is not set", fix);
  }

  /** As {@link #missing(ConfigKey, String)} with a specific message. */
  void missing(ConfigKey key, String message, String fix) {
    RawEntry misspelt = resolved.misspelt.get(key.name());
    String hint =
        misspelt == null
            ? ""
            : " (" + misspelt.origin() + " has '" + misspelt.key() + "', which is not a key)";
    report(key, resolved.byKey.get(key.name()), null, message, fix + hint);
  }

  void warning(ConfigKey key, String message, String advice) {
    RawEntry entry = resolved.byKey.get(key.name());
    findings.warning(originOf(entry), key.name(), shown(key, entry), message, advice);
  }

  /** Every key's typed value, by key name. */
  SortedMap<String, Object> snapshot() {
    return Collections.unmodifiableSortedMap(new TreeMap<String, Object>(values));
  }

  KeyCatalogue catalogue() {
    return catalogue;
  }
}
