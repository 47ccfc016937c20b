package io.ossimport.core.config;

import io.ossimport.core.api.ConfigWarning;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** A configuration that loaded, with the warnings to show the user. */
public final class LoadedConfig<T> {
  private final T config;
  private final List<ConfigWarning> warnings;

  LoadedConfig(T config, List<ConfigWarning> warnings) {
    this.config = config;
    this.warnings = Collections.unmodifiableList(new ArrayList<ConfigWarning>(warnings));
  }

  public T config() {
    return config;
  }

  /** Unknown, deprecated or duplicate keys and discouraged values, in file order. */
  public List<ConfigWarning> warnings() {
    return warnings;
  }

  @Override
  public String toString() {
    return config + " with " + warnings.size() + " warning(s)";
  }
}
