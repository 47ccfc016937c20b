package io.ossimport.spark.cluster;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packs test classes into an application jar for {@code spark-submit}: the driver serves it to the
 * executors, which load the test's functions from it as they would an operator's application.
 */
public final class TestJars {
  private TestJars() {}

  /** The module's compiled test classes ({@code ossimport.spark.testClasses}, set by Failsafe). */
  public static Path testClasses() {
    return Paths.get(System.getProperty("ossimport.spark.testClasses", "target/test-classes"));
  }

  /**
   * Writes {@code jar} with the classes of package {@code pkg} (and its sub-packages) found under
   * {@code classes}; fails if there are none.
   */
  public static Path pack(Path classes, String pkg, Path jar) throws IOException {
    final Path root = classes.resolve(pkg.replace('.', '/'));
    if (!Files.isDirectory(root)) {
      throw new IllegalStateException("No compiled classes of " + pkg + " in " + classes);
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    Files.createDirectories(jar.toAbsolutePath().getParent());
    try (OutputStream file = Files.newOutputStream(jar);
        final JarOutputStream out = new JarOutputStream(file, manifest)) {
      final Path base = classes;
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<Path>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
              out.putNextEntry(new JarEntry(base.relativize(f).toString().replace('\\', '/')));
              Files.copy(f, out);
              out.closeEntry();
              return FileVisitResult.CONTINUE;
            }
          });
    }
    return jar;
  }
}
