package io.ossimport.core.source.registry;

import io.ossimport.core.api.ConfigProblem;
import io.ossimport.core.config.JobConfig;
import io.ossimport.core.config.NetworkSettings;
import io.ossimport.core.config.SourceType;
import io.ossimport.core.oss.OssClients;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceNetwork;
import io.ossimport.core.source.azure.AzureSettings;
import io.ossimport.core.source.azure.AzureSource;
import io.ossimport.core.source.http.HttpSource;
import io.ossimport.core.source.http.HttpSourceSettings;
import io.ossimport.core.source.local.LocalSource;
import io.ossimport.core.source.local.LocalSourceSettings;
import io.ossimport.core.source.oss.OssSource;
import io.ossimport.core.source.oss.OssSourceSettings;
import io.ossimport.core.source.s3.BadSrcDomainException;
import io.ossimport.core.source.s3.S3Endpoints;
import io.ossimport.core.source.s3.S3Flavor;
import io.ossimport.core.source.s3.S3Location;
import io.ossimport.core.source.s3.S3Source;
import io.ossimport.core.source.s3.S3SourceSettings;
import java.io.IOException;
import java.nio.file.Paths;

/**
 * Opens the source a job config names. The one place that maps {@code srcType} to an
 * implementation, used by the master (to list), the worker (to read) and submit (to refuse a type
 * this version cannot read). It lives apart from {@code source} so that the abstraction does not
 * depend on its implementations.
 */
public final class Sources {
  /** Connections of an OSS source's client: enough for every object and part thread. */
  private static final int OSS_SOURCE_CONNECTIONS = 256;

  private Sources() {}

  /** Whether this version can read sources of {@code type}. */
  public static boolean supports(SourceType type) {
    switch (type) {
      case LOCAL:
      case AZURE:
      case HTTP:
      case OSS:
      case S3:
      case QINIU:
      case BOS:
      case KS3:
      case COS:
        return true;
      default:
        return false;
    }
  }

  /**
   * What is wrong with the {@code src*} keys that only the source kind can tell, without contacting
   * anything (e.g. a Qiniu download domain as srcDomain, an Azure key that is not Base64), or
   * {@code null}; submit reports it.
   */
  public static ConfigProblem problem(JobConfig config, String file) {
    switch (config.srcType()) {
      case S3:
      case QINIU:
      case BOS:
      case KS3:
      case COS:
        try {
          s3Location(config);
          return null;
        } catch (BadSrcDomainException e) {
          return new ConfigProblem(file, 0, "srcDomain", e.value(), e.problem(), e.fix());
        }
      case LOCAL:
        return null;
      default:
        // Opening is lazy: it contacts nothing, it only checks what the source kind reads from the
        // configuration (e.g. that an Azure account key is Base64); the message names the key.
        try {
          open(config).close();
          return null;
        } catch (IllegalArgumentException | IOException e) {
          return new ConfigProblem(file, 0, "", null, e.getMessage(), "");
        }
    }
  }

  /**
   * The source of {@code config}. Opening is lazy: nothing is contacted until the source is listed
   * or read.
   *
   * @throws UnsupportedOperationException for a {@code srcType} this version cannot read; the
   *     message names the type
   * @throws IllegalArgumentException if the {@code src*} keys of an S3-compatible store name no
   *     endpoint (e.g. a Qiniu download domain); the message names the key and the fix
   */
  public static Source open(JobConfig config) {
    switch (config.srcType()) {
      case LOCAL:
        return new LocalSource(
            LocalSourceSettings.builder(Paths.get(config.srcPrefix()))
                .scanThreadCount(config.scanThreadCount())
                .maxMultiThreadScanDepth(config.maxMultiThreadScanDepth())
                .allowSymbolicLinks(config.isAllowSymbolicLink())
                .importSinceSeconds(config.importSince())
                .keyPrefix(config.destPrefix())
                .build());
      case AZURE:
        return new AzureSource(
            AzureSettings.builder(
                    config.srcAccessKey(), config.srcSecretKey().reveal(), config.srcDomain())
                .container(config.srcBucket())
                .prefix(config.srcPrefix())
                .keyPrefix(config.destPrefix())
                .importSinceSeconds(config.importSince())
                .network(network(config))
                .build());
      case HTTP:
        return new HttpSource(
            HttpSourceSettings.of(
                    Paths.get(config.httpListFilePath()),
                    config.httpPrefixColumn(),
                    config.relativePathColumn(),
                    config.destPrefix())
                .withNetwork(network(config)));
      case OSS:
        return new OssSource(
            OssClients.create(
                config.srcDomain(),
                config.sourceCredentials(),
                config.network(),
                OSS_SOURCE_CONNECTIONS),
            OssSourceSettings.of(
                config.srcDomain(),
                config.srcBucket(),
                config.srcPrefix(),
                config.destPrefix(),
                config.importSince()));
      case S3:
      case QINIU:
      case BOS:
      case KS3:
      case COS:
        return s3(config);
      default:
        throw new UnsupportedOperationException(
            "srcType=" + config.srcType().configValue() + " is not supported by this version");
    }
  }

  private static Source s3(JobConfig config) {
    S3Flavor flavor = S3Flavor.valueOf(config.srcType().name());
    S3Location location = s3Location(config);
    return new S3Source(
        S3SourceSettings.builder(flavor, location, config.srcDomain())
            .credentials(config.srcAccessKey(), config.srcSecretKey().reveal())
            .destPrefix(config.destPrefix())
            .importSinceSeconds(config.importSince())
            .network(network(config))
            .build());
  }

  /**
   * The job's network keys ({@code proxy}, {@code noProxy} or the proxy variables, the timeouts,
   * {@code caCertFile}) in the JDK terms every source kind takes.
   */
  private static SourceNetwork network(JobConfig config) {
    NetworkSettings network = config.network();
    return SourceNetwork.direct()
        .withProxies(network.proxySelector(), network::proxyCredentials)
        .withTimeouts(network.connectTimeoutMillis(), network.readTimeoutMillis())
        .trusting(network.trustManager());
  }

  private static S3Location s3Location(JobConfig config) {
    return S3Endpoints.resolve(
        S3Flavor.valueOf(config.srcType().name()),
        config.srcDomain(),
        config.srcBucket(),
        config.srcPrefix(),
        config.appId());
  }
}
