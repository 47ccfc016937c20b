package io.ossimport.core.source.registry;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.config.SourceType;
import org.junit.jupiter.api.Test;

class SourcesTest {

  @Test
  void everySourceTypeTheConfigurationAcceptsCanBeRead() {
    // submit refuses a srcType that Sources cannot open; every accepted value must be readable so
    // that a valid configuration is never refused (youpai is refused by the configuration itself).
    for (SourceType type : SourceType.values()) {
      assertTrue(Sources.supports(type), "srcType=" + type.configValue() + " has no source");
    }
  }
}
