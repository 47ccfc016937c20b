package io.ossimport.core.config;

import static io.ossimport.core.config.Jobs.assertAccepted;
import static io.ossimport.core.config.Jobs.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SourceRulesTest {
  private static final String[] OSS_SOURCE = {
    "srcType", "oss",
    "srcAccessKey", "LTAI5tSourceKeyId",
    "srcSecretKey", "sourceSecretValue",
    "srcDomain", "http://oss-cn-beijing.aliyuncs.com",
    "srcBucket", "srcbucket",
    "srcPrefix", "photos/"
  };

  private static String[] ossSourceWith(String... keyValues) {
    String[] all = Arrays.copyOf(OSS_SOURCE, OSS_SOURCE.length + keyValues.length);
    System.arraycopy(keyValues, 0, all, OSS_SOURCE.length, keyValues.length);
    return all;
  }

  @Test
  void srcTypeIsCaseSensitive() {
    assertProblem(
        "conf/local_job.cfg: srcType='Local': must be one of local, oss, s3, qiniu, bos, ks3, cos,"
            + " http, azure, written exactly (case matters); write srcType=local",
        "srcType",
        "Local");
  }

  @Test
  void srcTypeYoupaiIsRecognisedButNotImplemented() {
    assertProblem(
        "conf/local_job.cfg: srcType='youpai': UPYUN (youpai) sources are recognised but not"
            + " implemented; migrate UPYUN data with the original ossimport 2.x or Alibaba Cloud"
            + " Data Online Migration",
        "srcType",
        "youpai");
  }

  @Test
  void srcTypeBaiduIsAnsweredWithBos() {
    assertProblem(
        "conf/local_job.cfg: srcType='baidu': Baidu BOS is written bos; write srcType=bos",
        "srcType",
        "baidu");
  }

  @Test
  void localSrcPrefixIsRequired() {
    assertProblem(
        "conf/local_job.cfg: srcPrefix: is not set; set it to the absolute directory to migrate,"
            + " ending with '/', e.g. srcPrefix=/data/example/ or srcPrefix=C:/example/",
        "srcPrefix",
        null);
  }

  @Test
  void localSrcPrefixMustBeAbsolute() {
    assertProblem(
        "conf/local_job.cfg: srcPrefix='data/example/': must be an absolute directory for"
            + " srcType=local (starting with '/' or a drive such as C:/);"
            + " e.g. srcPrefix=/data/example/ or srcPrefix=C:/example/",
        "srcPrefix",
        "data/example/");
  }

  @Test
  void localSrcPrefixMustEndWithASlash() {
    assertProblem(
        "conf/local_job.cfg: srcPrefix='/data/example': must end with '/';"
            + " write srcPrefix=/data/example/",
        "srcPrefix",
        "/data/example");
  }

  @Test
  void localSrcPrefixMustNotDoubleItsSlashes() {
    assertProblem(
        "conf/local_job.cfg: srcPrefix='/data//example/': must not contain two separators in a"
            + " row; write srcPrefix=/data/example/",
        "srcPrefix",
        "/data//example/");
  }

  @Test
  void localSrcPrefixWithSeveralMistakesGetsOneProblemWithTheWholeFix() {
    assertProblem(
        "conf/local_job.cfg: srcPrefix='/data//example': must end with '/' and must not contain"
            + " two separators in a row; write srcPrefix=/data/example/",
        "srcPrefix",
        "/data//example");
  }

  @Test
  void windowsSrcPrefixesAreAcceptedWithEitherSeparator() throws Exception {
    assertAccepted("srcPrefix", "C:\\data\\");
    assertAccepted("srcPrefix", "C:/data/");
    assertAccepted("srcPrefix", "D:/work/oss/data/");
    assertAccepted("srcPrefix", "c:\\data/sub\\");
  }

  @Test
  void windowsSrcPrefixMustEndWithItsSeparator() {
    assertProblem(
        "conf/local_job.cfg: srcPrefix='C:\\data': must end with '\\'; write srcPrefix=C:\\data\\",
        "srcPrefix",
        "C:\\data");
  }

  @Test
  void windowsSrcPrefixWrittenWithPropertiesEscapesIsCaught() {
    assertProblem(
        "conf/local_job.cfg: srcPrefix='C:\\\\data\\\\': must not contain two separators in a"
            + " row; write srcPrefix=C:\\data\\",
        "srcPrefix",
        "C:\\\\data\\\\");
  }

  @Test
  void cosSrcPrefixMustStartAndEndWithASlash() throws Exception {
    String[] cos = {
      "srcType", "cos", "srcAccessKey", "AKIDexample", "srcSecretKey", "cosSecret",
      "srcBucket", "mybucket", "appId", "1250000000", "srcPrefix", "docs/"
    };
    assertProblem(
        "conf/local_job.cfg: srcPrefix='docs/': must start and end with '/' for srcType=cos ('/'"
            + " alone means the whole bucket); write srcPrefix=/docs/",
        cos);
    cos[cos.length - 1] = "/docs/";
    assertAccepted(cos);
    cos[cos.length - 1] = "/";
    assertAccepted(cos);
  }

  @Test
  void objectStoreSourcesNeedCredentialsBucketAndEndpoint() {
    assertEquals(
        Arrays.asList(
            "conf/local_job.cfg: srcAccessKey: is not set; it is required for srcType=oss;"
                + " set srcAccessKey=<the source AccessKey id>",
            "conf/local_job.cfg: srcSecretKey: is not set; it is required for srcType=oss;"
                + " set srcSecretKey=<the source AccessKey secret>",
            "conf/local_job.cfg: srcBucket: is not set; it is required for srcType=oss;"
                + " set srcBucket=<the source bucket name>",
            "conf/local_job.cfg: srcDomain: is not set; it is required for srcType=oss;"
                + " e.g. srcDomain=http://oss-cn-hangzhou-internal.aliyuncs.com"),
        Jobs.lines(Jobs.problems(Jobs.with("srcType", "oss", "srcPrefix", null))));
  }

  @Test
  void azureNamesItsAccountAndContainer() {
    assertEquals(
        Arrays.asList(
            "conf/local_job.cfg: srcAccessKey: is not set; it is required for srcType=azure;"
                + " set srcAccessKey=<the storage account name>",
            "conf/local_job.cfg: srcSecretKey: is not set; it is required for srcType=azure;"
                + " set srcSecretKey=<the storage account key>",
            "conf/local_job.cfg: srcBucket: is not set; it is required for srcType=azure;"
                + " set srcBucket=<the container name>",
            "conf/local_job.cfg: srcDomain: is not set; it is required for srcType=azure; use the"
                + " connection string's EndpointSuffix, e.g. srcDomain=core.chinacloudapi.cn"),
        Jobs.lines(Jobs.problems(Jobs.with("srcType", "azure", "srcPrefix", null))));
  }

  @Test
  void ossSourceIsAccepted() throws Exception {
    assertAccepted(OSS_SOURCE);
  }

  @Test
  void ossSrcDomainMustNotStartWithTheBucket() {
    assertProblem(
        "conf/local_job.cfg: srcDomain='http://srcbucket.oss-cn-beijing.aliyuncs.com': the host"
            + " starts with the bucket name 'srcbucket.' (OSS then answers InvalidBucketName);"
            + " write srcDomain=http://oss-cn-beijing.aliyuncs.com and srcBucket=srcbucket",
        ossSourceWith("srcDomain", "http://srcbucket.oss-cn-beijing.aliyuncs.com"));
  }

  @Test
  void ossSrcBucketFollowsTheOssNamingRules() {
    assertProblem(
        "conf/local_job.cfg: srcBucket='My_Bucket': must be lowercase; e.g. srcBucket=my-bucket",
        ossSourceWith("srcBucket", "My_Bucket"));
  }

  @Test
  void ossSrcPrefixMustNotStartWithASlash() {
    assertProblem(
        "conf/local_job.cfg: srcPrefix='/photos/': must not start with '/' for srcType=oss (OSS"
            + " object keys never do); write srcPrefix=photos/",
        ossSourceWith("srcPrefix", "/photos/"));
  }

  @Test
  void aCopyWithinOneBucketMustNotWriteAmongTheKeysItLists() throws Exception {
    String line =
        "conf/local_job.cfg: destPrefix='%s': overlaps srcPrefix='photos/' in the same bucket:"
            + " copies would be listed and copied again, or overwrite objects not yet copied; copy"
            + " into another bucket, or choose a destPrefix that neither starts with srcPrefix nor"
            + " begins it, e.g. destPrefix=copy/ with srcPrefix=photos/";
    for (String inside : new String[] {"photos/", "photos/copy/", "", "ph"}) {
      assertProblem(
          String.format(line, inside),
          ossSourceWith("destBucket", "srcbucket", "destPrefix", inside));
    }
    assertAccepted(ossSourceWith("destBucket", "srcbucket", "destPrefix", "copy/photos/"));
    assertAccepted(ossSourceWith("destBucket", "otherbucket", "destPrefix", "photos/"));
  }

  @Test
  void otherStoresOnlyRefuseAPathInTheBucketName() throws Exception {
    String[] s3 = {
      "srcType", "s3", "srcAccessKey", "AKIAEXAMPLE", "srcSecretKey", "s3Secret",
      "srcDomain", "http://s3.us-east-1.amazonaws.com", "srcPrefix", "", "srcBucket",
          "bucket/photos"
    };
    assertProblem(
        "conf/local_job.cfg: srcBucket='bucket/photos': is a bucket name only, without '/' or a"
            + " path; write srcBucket=bucket and put the path in srcPrefix, e.g. srcPrefix=photos/",
        s3);
    s3[s3.length - 1] = "my.dotted.bucket";
    assertAccepted(s3);
  }

  @Test
  void httpSourceNeedsAnAbsoluteListFile() throws Exception {
    assertProblem(
        "conf/local_job.cfg: httpListFilePath: is not set; set it to the absolute path of the URL"
            + " list file, e.g. httpListFilePath=/data/http.list or"
            + " httpListFilePath=C:/example/http.list",
        "srcType",
        "http");
    assertProblem(
        "conf/local_job.cfg: httpListFilePath='http.list': must be an absolute file path;"
            + " e.g. httpListFilePath=/data/http.list or httpListFilePath=C:/example/http.list",
        "srcType",
        "http",
        "httpListFilePath",
        "http.list");
    assertAccepted("srcType", "http", "httpListFilePath", "C:/example/http.list");
  }

  @Test
  void httpColumnsMustDiffer() {
    assertProblem(
        "conf/local_job.cfg: relativePathColumn='1': must differ from httpPrefixColumn (both are"
            + " column 1); e.g. httpPrefixColumn=1 and relativePathColumn=2",
        "srcType",
        "http",
        "httpListFilePath",
        "/data/http.list",
        "relativePathColumn",
        "1");
  }

  @Test
  void httpColumnsAreCountedFromOne() {
    assertProblem(
        "conf/local_job.cfg: httpPrefixColumn='0': must be at least 1; e.g. httpPrefixColumn=1",
        "httpPrefixColumn",
        "0");
  }
}
