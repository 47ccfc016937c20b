package io.ossimport.core.service;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.config.LoadedConfig;
import io.ossimport.core.config.SysConfig;
import io.ossimport.core.config.SysConfigLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where the service's system settings came from (a {@code sys.properties} file, inline keys over
 * it, or inline keys alone), so that the service can read them again while it runs.
 */
final class SysSource {
  private final Path fileOrNull;
  private final Map<String, String> overrides;
  private final String overridesLabel;

  SysSource(Path fileOrNull, Map<String, String> overrides, String overridesLabel) {
    this.fileOrNull = fileOrNull;
    this.overrides = Collections.unmodifiableMap(new LinkedHashMap<String, String>(overrides));
    this.overridesLabel = overridesLabel;
  }

  /** Settings that never change: no file to read again (tests, a service started from values). */
  static SysSource fixed() {
    return new SysSource(null, Collections.<String, String>emptyMap(), "");
  }

  boolean hasFile() {
    return fileOrNull != null;
  }

  /** The file's name as messages show it. */
  String fileName() {
    return fileOrNull == null ? "sys.properties" : fileOrNull.toString();
  }

  /** The file's bytes now, to notice a change; {@code null} without a file. */
  byte[] fileBytes() throws IOException {
    return fileOrNull == null ? null : Files.readAllBytes(fileOrNull);
  }

  /** Loads and validates the settings as the service start did: the file, then the inline keys. */
  LoadedConfig<SysConfig> load() throws ConfigurationException {
    SysConfigLoader loader = new SysConfigLoader();
    return fileOrNull == null
        ? loader.load(overrides, overridesLabel)
        : loader.load(fileOrNull, overrides, overridesLabel);
  }
}
