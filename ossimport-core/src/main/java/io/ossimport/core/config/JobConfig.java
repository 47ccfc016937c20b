package io.ossimport.core.config;

import static io.ossimport.core.config.JobKeys.APP_ID;
import static io.ossimport.core.config.JobKeys.AUDIT_MODE;
import static io.ossimport.core.config.JobKeys.CDN_DOMAIN;
import static io.ossimport.core.config.JobKeys.DEST_ACCESS_KEY;
import static io.ossimport.core.config.JobKeys.DEST_BUCKET;
import static io.ossimport.core.config.JobKeys.DEST_DOMAIN;
import static io.ossimport.core.config.JobKeys.DEST_PREFIX;
import static io.ossimport.core.config.JobKeys.DEST_SECRET_KEY;
import static io.ossimport.core.config.JobKeys.DEST_SECURITY_TOKEN;
import static io.ossimport.core.config.JobKeys.EXCLUDE;
import static io.ossimport.core.config.JobKeys.FILTER;
import static io.ossimport.core.config.JobKeys.GET_OBJECT_META_MODE;
import static io.ossimport.core.config.JobKeys.HTTP_LIST_FILE_PATH;
import static io.ossimport.core.config.JobKeys.HTTP_PREFIX_COLUMN;
import static io.ossimport.core.config.JobKeys.IMPORT_SINCE;
import static io.ossimport.core.config.JobKeys.IMPORT_UNTIL;
import static io.ossimport.core.config.JobKeys.INCLUDE;
import static io.ossimport.core.config.JobKeys.INCREMENTAL_MODE_INTERVAL;
import static io.ossimport.core.config.JobKeys.IS_ALLOW_SYMBOLIC_LINK;
import static io.ossimport.core.config.JobKeys.IS_AUDIT_AFTER_IMPORT;
import static io.ossimport.core.config.JobKeys.IS_DOWNLOAD_FROM_CDN;
import static io.ossimport.core.config.JobKeys.IS_INCREMENTAL;
import static io.ossimport.core.config.JobKeys.IS_SERVER_SIDE_ENCRYPTION;
import static io.ossimport.core.config.JobKeys.IS_SKIP_EXIST_FILE;
import static io.ossimport.core.config.JobKeys.JOB_NAME;
import static io.ossimport.core.config.JobKeys.JOB_TYPE;
import static io.ossimport.core.config.JobKeys.KEEP_SOURCE_ATTRIBUTES;
import static io.ossimport.core.config.JobKeys.LAST_MODIFY;
import static io.ossimport.core.config.JobKeys.MAX_MULTI_THREAD_SCAN_DEPTH;
import static io.ossimport.core.config.JobKeys.MAX_SIZE;
import static io.ossimport.core.config.JobKeys.MIN_SIZE;
import static io.ossimport.core.config.JobKeys.MULTIPART_UPLOAD_PART_SIZE;
import static io.ossimport.core.config.JobKeys.MULTIPART_UPLOAD_THRESHOLD;
import static io.ossimport.core.config.JobKeys.OBJECT_ACL;
import static io.ossimport.core.config.JobKeys.OBJECT_HEADERS;
import static io.ossimport.core.config.JobKeys.OBJECT_TAGGING;
import static io.ossimport.core.config.JobKeys.RELATIVE_PATH_COLUMN;
import static io.ossimport.core.config.JobKeys.SCAN_THREAD_COUNT;
import static io.ossimport.core.config.JobKeys.SERVER_SIDE_ENCRYPTION;
import static io.ossimport.core.config.JobKeys.SERVER_SIDE_ENCRYPTION_KEY_ID;
import static io.ossimport.core.config.JobKeys.SKIP_EXIST_MODE;
import static io.ossimport.core.config.JobKeys.SRC_ACCESS_KEY;
import static io.ossimport.core.config.JobKeys.SRC_BUCKET;
import static io.ossimport.core.config.JobKeys.SRC_DOMAIN;
import static io.ossimport.core.config.JobKeys.SRC_PREFIX;
import static io.ossimport.core.config.JobKeys.SRC_SECRET_KEY;
import static io.ossimport.core.config.JobKeys.SRC_SECURITY_TOKEN;
import static io.ossimport.core.config.JobKeys.SRC_TYPE;
import static io.ossimport.core.config.JobKeys.STORAGE_CLASS;
import static io.ossimport.core.config.JobKeys.TASK_OBJECT_COUNT_LIMIT;
import static io.ossimport.core.config.JobKeys.TASK_OBJECT_SIZE_LIMIT;
import static io.ossimport.core.config.JobKeys.UPLOAD_THREAD_NUM_PER_LARGE_FILE;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.filter.FilterSyntaxException;
import io.ossimport.core.filter.PathFilter;
import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;

