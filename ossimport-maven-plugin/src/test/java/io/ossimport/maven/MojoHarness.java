package io.ossimport.maven;

import org.apache.maven.api.plugin.testing.MojoExtension;

/** Sets Mojo fields the harness cannot set from a string, e.g. a directory made by @TempDir. */
final class MojoHarness {
  private MojoHarness() {}

  static void setField(Object mojo, String field, Object value) throws IllegalAccessException {
    MojoExtension.setVariableValueToObject(mojo, field, value);
  }
}
