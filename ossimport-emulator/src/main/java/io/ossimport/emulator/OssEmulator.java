package io.ossimport.emulator;

import io.ossimport.emulator.http.AdminHandler;
import io.ossimport.emulator.http.Dialect;
import io.ossimport.emulator.http.Dispatcher;
import io.ossimport.emulator.http.EmulatorHttpServer;
import io.ossimport.emulator.oss.OssBuckets;
import io.ossimport.emulator.oss.OssDialect;
import io.ossimport.emulator.s3.S3Dialect;
import io.ossimport.emulator.store.Store;
import io.ossimport.emulator.store.StoreException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;

/**
 * A local OSS server for tests, benchmarks and demos: speaks the OSS REST dialect (and, when
 * registered, an S3 subset) on 127.0.0.1, verifies signatures, keeps data in memory or in a
 * directory, counts requests and injects faults.
 *
 * <pre>{@code
 * try (OssEmulator oss = OssEmulator.builder().inMemory().build().start()) {
 *   oss.createBucket("demo");
 *   OSS client = new OSSClientBuilder().build(oss.endpoint(), oss.accessKeyId(), oss.secretAccessKey());
 * }
 * }</pre>
 */
public final class OssEmulator implements AutoCloseable {
  /** Access key id used when none is configured. */
  public static final String DEFAULT_ACCESS_KEY_ID = "emulator-access-key";

  /** Secret used when none is configured (test-only, not a real secret). */
  public static final String DEFAULT_SECRET = "emulator-secret-key";

  private final Builder settings;
  private final EmulatorConfig config;
  private final RequestCounters counters = new RequestCounters();
  private final Faults faults = new Faults();
  private Store store;
  private EmulatorHttpServer server;

  private OssEmulator(Builder b) {
    this.settings = b;
    Map<String, String> creds = new LinkedHashMap<String, String>(b.credentials);
    if (creds.isEmpty()) {
      creds.put(DEFAULT_ACCESS_KEY_ID, DEFAULT_SECRET);
    }
    this.config =
        new EmulatorConfig(
            b.baseHost,
            creds,
            b.region,
            b.allowAnonymous,
            b.maxSkewMillis,
            b.s3IgnoresEncodingType);
    for (String[] t : b.securityTokens) {
      config.securityTokens().add(t[0], t[1], t[2]);
    }
  }

  /** A builder with defaults: in memory, any free port on 127.0.0.1, one key pair. */
  public static Builder builder() {
    return new Builder();
  }

  /** Opens the store, binds the port and starts serving. */
  public synchronized OssEmulator start() throws IOException {
    if (server != null) {
      throw new IllegalStateException("already started");
    }
    store =
        settings.dataDir == null
            ? Store.inMemory()
            : Store.onDisk(settings.dataDir, settings.fsync);
    for (String b : settings.buckets) {
      createBucketIfAbsent(b);
    }
    List<Dialect> dialects = new ArrayList<Dialect>();
    // Other dialects go here, before OSS (the fallback), e.g. dialects.add(new S3Dialect(...)).
    dialects.add(new S3Dialect(store, config));
    dialects.add(new OssDialect(config, store));
    AdminHandler admin =
        new AdminHandler(
            counters,
            faults,
            config.securityTokens(),
            new AdminHandler.BucketCreator() {
              @Override
              public boolean create(String name) throws IOException {
                return createBucketIfAbsent(name);
              }
            });
    server =
        new EmulatorHttpServer(
            settings.host,
            settings.port,
            settings.maxConnections,
            settings.tls,
            new Dispatcher(dialects, counters, faults, admin));
    server.start();
    return this;
  }

  /**
   * The base URL, e.g. {@code http://127.0.0.1:39123} (what OSSClientBuilder takes), {@code
   * https://...} when built with {@link Builder#tls(SSLContext)}.
   */
  public String endpoint() {
    return (settings.tls == null ? "http://" : "https://") + hostForUrl() + ":" + port();
  }

  /** {@link #endpoint()} as a URI. */
  public URI url() {
    return URI.create(endpoint());
  }

  private String hostForUrl() {
    return settings.host.contains(":") ? "[" + settings.host + "]" : settings.host;
  }

  /** The bound port. */
  public int port() {
    requireStarted();
    return server.port();
  }

  private void requireStarted() {
    if (server == null) {
      throw new IllegalStateException("call start() first");
    }
  }

  /** The first configured access key id. */
  public String accessKeyId() {
    return settings.credentials.isEmpty()
        ? DEFAULT_ACCESS_KEY_ID
        : settings.credentials.keySet().iterator().next();
  }

  /** The secret of {@link #accessKeyId()}. */
  public String secretAccessKey() {
    return config.secretOf(accessKeyId());
  }

  /** Region the emulator claims, e.g. {@code cn-hangzhou}. */
  public String region() {
    return config.region();
  }

  public EmulatorConfig config() {
    return config;
  }

  /**
   * Accepts STS temporary credentials from now on: requests signed with {@code accessKeyId} /
   * {@code secret} must carry {@code token} (as {@code x-oss-security-token} or {@code
   * security-token}).
   */
  public OssEmulator addSecurityToken(String accessKeyId, String secret, String token) {
    config.securityTokens().add(accessKeyId, secret, token);
    return this;
  }