/**
 * The effective, validated job configuration ({@code local_job.cfg}): every key has a value,
 * defaults filled in. Immutable. Its {@link #toString()} and {@link #describe()} leave out every
 * secret; {@link CanonicalJobConfig} writes it out with secrets for the owner-only job tree.
 */
public final class JobConfig {
  private final TypedValues values;
  private final FrozenCredentials frozen;
  private final Map<String, String> proxyVariables;

  JobConfig(SortedMap<String, Object> values) {
    this(values, Collections.<String, String>emptyMap());
  }

  /** With the proxy variables of the environment of the process that loads the job. */
  JobConfig(SortedMap<String, Object> values, Map<String, String> environment) {
    this(
        new TypedValues(JobKeys.CATALOGUE, values),
        null,
        NetworkSettings.networkVariables(environment));
  }

  private JobConfig(
      TypedValues values, FrozenCredentials frozen, Map<String, String> proxyVariables) {
    this.values = values;
    this.frozen = frozen;
    this.proxyVariables = proxyVariables;
  }

  /** This configuration, able to read its credentials again from their origins. */
  JobConfig withFrozenCredentials(FrozenCredentials frozen) {
    return new JobConfig(values, frozen, proxyVariables);
  }

  /**
   * The proxy and timeouts for this job's HTTP clients. The proxy variables ({@code https_proxy},
   * {@code no_proxy}, ...) are those of the process that loaded the job: submit's for its check,
   * the service's for the transfer, as curl reads its own environment.
   */
  public NetworkSettings network() {
    return new NetworkSettings(values, proxyVariables);
  }

  public String jobName() {
    return values.text(JOB_NAME);
  }

  public JobType jobType() {
    return JobType.fromConfigValue(values.text(JOB_TYPE));
  }

  public boolean isIncremental() {
    return values.flag(IS_INCREMENTAL);
  }

  /** Seconds between incremental rescans. */
  public long incrementalModeIntervalSeconds() {
    return values.number(INCREMENTAL_MODE_INTERVAL);
  }

  /** Unix seconds; only objects modified later are imported; 0 = all. */
  public long importSince() {
    return values.number(IMPORT_SINCE);
  }

  /** Unix seconds; files modified later are not verified; 0 = verify all. */
  /** {@code importUntil} in epoch seconds; 0 = no upper bound. */
  public long importUntil() {
    return values.number(IMPORT_UNTIL);
  }

  /** {@code minSize} in bytes; 0 = no lower bound. */
  public long minSize() {
    return values.bytes(MIN_SIZE);
  }

  /** {@code maxSize} in bytes; 0 = no upper bound. */
  public long maxSize() {
    return values.bytes(MAX_SIZE);
  }

  /**
   * The {@code include}, {@code exclude} and {@code filter} rules, compiled (each call compiles
   * them again: keep the result).
   */
  public PathFilter pathFilter() {
    try {
      return PathFilter.of(values.text(INCLUDE), values.text(EXCLUDE), values.text(FILTER));
    } catch (FilterSyntaxException e) {
      // validated on load: a frozen configuration always compiles
      throw new IllegalStateException("filter rules were not validated: " + e.getMessage(), e);
    }
  }

