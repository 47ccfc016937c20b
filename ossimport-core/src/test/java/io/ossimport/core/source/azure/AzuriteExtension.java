package io.ossimport.core.source.azure;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: injects the static {@code Azurite} field of a test class. One emulator serves
 * every class of the test run (it takes seconds to start); JUnit closes it at the end of the run.
 * Classes keep apart by using containers of their own. Its data lives under {@code
 * target/azurite-data}.
 */
final class AzuriteExtension implements BeforeAllCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(AzuriteExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Azurite azurite =
        context
            .getRoot()
            .getStore(NS)
            .getOrComputeIfAbsent("azurite", key -> start(), Azurite.class);
    for (Field f : context.getRequiredTestClass().getDeclaredFields()) {
      if (f.getType() == Azurite.class && Modifier.isStatic(f.getModifiers())) {
        f.setAccessible(true);
        f.set(null, azurite);
      }
    }
  }

  private static Azurite start() {
    try {
      Path data =
          Files.createDirectories(Paths.get("target", "azurite-data"))
              .resolve("run-" + System.currentTimeMillis());
      return Azurite.start(data);
    } catch (Exception e) {
      throw new IllegalStateException("cannot start Azurite: " + e.getMessage(), e);
    }
  }
}
