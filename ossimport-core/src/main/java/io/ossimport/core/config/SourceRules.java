package io.ossimport.core.config;

import static io.ossimport.core.config.JobKeys.DEST_BUCKET;
import static io.ossimport.core.config.JobKeys.DEST_PREFIX;
import static io.ossimport.core.config.JobKeys.HTTP_LIST_FILE_PATH;
import static io.ossimport.core.config.JobKeys.HTTP_PREFIX_COLUMN;
import static io.ossimport.core.config.JobKeys.RELATIVE_PATH_COLUMN;
import static io.ossimport.core.config.JobKeys.SRC_ACCESS_KEY;
import static io.ossimport.core.config.JobKeys.SRC_BUCKET;
import static io.ossimport.core.config.JobKeys.SRC_DOMAIN;
import static io.ossimport.core.config.JobKeys.SRC_PREFIX;
import static io.ossimport.core.config.JobKeys.SRC_SECRET_KEY;
import static io.ossimport.core.config.JobKeys.SRC_TYPE;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Rules for the {@code src*} keys, which depend on {@code srcType} (reference §2.2 Source and §6):
 * a local directory, an HTTP URL list, or another object store.
 */
final class SourceRules {
  private static final String LOCAL_EXAMPLES = "srcPrefix=/data/example/ or srcPrefix=C:/example/";

  /** Endpoint examples per source type, from the reference §6. */
  private static final Map<SourceType, String> DOMAIN_EXAMPLES =
      new EnumMap<SourceType, String>(SourceType.class);

  static {
    DOMAIN_EXAMPLES.put(
        SourceType.OSS, "e.g. srcDomain=http://oss-cn-hangzhou-internal.aliyuncs.com");
    DOMAIN_EXAMPLES.put(SourceType.S3, "e.g. srcDomain=http://s3.us-east-1.amazonaws.com");
    DOMAIN_EXAMPLES.put(
        SourceType.QINIU,
        "use the S3 endpoint of the bucket's region, e.g."
            + " srcDomain=https://s3.cn-east-1.qiniucs.com");
    DOMAIN_EXAMPLES.put(SourceType.BOS, "e.g. srcDomain=http://bj.bcebos.com");
    DOMAIN_EXAMPLES.put(SourceType.KS3, "e.g. srcDomain=http://ks3-cn-beijing.ksyun.com");
    DOMAIN_EXAMPLES.put(
        SourceType.AZURE,
        "use the connection string's EndpointSuffix, e.g. srcDomain=core.chinacloudapi.cn");
  }

  private SourceRules() {}

  static void check(ConfigValues v) {
    if (!v.allValid(SRC_TYPE)) {
      return;
    }
    SourceType type = SourceType.fromConfigValue(v.text(SRC_TYPE));
    if (type == SourceType.LOCAL) {
      checkLocalDirectory(v);
    } else if (type == SourceType.HTTP) {
      checkHttpList(v);
    } else {
      checkObjectStore(v, type);
    }
  }

  private static void checkLocalDirectory(ConfigValues v) {
    if (!v.isSet(SRC_PREFIX)) {
      v.missing(
          SRC_PREFIX,
          "set it to the absolute directory to migrate, ending with '/', e.g. " + LOCAL_EXAMPLES);
      return;
    }
    String path = v.text(SRC_PREFIX);
    if (!LocalPaths.isAbsolute(path)) {
      v.problem(
          SRC_PREFIX,
          "must be an absolute directory for srcType=local (starting with '/' or a drive such as"
              + " C:/)",
          "e.g. " + LOCAL_EXAMPLES);
      return;
    }
    List<String> issues = new ArrayList<String>();
    if (!LocalPaths.endsWithSeparator(path)) {
      issues.add("must end with '" + LocalPaths.preferredSeparator(path) + "'");
    }
    if (LocalPaths.hasDoubledSeparator(path)) {
      issues.add("must not contain two separators in a row");
    }
    if (!issues.isEmpty()) {
      v.problem(
          SRC_PREFIX,
          String.join(" and ", issues),
          "write srcPrefix=" + LocalPaths.asDirectory(path));
    }
  }

