package io.ossimport.ant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Collections;
import org.apache.tools.ant.BuildException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Attribute mistakes fail at the task's line, before any work, whatever failonerror says. */
class TaskAttributesTest {
  @TempDir Path dir;

  @Test
  void everyTaskNeedsAWorkdirOrASysconfig() throws Exception {
    for (String task : new String[] {"submit", "start", "stop", "stat", "retry", "clean", "diff"}) {
      AntBuild build =
          new AntBuild(
              dir,
              Collections.<String, String>emptyMap(),
              "<target name='t'>\n  <ossimport:" + task + " failonerror='false'/>\n</target>\n");

      BuildException failure = assertThrows(BuildException.class, () -> build.run("t"));

      assertTrue(failure.getMessage().contains("Set workdir"), task + ": " + failure.getMessage());
      assertEquals(4, failure.getLocation().getLineNumber(), task);
      assertTrue(failure.getLocation().getFileName().endsWith("build.xml"), task);
    }
  }

  @Test
  void submitNeedsAJobconfigOrJobproperties() throws Exception {
    AntBuild build =
        new AntBuild(
            dir,
            Collections.<String, String>emptyMap(),
            "<target name='t'>\n  <ossimport:submit workdir='work'/>\n</target>\n");

    BuildException failure = assertThrows(BuildException.class, () -> build.run("t"));

    assertTrue(failure.getMessage().contains("Nothing to submit"), failure.getMessage());
  }

  @Test
  void aJobpropertyNeedsAName() throws Exception {
    AntBuild build =
        new AntBuild(
            dir,
            Collections.<String, String>emptyMap(),
            "<target name='t'>\n  <ossimport:submit workdir='work'>\n"
                + "    <jobproperty value='x'/>\n  </ossimport:submit>\n</target>\n");

    BuildException failure = assertThrows(BuildException.class, () -> build.run("t"));

    assertTrue(failure.getMessage().contains("needs a name"), failure.getMessage());
  }
}
