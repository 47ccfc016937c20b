package io.ossimport.core.service;

import java.nio.file.Path;
import java.util.concurrent.ConcurrentHashMap;

/** The services running in this JVM, by working directory, so that {@code stop} can reach them. */
final class ServiceRegistry {
  private static final ConcurrentHashMap<Path, ImportService> RUNNING = new ConcurrentHashMap<>();

  private ServiceRegistry() {}

  static void register(Path workingDir, ImportService service) {
    RUNNING.put(workingDir, service);
  }

  static void unregister(Path workingDir, ImportService service) {
    RUNNING.remove(workingDir, service);
  }

  /** The service running in this JVM on {@code workingDir}, or {@code null}. */
  static ImportService find(Path workingDir) {
    return RUNNING.get(workingDir);
  }
}
