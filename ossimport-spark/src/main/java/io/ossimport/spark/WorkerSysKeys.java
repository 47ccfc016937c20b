package io.ossimport.spark;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The keys of the driver's {@code sys.properties} that the executors' workers need: the {@code
 * worker*} keys (and their pre-2.2.0 {@code slave*} names) but the SSH login of the original's
 * distributed mode, which Spark mode has no use for and which must not travel. The executor
 * validates them again with core's {@code SysConfigLoader}, so they mean there what they mean here.
 */
final class WorkerSysKeys {
  private WorkerSysKeys() {}

  static Map<String, String> of(Path sysProperties) throws IOException {
    Map<String, String> keys = new TreeMap<String, String>();
    if (sysProperties == null) {
      return keys;
    }
    Properties p = new Properties();
    try (InputStream in = Files.newInputStream(sysProperties)) {
      p.load(in);
    }
    for (String name : p.stringPropertyNames()) {
      if (isWorkerKey(name)) {
        keys.put(name, p.getProperty(name).trim());
      }
    }
    return keys;
  }

  static boolean isWorkerKey(String name) {
    boolean worker = name.startsWith("worker") || name.startsWith("slave");
    boolean login = name.endsWith("UserName") || name.endsWith("Password");
    return worker && !login;
  }
}
