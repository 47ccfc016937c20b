package io.ossimport.core.api;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Credentials a front end holds itself and hands to every operation (not only to {@code submit}),
 * because the job tree never keeps a secret: a Maven {@code settings.xml} {@code <server>}, Ant
 * properties, or inline keys of an embedding program.
 *
 * <p>Each value is a job key ({@code destAccessKey}, {@code destSecretKey}, {@code
 * destSecurityToken}, and the {@code src*} ones) under an <em>origin</em>, a short name of where
 * the front end got it, e.g. {@code maven-server:oss-dest}. At submit the values override the job
 * file's keys and the frozen job records only the origin of each secret ({@code
 * destSecretKey=@supplied:maven-server:oss-dest}); at {@code start}, {@code retry} and {@code
 * clean} the engine asks for the same origin again, so a password fixed in {@code settings.xml}
 * takes effect at the next start. Inline secrets given to {@link
 * OssImport#submit(java.nio.file.Path, Map)} get the origin {@value #INLINE}.
 *
 * <p>Immutable; {@link #toString()} shows origins and key names only.
 */
public final class SuppliedCredentials {
  /** The origin of secrets given as inline keys of {@code submit}. */
  public static final String INLINE = "inline";

  private static final SuppliedCredentials NONE =
      new SuppliedCredentials(Collections.<String, Map<String, String>>emptyMap());

  private final Map<String, Map<String, String>> byOrigin;

  private SuppliedCredentials(Map<String, Map<String, String>> byOrigin) {
    this.byOrigin = byOrigin;
  }

  /** No supplied credentials: everything comes from the job file or the environment. */
  public static SuppliedCredentials none() {
    return NONE;
  }

  /** A builder. */
  public static Builder builder() {
    return new Builder();
  }

  /** The origins, in the order they were supplied. */
  public Set<String> origins() {
    return byOrigin.keySet();
  }

  /** The job keys supplied under {@code origin} (key to clear value); empty if none. */
  public Map<String, String> keys(String origin) {
    Map<String, String> keys = byOrigin.get(origin);
    return keys == null ? Collections.<String, String>emptyMap() : keys;
  }

  /** The value of {@code key} supplied under {@code origin}, or null. */
  public String value(String origin, String key) {
    return keys(origin).get(key);
  }

  /** Whether nothing is supplied. */
  public boolean isEmpty() {
    return byOrigin.isEmpty();
  }

  /** Origins and key names, never values. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("SuppliedCredentials{");
    String sep = "";
    for (Map.Entry<String, Map<String, String>> e : byOrigin.entrySet()) {
      out.append(sep).append(e.getKey()).append('=').append(e.getValue().keySet());
      sep = ", ";
    }
    return out.append('}').toString();
  }

  /** Collects supplied keys by origin. */
  public static final class Builder {
    private final Map<String, Map<String, String>> byOrigin = new LinkedHashMap<>();

    private Builder() {}

    /**
     * Supplies {@code key} from {@code origin}. An empty or null value is left out (the key is then
     * taken from the job file or the environment).
     *
     * @param origin a short name without line breaks, e.g. {@code maven-server:oss-dest}
     * @throws IllegalArgumentException if the origin is empty or has a line break
     */
    public Builder supply(String origin, String key, String value) {
      if (origin == null || origin.trim().isEmpty() || origin.matches("(?s).*[\\r\\n].*")) {
        throw new IllegalArgumentException(
            "the origin of supplied credentials must be a non-empty name on one line");
      }
      if (value == null || value.isEmpty()) {
        return this;
      }
      Map<String, String> keys = byOrigin.get(origin);
      if (keys == null) {
        keys = new LinkedHashMap<>();
        byOrigin.put(origin, keys);
      }
      keys.put(key, value);
      return this;
    }

    /** The credentials supplied so far. */
    public SuppliedCredentials build() {
      if (byOrigin.isEmpty()) {
        return NONE;
      }
      Map<String, Map<String, String>> copy = new LinkedHashMap<>();
      for (Map.Entry<String, Map<String, String>> e : byOrigin.entrySet()) {
        copy.put(
            e.getKey(),
            Collections.unmodifiableMap(new LinkedHashMap<String, String>(e.getValue())));
      }
      return new SuppliedCredentials(Collections.unmodifiableMap(copy));
    }
  }
}
