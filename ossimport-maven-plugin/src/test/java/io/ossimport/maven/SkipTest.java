package io.ossimport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.File;
import java.util.Collections;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.Mojo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every goal checks ossimport.skip before anything else and says so in one stable sentence. */
@MojoTest
class SkipTest {
  @TempDir File workDir;

  @Test
  @InjectMojo(goal = "submit")
  @MojoParameter(name = "skip", value = "true")
  @MojoParameter(name = "jobConfig", value = "does-not-exist.cfg")
  void submitSkipsWithoutReadingTheJobConfig(SubmitMojo mojo) throws Exception {
    assertSkips(mojo);
  }

  @Test
  @InjectMojo(goal = "start")
  @MojoParameter(name = "skip", value = "true")
  void startSkips(StartMojo mojo) throws Exception {
    assertSkips(mojo);
  }

  @Test
  @InjectMojo(goal = "stop")
  @MojoParameter(name = "skip", value = "true")
  void stopSkips(StopMojo mojo) throws Exception {
    assertSkips(mojo);
  }

  @Test
  @InjectMojo(goal = "stat")
  @MojoParameter(name = "skip", value = "true")
  void statSkips(StatMojo mojo) throws Exception {
    assertSkips(mojo);
  }

  @Test
  @InjectMojo(goal = "retry")
  @MojoParameter(name = "skip", value = "true")
  void retrySkips(RetryMojo mojo) throws Exception {
    assertSkips(mojo);
  }

  @Test
  @InjectMojo(goal = "clean")
  @MojoParameter(name = "skip", value = "true")
  @MojoParameter(name = "sysConfig", value = "does-not-exist.properties")
  void cleanSkipsWithoutReadingTheSysConfig(CleanMojo mojo) throws Exception {
    assertSkips(mojo);
  }

  private void assertSkips(Mojo mojo) throws Exception {
    MojoHarness.setField(mojo, "workDir", workDir);
    RecordingLog log = new RecordingLog();
    mojo.setLog(log);

    mojo.execute();

    assertEquals(
        Collections.singletonList("INFO " + AbstractOssImportMojo.SKIP_MESSAGE), log.lines());
    String[] created = workDir.list();
    assertFalse(created != null && created.length > 0, "nothing is written when skipped");
  }
}