  public long lastModify() {
    return values.number(LAST_MODIFY);
  }

  public boolean isSkipExistFile() {
    return values.flag(IS_SKIP_EXIST_FILE);
  }

  /** How {@link #isSkipExistFile()} looks at the destination. */
  public SkipExistMode skipExistMode() {
    return SkipExistMode.fromConfigValue(values.text(SKIP_EXIST_MODE));
  }

  public SourceType srcType() {
    return SourceType.fromConfigValue(values.text(SRC_TYPE));
  }

  public String srcAccessKey() {
    return values.text(SRC_ACCESS_KEY);
  }

  public Secret srcSecretKey() {
    return values.secret(SRC_SECRET_KEY);
  }

  /** The STS security token of the source AccessKey; empty for a permanent one. */
  public Secret srcSecurityToken() {
    return values.secret(SRC_SECURITY_TOKEN);
  }

  public String srcDomain() {
    return values.text(SRC_DOMAIN);
  }

  public String srcBucket() {
    return values.text(SRC_BUCKET);
  }

  /** For local: the absolute directory with its trailing separator; else a key prefix. */
  public String srcPrefix() {
    return values.text(SRC_PREFIX);
  }

  /** The effective AccessKey id (from the file, the overrides or OSS_ACCESS_KEY_ID). */
  public String destAccessKey() {
    return values.text(DEST_ACCESS_KEY);
  }

  /** The effective AccessKey secret (from the file, the overrides or OSS_ACCESS_KEY_SECRET). */
  public Secret destSecretKey() {
    return values.secret(DEST_SECRET_KEY);
  }

  /** The STS security token of the destination AccessKey; empty for a permanent one. */
  public Secret destSecurityToken() {
    return values.secret(DEST_SECURITY_TOKEN);
  }

  /** The destination AccessKey: destAccessKey, destSecretKey, destSecurityToken. */
  public AccessKeyCredentials destinationCredentials() {
    return new AccessKeyCredentials(destAccessKey(), destSecretKey(), destSecurityToken());
  }

  /**
   * The destination AccessKey read again from where it came at submit (the job file, the
   * environment, the front end), e.g. after OSS answered that the security token expired; the same
   * as {@link #destinationCredentials()} for a job not read from the job tree.
   *
   * @throws ConfigurationException when the origin no longer has the secret
   */
  public AccessKeyCredentials rereadDestinationCredentials() throws ConfigurationException {
    return frozen == null
        ? destinationCredentials()
        : frozen.reread(
            destinationCredentials(), DEST_ACCESS_KEY, DEST_SECRET_KEY, DEST_SECURITY_TOKEN);
  }

  /** The source AccessKey: srcAccessKey, srcSecretKey, srcSecurityToken. */
  public AccessKeyCredentials sourceCredentials() {
    return new AccessKeyCredentials(srcAccessKey(), srcSecretKey(), srcSecurityToken());
  }

  /** As {@link #rereadDestinationCredentials()} for the source. */
  public AccessKeyCredentials rereadSourceCredentials() throws ConfigurationException {
    return frozen == null
        ? sourceCredentials()
        : frozen.reread(sourceCredentials(), SRC_ACCESS_KEY, SRC_SECRET_KEY, SRC_SECURITY_TOKEN);
  }

  public String destDomain() {
    return values.text(DEST_DOMAIN);
  }

  public String destBucket() {
    return values.text(DEST_BUCKET);
  }

  public String destPrefix() {
    return values.text(DEST_PREFIX);
  }

  public int taskObjectCountLimit() {
    return values.integer(TASK_OBJECT_COUNT_LIMIT);
  }

  /** Bytes. */
  public long taskObjectSizeLimit() {
    return values.bytes(TASK_OBJECT_SIZE_LIMIT);
  }

  public int scanThreadCount() {
    return values.integer(SCAN_THREAD_COUNT);
  }

  public int maxMultiThreadScanDepth() {
    return values.integer(MAX_MULTI_THREAD_SCAN_DEPTH);
  }

