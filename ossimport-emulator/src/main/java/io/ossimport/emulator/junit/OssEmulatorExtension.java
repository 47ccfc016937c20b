package io.ossimport.emulator.junit;

import io.ossimport.emulator.OssEmulator;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * JUnit 5 extension: one in-memory {@link OssEmulator} per test class, injected into {@code
 * OssEmulator} fields and parameters; counters and faults are reset before each test.
 *
 * <pre>{@code
 * @ExtendWith(OssEmulatorExtension.class)
 * class MyTest {
 *   OssEmulator oss;
 *   @Test void works() { ... oss.endpoint() ... }
 * }
 * }</pre>
 */
public final class OssEmulatorExtension
    implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, ParameterResolver {
  private static final ExtensionContext.Namespace NS =
      ExtensionContext.Namespace.create(OssEmulatorExtension.class);

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    OssEmulator emulator = OssEmulator.builder().inMemory().build().start();
    context.getStore(NS).put("emulator", emulator);
    injectFields(context.getRequiredTestClass(), null, emulator, true);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    OssEmulator e = context.getStore(NS).remove("emulator", OssEmulator.class);
    if (e != null) {
      e.close();
    }
  }

  @Override
  public void beforeEach(ExtensionContext context) throws Exception {
    OssEmulator e = emulator(context);
    e.counters().reset();
    e.faults().clear();
    injectFields(context.getRequiredTestClass(), context.getRequiredTestInstance(), e, false);
  }

  /**
   * The emulator this extension started for the test class of {@code context}, for another
   * extension registered after this one.
   */
  public static OssEmulator emulator(ExtensionContext context) {
    ExtensionContext c = context;
    while (c != null) {
      OssEmulator e = c.getStore(NS).get("emulator", OssEmulator.class);
      if (e != null) {
        return e;
      }
      c = c.getParent().orElse(null);
    }
    throw new IllegalStateException("OssEmulatorExtension was not started for this class");
  }

  private static void injectFields(Class<?> type, Object instance, OssEmulator e, boolean statics)
      throws IllegalAccessException {
    for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (f.getType() == OssEmulator.class && Modifier.isStatic(f.getModifiers()) == statics) {
          f.setAccessible(true);
          f.set(instance, e);
        }
      }
    }
  }

  @Override
  public boolean supportsParameter(ParameterContext p, ExtensionContext e)
      throws ParameterResolutionException {
    return p.getParameter().getType() == OssEmulator.class;
  }

  @Override
  public Object resolveParameter(ParameterContext p, ExtensionContext e)
      throws ParameterResolutionException {
    return emulator(e);
  }
}