  /**
   * Expires an STS token: requests carrying it get 403 {@code SecurityTokenExpired}, as real OSS
   * answers once the STS credentials have run out. Throws if no temporary key pair has the token.
   */
  public OssEmulator expireSecurityToken(String token) {
    if (!config.securityTokens().expire(token)) {
      throw new IllegalArgumentException(
          "No temporary credentials have this security token; add them with addSecurityToken"
              + " or Builder.securityToken first");
    }
    return this;
  }

  /** The fault plan (change it at any time). */
  public Faults faults() {
    return faults;
  }

  /** Request counters. */
  public RequestCounters counters() {
    return counters;
  }

  /** Direct access to the stored data (for assertions that bypass HTTP). */
  public Store store() {
    requireStarted();
    return store;
  }

  /** Creates a bucket (private ACL, standard storage); fails if it exists. */
  public OssEmulator createBucket(String name) throws IOException {
    if (!createBucketIfAbsent(name)) {
      throw new IllegalStateException("Bucket " + name + " already exists");
    }
    return this;
  }

  /** Creates a bucket unless it exists; returns whether it was created. */
  public boolean createBucketIfMissing(String name) throws IOException {
    return createBucketIfAbsent(name);
  }

  private boolean createBucketIfAbsent(String name) throws IOException {
    if (!OssBuckets.isValidName(name)) {
      throw new IllegalArgumentException(
          "Invalid bucket name '" + name + "': use 3-63 lower-case letters, digits and '-'");
    }
    try {
      store.createBucket(name, "oss-" + config.region(), "private", "Standard");
      return true;
    } catch (StoreException e) {
      return false;
    }
  }

  /** Stops serving and releases the store. Idempotent. */
  @Override
  public synchronized void close() throws IOException {
    if (server != null && !server.isClosed()) {
      server.close();
      store.close();
    }
  }

  /** Options of an emulator. */
  public static final class Builder {
    private String host = "127.0.0.1";
    private int port;
    private Path dataDir;
    private boolean fsync;
    private final Map<String, String> credentials = new LinkedHashMap<String, String>();
    private String region = "cn-hangzhou";
    private boolean allowAnonymous;
    private String baseHost = "localhost";
    private long maxSkewMillis = 15 * 60 * 1000L;
    private int maxConnections = 1024;
    private final List<String> buckets = new ArrayList<String>();
    private final List<String[]> securityTokens = new ArrayList<String[]>();
    private SSLContext tls;
    private boolean s3IgnoresEncodingType;

    private Builder() {}

    /**
     * Serves HTTPS instead of HTTP, presenting the server certificate of {@code context}'s key
     * manager (for a client on 127.0.0.1 its subject alternative names should hold {@code
     * IP:127.0.0.1}). OSS itself is reached over HTTPS; {@code null} (the default) serves plain
     * HTTP.
     */
    public Builder tls(SSLContext context) {
      this.tls = context;
      return this;
    }

    /** Interface to bind (default 127.0.0.1). */
    public Builder host(String host) {
      this.host = host;
      return this;
    }

    /** Port to bind; 0 (default) picks a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Keeps data in this directory (survives restarts). */
    public Builder dataDir(Path dir) {
      this.dataDir = dir;
      return this;
    }

    /** Keeps data in memory only (the default). */
    public Builder inMemory() {
      this.dataDir = null;
      return this;
    }

    /** fsync every object before it becomes visible (only matters for power loss). */
    public Builder fsync(boolean fsync) {
      this.fsync = fsync;
      return this;
    }

    /** Adds an accepted key pair (without any, one default pair is used). */
    public Builder credentials(String accessKeyId, String secret) {
      credentials.put(accessKeyId, secret);
      return this;
    }

    /**
     * Accepts STS temporary credentials: requests signed with this temporary key pair must carry
     * {@code token}; see {@link OssEmulator#expireSecurityToken(String)}.
     */
    public Builder securityToken(String accessKeyId, String secret, String token) {
      securityTokens.add(new String[] {accessKeyId, secret, token});
      return this;
    }

    /** Region (default cn-hangzhou); V4 signatures must use it. */
    public Builder region(String region) {
      this.region = region;
      return this;
    }

    /** Serve unsigned requests (default false: 403 AccessDenied). */
    public Builder allowAnonymous(boolean allow) {
      this.allowAnonymous = allow;
      return this;
    }

    /** Virtual-host base name: {@code <bucket>.<baseHost>} addresses a bucket. */
    public Builder baseHost(String baseHost) {
      this.baseHost = baseHost;
      return this;
    }

    /** Allowed clock skew of signed requests (default 15 minutes). */
    public Builder maxClockSkewMillis(long millis) {
      this.maxSkewMillis = millis;
      return this;
    }

    /** Most concurrent connections (default 1024). */
    public Builder maxConnections(int n) {
      this.maxConnections = n;
      return this;
    }

    /**
     * Makes the S3 dialect's ListObjects and ListObjectsV2 ignore {@code encoding-type} (default
     * false: {@code url} is honoured as S3 does), like S3-compatible stores that do not implement
     * it: keys are written literally and the response has no {@code EncodingType} element, so a
     * client must not decode them. The OSS dialect is not affected.
     */
    public Builder s3IgnoresEncodingType(boolean ignores) {
      this.s3IgnoresEncodingType = ignores;
      return this;
    }

    /** A bucket to create at start (if absent). */
    public Builder bucket(String name) {
      buckets.add(name);
      return this;
    }

    public OssEmulator build() {
      return new OssEmulator(this);
    }
  }
}
