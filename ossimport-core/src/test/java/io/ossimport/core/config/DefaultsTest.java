package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A missing key takes the default of the original's template (reference §2.2, §2.3), where the
 * original crashed with a NullPointerException.
 */
class DefaultsTest {

  @Test
  void jobKeysLeftOutTakeTheTemplateDefaults() throws Exception {
    Map<String, String> onlyRequired = new LinkedHashMap<String, String>();
    onlyRequired.put("srcPrefix", "/data/example/");
    onlyRequired.put("destDomain", "http://oss-cn-hangzhou-internal.aliyuncs.com");
    onlyRequired.put("destBucket", "mybucket");
    Map<String, String> env = new HashMap<String, String>();
    env.put("OSS_ACCESS_KEY_ID", "LTAI5tExampleKeyId");
    env.put("OSS_ACCESS_KEY_SECRET", "exampleSecretValue");

    LoadedConfig<JobConfig> loaded = new JobConfigLoader(env).load(onlyRequired, "local_job.cfg");
    JobConfig c = loaded.config();

    assertTrue(loaded.warnings().isEmpty());
    assertEquals("local_test", c.jobName());
    assertEquals(JobType.IMPORT, c.jobType());
    assertEquals(false, c.isIncremental());
    assertEquals(86400, c.incrementalModeIntervalSeconds());
    assertEquals(0, c.importSince());
    assertEquals(0, c.lastModify());
    assertEquals(false, c.isSkipExistFile());
    assertEquals(SourceType.LOCAL, c.srcType());
    assertEquals("", c.srcAccessKey());
    assertTrue(c.srcSecretKey().isEmpty());
    assertEquals("", c.srcDomain());
    assertEquals("", c.srcBucket());
    assertEquals("", c.destPrefix());
    assertEquals(10000, c.taskObjectCountLimit());
    assertEquals(1_000_000_000L, c.taskObjectSizeLimit());
    assertEquals(1, c.scanThreadCount());
    assertEquals(1, c.maxMultiThreadScanDepth());
    assertEquals(150L * 1024 * 1024, c.multipartUploadThreshold());
    assertEquals(50L * 1024 * 1024, c.multipartUploadPartSize());
    assertEquals(3, c.uploadThreadNumPerLargeFile());
    assertEquals(false, c.isServerSideEncryption());
    assertEquals(false, c.isAllowSymbolicLink());
    assertEquals(true, c.isAuditAfterImport());
    assertEquals(AuditMode.GENERAL, c.auditMode());
    assertEquals(0, c.appId());
    assertEquals(false, c.isDownloadFromCdn());
    assertEquals("", c.cdnDomain());
    assertEquals(ObjectMetaMode.STAT, c.getObjectMetaMode());
    assertEquals("", c.httpListFilePath(), "the template's c:/example/http.list is an example");
    assertEquals(1, c.httpPrefixColumn());
    assertEquals(2, c.relativePathColumn());
    assertEquals(false, c.value(JobKeys.IS_USE_EXPRESS_TUNNEL));
  }

  @Test
  void systemKeysLeftOutTakeTheirDefaults() throws Exception {
    LoadedConfig<SysConfig> loaded =
        new SysConfigLoader().load(Collections.<String, String>emptyMap(), "sys.properties");
    SysConfig s = loaded.config();

    assertTrue(loaded.warnings().isEmpty());
    assertEquals(".", s.workingDir());
    assertEquals(60, s.workerTaskThreadNum());
    assertEquals(0, s.workerMaxThroughputKbPerSecond(), "0 = unlimited, as the docs say");
    assertEquals(1, s.dispatcherThreadNum());
    assertEquals(false, s.workerAbortWhenUncatchedException());
    assertEquals(false, s.workerRecordMd5());
    assertEquals("1024m", s.javaHeapMaxSize());
    assertEquals("", s.workerUserName());
    assertTrue(s.workerPassword().isEmpty());
    assertEquals("", s.privateKeyFile());
    assertEquals(22, s.sshPort());
  }

  @Test
  void everyCatalogueDefaultPassesItsOwnRules() {
    for (KeyCatalogue catalogue : new KeyCatalogue[] {JobKeys.CATALOGUE, SysKeys.CATALOGUE}) {
      for (ConfigKey key : catalogue.keys()) {
        ConfigValues.defaultOf(key); // throws if the default breaks the key's rule
      }
    }
  }
}
