package io.ossimport.core.config;

import io.ossimport.core.api.ConfigurationException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;

/**
 * Loads and validates {@code sys.properties}, accepting the pre-2.2.0 {@code slave*} names with a
 * deprecation warning, from a file, inline keys, or both.
 */
public final class SysConfigLoader {
  /** Loads a system file. */
  public LoadedConfig<SysConfig> load(Path file) throws ConfigurationException {
    return load(file, Collections.<String, String>emptyMap(), "");
  }

  /** Loads a system file, then applies inline keys over it. */
  public LoadedConfig<SysConfig> load(
      Path file, Map<String, String> overrides, String overridesLabel)
      throws ConfigurationException {
    Findings findings = new Findings();
    ConfigInputs inputs = new ConfigInputs(SysKeys.CATALOGUE, JobKeys.CATALOGUE, findings);
    if (!inputs.addFile(file)) {
      findings.throwIfProblems();
    }
    if (!overrides.isEmpty()) {
      inputs.addMap(overrides, overridesLabel);
    }
    return validate(inputs, findings);
  }

  /** Loads system keys from inline keys only; unset keys take their defaults. */
  public LoadedConfig<SysConfig> load(Map<String, String> keys, String label)
      throws ConfigurationException {
    Findings findings = new Findings();
    ConfigInputs inputs = new ConfigInputs(SysKeys.CATALOGUE, JobKeys.CATALOGUE, findings);
    inputs.addMap(keys, label);
    return validate(inputs, findings);
  }

  private static LoadedConfig<SysConfig> validate(ConfigInputs inputs, Findings findings)
      throws ConfigurationException {
    ConfigValues values = new ConfigValues(SysKeys.CATALOGUE, inputs.resolve(), findings);
    SystemRules.check(values);
    findings.throwIfProblems();
    return new LoadedConfig<SysConfig>(new SysConfig(values.snapshot()), findings.warnings());
  }
}
