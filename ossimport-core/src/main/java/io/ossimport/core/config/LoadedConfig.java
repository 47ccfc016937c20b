package io.ossimport.core.config;

import io.ossimport.core.api.ConfigWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A configuration that loaded, with the warnings to show the user. */
public final class LoadedConfig<T> {
  private final T config;
  private final List<ConfigWarning> warnings;
  private final Map<String, String> credentialReferences;

  LoadedConfig(T config, List<ConfigWarning> warnings) {
    this(config, warnings, Collections.<String, String>emptyMap());
  }

  LoadedConfig(T config, List<ConfigWarning> warnings, Map<String, String> credentialReferences) {
    this.config = config;
    this.warnings = Collections.unmodifiableList(new ArrayList<ConfigWarning>(warnings));
    this.credentialReferences =
        Collections.unmodifiableMap(new LinkedHashMap<String, String>(credentialReferences));
  }

  public T config() {
    return config;
  }

  /** Unknown, deprecated or duplicate keys and discouraged values, in file order. */
  public List<ConfigWarning> warnings() {
    return warnings;
  }

  /**
   * For each secret key that is set, where it came from as a {@link CredentialResolver} reference
   * ({@code @file:...}, {@code @environment:...}, {@code @supplied:...}); what submit freezes in
   * place of the secret.
   */
  Map<String, String> credentialReferences() {
    return credentialReferences;
  }

  @Override
  public String toString() {
    return config + " with " + warnings.size() + " warning(s)";
  }
}