  private static void checkHttpList(ConfigValues v) {
    String example =
        "e.g. httpListFilePath=/data/http.list or httpListFilePath=C:/example/http.list";
    if (!v.isSet(HTTP_LIST_FILE_PATH)) {
      v.missing(
          HTTP_LIST_FILE_PATH, "set it to the absolute path of the URL list file, " + example);
    } else {
      String path = v.text(HTTP_LIST_FILE_PATH);
      if (!LocalPaths.isAbsolute(path)) {
        v.problem(HTTP_LIST_FILE_PATH, "must be an absolute file path", example);
      } else if (LocalPaths.endsWithSeparator(path)) {
        v.problem(
            HTTP_LIST_FILE_PATH, "names a directory; it must name the URL list file", example);
      }
    }
    if (v.allValid(HTTP_PREFIX_COLUMN, RELATIVE_PATH_COLUMN)
        && v.number(HTTP_PREFIX_COLUMN) == v.number(RELATIVE_PATH_COLUMN)) {
      v.problem(
          RELATIVE_PATH_COLUMN,
          "must differ from httpPrefixColumn (both are column "
              + v.number(HTTP_PREFIX_COLUMN)
              + ")",
          "e.g. httpPrefixColumn=1 and relativePathColumn=2");
    }
  }

  private static void checkObjectStore(ConfigValues v, SourceType type) {
    boolean azure = type == SourceType.AZURE;
    String of = " for srcType=" + type.configValue();
    requireSet(
        v, SRC_ACCESS_KEY, azure ? "the storage account name" : "the source AccessKey id", of);
    requireSet(
        v, SRC_SECRET_KEY, azure ? "the storage account key" : "the source AccessKey secret", of);
    checkSourceBucket(v, type, azure ? "the container name" : "the source bucket name", of);
    if (type != SourceType.COS) {
      if (!v.isSet(SRC_DOMAIN)) {
        v.missing(SRC_DOMAIN, "it is required" + of + "; " + DOMAIN_EXAMPLES.get(type));
      } else if (type == SourceType.OSS) {
        String bucket = v.allValid(SRC_BUCKET) ? v.text(SRC_BUCKET) : "";
        report(
            v,
            SRC_DOMAIN,
            OssNames.endpointIssue("srcDomain", v.text(SRC_DOMAIN), bucket, "srcBucket"));
      }
    }
    String prefix = v.text(SRC_PREFIX);
    if (type == SourceType.COS && !(prefix.startsWith("/") && prefix.endsWith("/"))) {
      v.problem(
          SRC_PREFIX,
          "must start and end with '/' for srcType=cos ('/' alone means the whole bucket)",
          "write srcPrefix=" + cosPrefix(prefix));
    } else if (type == SourceType.OSS && prefix.startsWith("/")) {
      v.problem(
          SRC_PREFIX,
          "must not start with '/' for srcType=oss (OSS object keys never do)",
          "write srcPrefix=" + prefix.replaceFirst("^/+", ""));
    } else if (type == SourceType.OSS) {
      checkNoOverlap(v);
    }
  }

  /**
   * Within one bucket (names are global in OSS, whatever the endpoint), the keys written ({@code
   * destPrefix...}) must not fall among the keys listed ({@code srcPrefix...}): the copies would be
   * listed and copied again, or overwrite source objects not yet read.
   */
  private static void checkNoOverlap(ConfigValues v) {
    if (!v.allValid(SRC_BUCKET, DEST_BUCKET, SRC_PREFIX, DEST_PREFIX)
        || !v.text(SRC_BUCKET).equals(v.text(DEST_BUCKET))) {
      return;
    }
    String src = v.text(SRC_PREFIX);
    String dest = v.text(DEST_PREFIX);
    if (dest.startsWith(src) || src.startsWith(dest)) {
      v.problem(
          DEST_PREFIX,
          "overlaps srcPrefix='"
              + src
              + "' in the same bucket: copies would be listed and copied again, or overwrite"
              + " objects not yet copied",
          "copy into another bucket, or choose a destPrefix that neither starts with srcPrefix nor"
              + " begins it, e.g. destPrefix=copy/ with srcPrefix=photos/");
    }
  }

  private static void requireSet(ConfigValues v, ConfigKey key, String what, String of) {
    if (!v.isSet(key)) {
      v.missing(key, "it is required" + of + "; set " + key.name() + "=<" + what + ">");
    }
  }

  private static void checkSourceBucket(ConfigValues v, SourceType type, String what, String of) {
    if (!v.isSet(SRC_BUCKET)) {
      v.missing(SRC_BUCKET, "it is required" + of + "; set srcBucket=<" + what + ">");
      return;
    }
    String bucket = v.text(SRC_BUCKET);
    if (type == SourceType.OSS || bucket.contains("/")) {
      report(v, SRC_BUCKET, OssNames.bucketIssue("srcBucket", bucket, "srcPrefix"));
    }
  }

  private static String cosPrefix(String prefix) {
    String inner = prefix.replaceAll("^/+", "").replaceAll("/+$", "");
    return inner.isEmpty() ? "/" : "/" + inner + "/";
  }

  private static void report(ConfigValues v, ConfigKey key, OssNames.Issue issue) {
    if (issue != null) {
      v.problem(key, issue.message, issue.fix);
    }
  }
}