  /** Bytes; larger files use multipart upload. */
  public long multipartUploadThreshold() {
    return values.bytes(MULTIPART_UPLOAD_THRESHOLD);
  }

  /** Bytes per part; 0 when {@code auto}: the worker chooses per file. */
  public long multipartUploadPartSize() {
    Object v = values.get(MULTIPART_UPLOAD_PART_SIZE);
    return v instanceof SizeValue ? ((SizeValue) v).bytes() : 0;
  }

  /** Parts of one file in flight; 0 when {@code auto}: the worker chooses per file. */
  public int uploadThreadNumPerLargeFile() {
    Object v = values.get(UPLOAD_THREAD_NUM_PER_LARGE_FILE);
    return v instanceof Long ? Math.toIntExact((Long) v) : 0;
  }

  public boolean isServerSideEncryption() {
    return values.flag(IS_SERVER_SIDE_ENCRYPTION);
  }

  /**
   * What every object written carries besides its bytes (the object attribute keys, with {@code
   * isServerSideEncryption=true} as AES256 when {@code serverSideEncryption} is empty). Each call
   * parses the keys again: keep the result.
   */
  public WriteAttributes writeAttributes() {
    String sse = values.text(SERVER_SIDE_ENCRYPTION);
    if (sse.isEmpty() && isServerSideEncryption()) {
      sse = "AES256";
    }
    try {
      return new WriteAttributes(
          emptyToNull(values.text(STORAGE_CLASS)),
          emptyToNull(values.text(OBJECT_ACL)),
          WriteAttributes.parseTags(values.text(OBJECT_TAGGING)),
          WriteAttributes.parseHeaders(values.text(OBJECT_HEADERS)),
          emptyToNull(sse),
          "KMS".equals(sse) ? emptyToNull(values.text(SERVER_SIDE_ENCRYPTION_KEY_ID)) : null,
          values.flag(KEEP_SOURCE_ATTRIBUTES));
    } catch (WriteAttributes.Malformed e) {
      // validated at load: a frozen configuration always parses
      throw new IllegalStateException("validated attribute keys do not parse: " + e.getMessage());
    }
  }

  private static String emptyToNull(String s) {
    return s == null || s.isEmpty() ? null : s;
  }

  public boolean isAllowSymbolicLink() {
    return values.flag(IS_ALLOW_SYMBOLIC_LINK);
  }

  public boolean isAuditAfterImport() {
    return values.flag(IS_AUDIT_AFTER_IMPORT);
  }

  public AuditMode auditMode() {
    return AuditMode.fromConfigValue(values.text(AUDIT_MODE));
  }

  public long appId() {
    return values.number(APP_ID);
  }

  public boolean isDownloadFromCdn() {
    return values.flag(IS_DOWNLOAD_FROM_CDN);
  }

  public String cdnDomain() {
    return values.text(CDN_DOMAIN);
  }

  public ObjectMetaMode getObjectMetaMode() {
    return ObjectMetaMode.fromConfigValue(values.text(GET_OBJECT_META_MODE));
  }

  public String httpListFilePath() {
    return values.text(HTTP_LIST_FILE_PATH);
  }

  /** 1-based. */
  public int httpPrefixColumn() {
    return values.integer(HTTP_PREFIX_COLUMN);
  }

  /** 1-based. */
  public int relativePathColumn() {
    return values.integer(RELATIVE_PATH_COLUMN);
  }

  /** The typed value of any job key (String, Secret, Boolean, Long or SizeValue). */
  public Object value(ConfigKey key) {
    return values.get(key);
  }

  /** The canonical {@code key=value} lines of every non-secret key, sorted by key. */
  public String describe() {
    return CanonicalJobConfig.describe(this);
  }

  SortedMap<String, Object> values() {
    return values.all();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JobConfig && ((JobConfig) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** The non-secret values on one line; secrets are left out. */
  @Override
  public String toString() {
    return "JobConfig" + values;
  }
}
