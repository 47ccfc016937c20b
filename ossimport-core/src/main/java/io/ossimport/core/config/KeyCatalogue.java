package io.ossimport.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys of one configuration file ({@code local_job.cfg} or {@code sys.properties}): lookup by
 * name or deprecated alias, and the closest known name for a misspelt key.
 */
public final class KeyCatalogue {
  private final String fileName;
  private final List<ConfigKey> keys;
  private final Map<String, ConfigKey> byName = new LinkedHashMap<String, ConfigKey>();
  private final Map<String, ConfigKey> byAlias = new LinkedHashMap<String, ConfigKey>();

  KeyCatalogue(String fileName, List<ConfigKey> keys) {
    this.fileName = fileName;
    this.keys = Collections.unmodifiableList(new ArrayList<ConfigKey>(keys));
    for (ConfigKey key : keys) {
      register(byName, key.name(), key);
      for (String alias : key.aliases()) {
        register(byAlias, alias, key);
      }
    }
  }

  private void register(Map<String, ConfigKey> index, String name, ConfigKey key) {
    if (byName.containsKey(name) || byAlias.containsKey(name)) {
      throw new IllegalStateException("key listed twice in " + fileName + ": " + name);
    }
    index.put(name, key);
  }

  /** The usual file name, e.g. {@code local_job.cfg}. */
  public String fileName() {
    return fileName;
  }

  /** Every key, in the order of the shipped template. */
  public List<ConfigKey> keys() {
    return keys;
  }

  /** The key of that exact (case-sensitive) name, or {@code null}. */
  public ConfigKey byName(String name) {
    return byName.get(name);
  }

  /** The key a deprecated alias stands for, or {@code null}. */
  public ConfigKey byAlias(String alias) {
    return byAlias.get(alias);
  }

  /**
   * The known key closest to a misspelt one, by edit distance ignoring case, or {@code null} when
   * none is close enough to be a plausible typo (at most a third of the name's length, and at least
   * 2 edits, apart).
   */
  public ConfigKey closestTo(String unknown) {
    String wanted = unknown.toLowerCase(Locale.ROOT);
    int limit = Math.max(2, wanted.length() / 3);
    ConfigKey best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (ConfigKey key : keys) {
      int d = editDistance(wanted, key.name().toLowerCase(Locale.ROOT));
      for (String alias : key.aliases()) {
        d = Math.min(d, editDistance(wanted, alias.toLowerCase(Locale.ROOT)));
      }
      if (d < bestDistance) {
        bestDistance = d;
        best = key;
      }
    }
    return bestDistance <= limit ? best : null;
  }

  /** Levenshtein distance: insertions, deletions and substitutions each cost 1. */
  static int editDistance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
