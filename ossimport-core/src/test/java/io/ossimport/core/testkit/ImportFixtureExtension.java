package io.ossimport.core.testkit;

import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit 5 extension: a new {@link ImportFixture} for each test, on the emulator of {@link
 * OssEmulatorExtension} (registered before this one) and a temporary directory of its own, injected
 * into the test's {@code ImportFixture} fields; closed, and its directory deleted, after the test.
 *
 * <pre>{@code
 * @ExtendWith({OssEmulatorExtension.class, ImportFixtureExtension.class})
 * class MyTest {
 *   OssEmulator oss;
 *   ImportFixture f;
 *   @Test void works() { ... f.job ... }
 * }
 * }</pre>
 */
public final class ImportFixtureExtension implements BeforeEachCallback, AfterEachCallback {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(ImportFixtureExtension.class);

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    Path temp = Files.createTempDirectory("ossimport-fixture-");
    ImportFixture fixture = new ImportFixture(OssEmulatorExtension.emulator(context), temp);
    context.getStore(NS).put("fixture", fixture);
    Object test = context.getRequiredTestInstance();
    for (Class<?> c = test.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == ImportFixture.class) {
          f.setAccessible(true);
          f.set(test, fixture);
        }
      }
    }
  }

  @Override
  public void afterEach(ExtensionContext context) throws IOException {
    ImportFixture fixture = context.getStore(NS).remove("fixture", ImportFixture.class);
    if (fixture != null) {
      fixture.close();
      delete(fixture.temp);
    }
  }

  private static void delete(Path dir) throws IOException {
    try (Stream<Path> tree = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) tree.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(p);
      }
    }
  }
}
