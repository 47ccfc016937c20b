package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;

class ConfigReferenceTest {
  /** Surefire runs in the module directory; the document lives at the repository root. */
  private static final Path DOC = Paths.get("..", "docs", "CONFIGURATION.md");

  @Test
  void theCheckedInDocumentMatchesTheCatalogues() throws Exception {
    String generated = ConfigReference.markdown();
    if (Boolean.getBoolean("ossimport.writeConfigDocs")) {
      Files.write(DOC, generated.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(Files.exists(DOC), "missing " + DOC.toAbsolutePath());
    assertEquals(
        generated,
        new String(Files.readAllBytes(DOC), StandardCharsets.UTF_8),
        "docs/CONFIGURATION.md is stale: rerun this test with -Dossimport.writeConfigDocs=true");
  }

  @Test
  void everyKeyIsDocumentedWithMeaningRuleAndSource() {
    for (KeyCatalogue catalogue : new KeyCatalogue[] {JobKeys.CATALOGUE, SysKeys.CATALOGUE}) {
      for (ConfigKey key : catalogue.keys()) {
        assertFalse(key.description().isEmpty(), key + " has no description");
        assertFalse(key.rule().isEmpty(), key + " has no rule");
        assertTrue(key.reference().startsWith("§"), key + " has no reference section");
        assertFalse(key.group().isEmpty(), key + " has no group");
        assertTrue(ConfigReference.markdown().contains("#### `" + key.name() + "`"), key.name());
      }
    }
  }
}
