package io.ossimport.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigWarning;
import io.ossimport.core.api.ConfigurationException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Files shaped like the original 2.x templates (reference §2: same keys, order and values, Chinese
 * comments, the trailing spaces the shipped files have) load unchanged.
 */
class OriginalSamplesTest {

  private static Path sample(String name) throws URISyntaxException {
    return Paths.get(OriginalSamplesTest.class.getResource("original/" + name).toURI());
  }

  @Test
  void theStandaloneJobTemplateLoadsWithoutProblemsOrWarnings() throws Exception {
    LoadedConfig<JobConfig> loaded =
        new JobConfigLoader(Collections.<String, String>emptyMap()).load(sample("local_job.cfg"));
    JobConfig c = loaded.config();
    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    assertEquals("local_test", c.jobName());
    assertEquals(SourceType.LOCAL, c.srcType());
    assertEquals("D:/work/oss/data/", c.srcPrefix());
    assertEquals("mybucket", c.destBucket());
    assertEquals("docs/", c.destPrefix());
    assertEquals(true, c.isAuditAfterImport(), "isAuditAfterImport=true has a trailing space");
    assertEquals(150L << 20, c.multipartUploadThreshold());
    assertEquals("c:/example/http.list", c.httpListFilePath());
  }

  @Test
  void theStandaloneSystemTemplateLoadsWithoutProblemsOrWarnings() throws Exception {
    LoadedConfig<SysConfig> loaded = new SysConfigLoader().load(sample("sys.properties"));
    SysConfig s = loaded.config();
    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    assertEquals(".", s.workingDir());
    assertEquals(100_000_000L, s.workerMaxThroughputKbPerSecond());
    assertEquals(false, s.workerAbortWhenUncatchedException(), "value has two trailing spaces");
    assertEquals("1024m", s.javaHeapMaxSize(), "last line has no line end");
  }

  @Test
  void theDistributedSystemTemplateIsTolerated() throws Exception {
    LoadedConfig<SysConfig> loaded =
        new SysConfigLoader().load(sample("sys-distributed.properties"));
    assertTrue(loaded.warnings().isEmpty(), loaded.warnings().toString());
    assertEquals("root", loaded.config().workerUserName());
    assertEquals(22, loaded.config().sshPort());
    assertEquals("/root/import", loaded.config().workingDir());
  }

  @Test
  void aPre220SystemFileLoadsWithOneDeprecationWarningPerSlaveKey() throws Exception {
    LoadedConfig<SysConfig> loaded = new SysConfigLoader().load(sample("sys-legacy.properties"));
    List<ConfigWarning> warnings = loaded.warnings();
    assertEquals(5, warnings.size(), warnings.toString());
    for (ConfigWarning w : warnings) {
      assertTrue(w.key().startsWith("slave"), w.toString());
      assertTrue(w.advice().startsWith("rename it to worker"), w.toString());
    }
    assertEquals(5, loaded.config().dispatcherThreadNum());
  }

  @Test
  void theExpressTunnelSampleLoadsExceptForTheUnsupportedTunnel() throws Exception {
    // It also omits appId, isDownloadFromCdn and cdnDomain, which take their defaults.
    Path file = sample("et_job.cfg");
    ConfigurationException e =
        assertThrows(
            ConfigurationException.class,
            () -> new JobConfigLoader(Collections.<String, String>emptyMap()).load(file));
    assertEquals(1, e.problems().size(), e.getMessage());
    assertEquals("isUseExpressTunnel", e.problems().get(0).key());
    assertTrue(e.warnings().isEmpty(), e.warnings().toString());
  }
}
