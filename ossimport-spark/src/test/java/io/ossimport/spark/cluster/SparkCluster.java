package io.ossimport.spark.cluster;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Spark standalone cluster on 127.0.0.1 for integration tests: one master and some workers, each
 * a JVM of its own started from {@code SPARK_HOME/jars} (the build lays it out from the Maven
 * artifacts), drivers submitted the way {@code spark-submit} runs them, executors found and killed
 * -9. Everything it started is gone after {@link #close()}, and after the test JVM ends even if
 * close was never reached (a shutdown hook).
 *
 * <pre>{@code
 * try (SparkCluster cluster = SparkCluster.start(2)) {
 *   ClusterJvm driver = cluster.submit(SparkSubmission.of("my.App", jar).args("x"));
 *   ExecutorProcess victim = cluster.awaitExecutors(2, 120_000).get(0);
 *   cluster.kill(victim);
 *   assertEquals(0, driver.awaitExit(120_000));
 * }
 * }</pre>
 *
 * <p>Settings come from the system properties Failsafe sets: {@code ossimport.spark.home} (the
 * laid-out {@code SPARK_HOME}) and {@code ossimport.spark.jvmFlags} (the {@code --add-opens} flags
 * Spark 3.5 needs on JDK 17, given to the master, the workers and the drivers; executors get them
 * from Spark itself).
 */
public final class SparkCluster implements AutoCloseable {
  private static final Pattern ALIVE_WORKERS = Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)");
  private static final long WORKERS_TIMEOUT_MILLIS = 120_000;

  private final Path sparkHome;
  private final Path dir;
  private final List<String> jvmFlags;
  private final Map<String, String> env = new LinkedHashMap<String, String>();
  private final int masterPort;
  private final int masterWebPort;
  private final List<ClusterJvm> daemons = new ArrayList<ClusterJvm>();
  private final List<ClusterJvm> drivers = new ArrayList<ClusterJvm>();
  private final Thread shutdownHook;
  private int submissions;

  private SparkCluster(Path sparkHome, Path dir, List<String> jvmFlags) throws IOException {
    this.sparkHome = sparkHome;
    this.dir = dir;
    this.jvmFlags = jvmFlags;
    this.masterPort = freePort();
    this.masterWebPort = freePort();
    env.put("SPARK_HOME", sparkHome.toAbsolutePath().toString());
    // Spares the launcher's search for a source build (it asks for the Scala version first).
    env.put("SPARK_SCALA_VERSION", "2.12");
    // Every JVM binds and advertises loopback only, executors too (they inherit the worker's).
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_LOCAL_HOSTNAME", "127.0.0.1");
    env.put("SPARK_CONF_DIR", dir.resolve("conf").toAbsolutePath().toString());
    this.shutdownHook = new Thread(this::stopAll, "spark-cluster-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
  }

  /** Starts a master and {@code workers} workers of one core each under {@code target/}. */
  public static SparkCluster start(int workers) throws IOException, InterruptedException {
    Path home = sparkHomeFromBuild();
    Path dir =
        home.resolveSibling("spark-cluster").resolve("cluster-" + System.currentTimeMillis());
    return start(home, dir, workers);
  }

  /**
   * Starts a master and {@code workers} workers from {@code sparkHome}, with files in {@code dir}.
   */
  public static SparkCluster start(Path sparkHome, Path dir, int workers)
      throws IOException, InterruptedException {
    if (!Files.isDirectory(sparkHome.resolve("jars"))) {
      throw new IllegalStateException(
          "No Spark jars in "
              + sparkHome.resolve("jars")
              + ": run the module's pre-integration-test phase (mvn verify), which lays them out");
    }
    Files.createDirectories(dir.resolve("conf"));
    SparkCluster cluster = new SparkCluster(sparkHome, dir, jvmFlagsFromBuild());
    try {
      cluster.startMaster();
      for (int i = 1; i <= workers; i++) {
        cluster.startWorker(i);
      }
      cluster.awaitWorkers(workers);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  static Path sparkHomeFromBuild() {
    return Paths.get(System.getProperty("ossimport.spark.home", "target/spark-home"))
        .toAbsolutePath();
  }

  static List<String> jvmFlagsFromBuild() {
    String flags = System.getProperty("ossimport.spark.jvmFlags", "").trim();
    return flags.isEmpty() ? Collections.<String>emptyList() : Arrays.asList(flags.split("\\s+"));
  }

  /** {@code spark://127.0.0.1:<port>}, what drivers are given as {@code --master}. */
  public String masterUrl() {
    return "spark://127.0.0.1:" + masterPort;
  }

  /** Where logs and the workers' work directories are. */
  public Path dir() {
    return dir;
  }

  private void startMaster() throws IOException {
    daemons.add(
        daemon(
            "master",
            "org.apache.spark.deploy.master.Master",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(masterPort),
            "--webui-port",
            Integer.toString(masterWebPort)));
  }

  private void startWorker(int n) throws IOException {
    Path work = Files.createDirectories(dir.resolve("worker-" + n));
    daemons.add(
        daemon(
            "worker-" + n,
            "org.apache.spark.deploy.worker.Worker",
            "--host",
            "127.0.0.1",
            "--port",
            Integer.toString(freePort()),
            "--webui-port",
            Integer.toString(freePort()),
            "--cores",
            "1",
            "--memory",
            "1g",
            "--work-dir",
            work.toAbsolutePath().toString(),
            masterUrl()));
  }

  private ClusterJvm daemon(String role, String mainClass, String... args) throws IOException {
    List<String> options = new ArrayList<String>(jvmFlags);
    options.addAll(SparkSubmission.LEAN_JVM);
    options.add("-Xmx256m");
    return ClusterJvm.start(
        role, sparkHome, options, mainClass, Arrays.asList(args), env, dir.resolve(role + ".log"));
  }

  /** Waits until the master's JSON page counts {@code n} alive workers. */
  private void awaitWorkers(int n) throws InterruptedException {
    long deadline = System.currentTimeMillis() + WORKERS_TIMEOUT_MILLIS;
    int alive = -1;
    while (System.currentTimeMillis() < deadline) {
      requireDaemonsAlive();
      alive = aliveWorkers();
      if (alive >= n) {
        return;
      }
      Thread.sleep(250);
    }
    throw new AssertionError(
        "the master counts " + alive + " of " + n + " workers alive\n" + logs());
  }

  /** The master's count of alive workers, or -1 while its UI does not answer yet. */
  private int aliveWorkers() {
    try {
      HttpURLConnection c =
          (HttpURLConnection)
              new URL("http://127.0.0.1:" + masterWebPort + "/json").openConnection();
      c.setConnectTimeout(2000);
      c.setReadTimeout(5000);
      try (InputStream in = c.getInputStream()) {
        Matcher m = ALIVE_WORKERS.matcher(readAll(in));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
      } finally {
        c.disconnect();
      }
    } catch (IOException e) {
      return -1;
    }
  }

  private void requireDaemonsAlive() {
    for (ClusterJvm d : daemons) {
      if (!d.isAlive()) {
        throw new AssertionError(d.role() + " ended\n" + d.logTail(80));
      }
    }
  }

  /** Executors come only for a running driver: once every submitted one has ended, none will. */
  private void requireADriverRunning() {
    StringBuilder logs = new StringBuilder();
    synchronized (drivers) {
      for (ClusterJvm d : drivers) {
        if (d.isAlive()) {
          return;
        }
        logs.append(d.logTail(40)).append('\n');
      }
    }
    if (logs.length() > 0) {
      throw new AssertionError("every driver ended, so no executor will start\n" + logs);
    }
  }

  /**
   * Runs {@code org.apache.spark.deploy.SparkSubmit} in a JVM of its own, in client mode, so the
   * driver runs there as {@code spark-submit} would run it; its log is {@code driver-<n>.log}.
   */
  public ClusterJvm submit(SparkSubmission submission) throws IOException {
    List<String> options = new ArrayList<String>(jvmFlags);
    options.addAll(SparkSubmission.LEAN_JVM);
    options.add("-Xmx512m");
    String role = "driver-" + (++submissions);
    ClusterJvm driver =
        ClusterJvm.start(
            role,
            sparkHome,
            options,
            "org.apache.spark.deploy.SparkSubmit",
            submission.submitArguments(masterUrl()),
            env,
            dir.resolve(role + ".log"));
    synchronized (drivers) {
      drivers.add(driver);
    }
    return driver;
  }

  /** The executor JVMs alive now, of every application on this cluster. */
  public List<ExecutorProcess> executors() throws IOException {
    return ExecutorProcess.under(dir);
  }

  /** Waits until at least {@code n} executors are alive and returns them. */
  public List<ExecutorProcess> awaitExecutors(int n, long timeoutMillis)
      throws IOException, InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    List<ExecutorProcess> alive = executors();
    while (alive.size() < n) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(
            alive.size() + " of " + n + " executors alive: " + alive + "\n" + logs());
      }
      requireDaemonsAlive();
      requireADriverRunning();
      Thread.sleep(200);
      alive = executors();
    }
    return alive;
  }

  /**
   * The working directory of every executor the workers started, alive or ended ({@code
   * worker-<n>/<app-id>/<executor-id>}, with its {@code stdout} and {@code stderr}): what the
   * cluster granted, which {@link #executors()} cannot tell once an executor has gone.
   */
  public List<Path> executorsStarted() throws IOException {
    List<Path> started = new ArrayList<Path>();
    for (File worker : listed(dir.toFile(), "worker-")) {
      for (File app : listed(worker, "app-")) {
        for (File executor : listed(app, "")) {
          if (executor.isDirectory()) {
            started.add(executor.toPath());
          }
        }
      }
    }
    return started;
  }

  private static List<File> listed(File dir, String prefix) {
    File[] children = dir.listFiles((d, name) -> name.startsWith(prefix));
    List<File> sorted = children == null ? new ArrayList<File>() : Arrays.asList(children);
    Collections.sort(sorted);
    return sorted;
  }

  /** Kills the executor with SIGKILL (no shutdown hook runs) and waits until it is gone. */
  public void kill(ExecutorProcess executor) throws IOException, InterruptedException {
    sigkill(executor.pid());
    long deadline = System.currentTimeMillis() + 30_000;
    while (executor.isAlive()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError(executor + " outlived kill -9");
      }
      Thread.sleep(50);
    }
  }

  private static void sigkill(long pid) throws IOException, InterruptedException {
    new ProcessBuilder("kill", "-KILL", Long.toString(pid))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(new File("/dev/null")))
        .start()
        .waitFor();
  }

  /** The tails of every log of the cluster, for assertion messages. */
  public String logs() {
    StringBuilder sb = new StringBuilder();
    List<ClusterJvm> all = new ArrayList<ClusterJvm>(daemons);
    synchronized (drivers) {
      all.addAll(drivers);
    }
    for (ClusterJvm jvm : all) {
      sb.append(jvm.logTail(40)).append('\n');
    }
    return sb.toString();
  }

  /** Stops drivers, workers, master and every executor left, each with SIGKILL. */
  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // the JVM is shutting down: the hook is running or has run
    }
  }

  private synchronized void stopAll() {
    List<ClusterJvm> all = new ArrayList<ClusterJvm>();
    synchronized (drivers) {
      all.addAll(drivers);
    }
    // Drivers first (they would ask for new executors), workers (they would launch them) next.
    for (int i = daemons.size() - 1; i >= 0; i--) {
      all.add(daemons.get(i));
    }
    for (ClusterJvm jvm : all) {
      try {
        jvm.kill();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    // Executors are the workers' children: a worker killed -9 leaves them behind.
    try {
      for (ExecutorProcess e : executors()) {
        sigkill(e.pid());
      }
    } catch (IOException e) {
      // nothing left to find
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return s.getLocalPort();
    }
  }

  private static String readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
      out.write(buf, 0, n);
    }
    return new String(out.toByteArray(), StandardCharsets.UTF_8);
  }
}
