package io.ossimport.spark.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code spark-submit} is given: the main class, the application jar, {@code --conf} settings
 * and the application's arguments. The defaults keep two executors small enough for a 2-core
 * machine: 1 core and 512 MiB each, lean JVMs, no application UI, everything bound to 127.0.0.1.
 */
public final class SparkSubmission {
  /**
   * JVM options of every JVM of a test cluster: seven JVMs start at once on a 2-core machine, and
   * the C2 compiler's and parallel GC's threads slow each other's start most; the tests measure
   * nothing.
   */
  static final List<String> LEAN_JVM =
      Collections.unmodifiableList(Arrays.asList("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));

  final String mainClass;
  final Path applicationJar;
  final Map<String, String> conf = new LinkedHashMap<String, String>();
  final List<String> args = new ArrayList<String>();
  String name;

  private SparkSubmission(String mainClass, Path applicationJar) {
    this.mainClass = mainClass;
    this.applicationJar = applicationJar;
    this.name = mainClass.substring(mainClass.lastIndexOf('.') + 1);
    conf.put("spark.executor.memory", "512m");
    conf.put("spark.executor.cores", "1");
    conf.put("spark.cores.max", "2");
    conf.put("spark.ui.enabled", "false");
    conf.put("spark.executor.extraJavaOptions", String.join(" ", LEAN_JVM));
    conf.put("spark.driver.host", "127.0.0.1");
    conf.put("spark.driver.bindAddress", "127.0.0.1");
  }

  /**
   * Submits {@code mainClass} from {@code applicationJar}; named by class name, not by type, so a
   * test can refer to an application another module or branch provides.
   */
  public static SparkSubmission of(String mainClass, Path applicationJar) {
    return new SparkSubmission(mainClass, applicationJar);
  }

  /** A {@code --conf key=value}; replaces a default. */
  public SparkSubmission conf(String key, String value) {
    conf.put(key, value);
    return this;
  }

  /** The application's name ({@code --name}); the main class's simple name by default. */
  public SparkSubmission name(String name) {
    this.name = name;
    return this;
  }

  /** Arguments after the application jar. */
  public SparkSubmission args(String... more) {
    args.addAll(Arrays.asList(more));
    return this;
  }

  /**
   * The arguments of {@code org.apache.spark.deploy.SparkSubmit}, as spark-submit passes them. The
   * executors' JDK 17 flags need no setting: Spark 3.5's SparkContext prepends its own {@code
   * JavaModuleOptions} to {@code spark.executor.extraJavaOptions}.
   */
  List<String> submitArguments(String masterUrl) {
    List<String> a = new ArrayList<String>();
    a.add("--master");
    a.add(masterUrl);
    a.add("--deploy-mode");
    a.add("client");
    a.add("--class");
    a.add(mainClass);
    a.add("--name");
    a.add(name);
    for (Map.Entry<String, String> e : conf.entrySet()) {
      a.add("--conf");
      a.add(e.getKey() + "=" + e.getValue());
    }
    a.add(applicationJar.toAbsolutePath().toString());
    a.addAll(args);
    return a;
  }
}
