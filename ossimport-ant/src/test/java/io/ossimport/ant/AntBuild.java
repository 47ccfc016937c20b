package io.ossimport.ant;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.tools.ant.BuildEvent;
import org.apache.tools.ant.BuildListener;
import org.apache.tools.ant.Project;
import org.apache.tools.ant.ProjectHelper;

/**
 * A real Ant build in this JVM: a build file with the ossimport antlib (xmlns:ossimport), user
 * properties, and every message the tasks log, with its Ant priority.
 */
final class AntBuild {
  static final String HEADER =
      "<project name='test' xmlns:ossimport='antlib:io.ossimport.ant'>\n"
          + "  <taskdef uri='antlib:io.ossimport.ant' resource='io/ossimport/ant/antlib.xml'/>\n";

  final Project project = new Project();
  final Path buildFile;
  private final List<String> messages = new ArrayList<String>();

  /** Writes {@code targets} (XML) into {@code dir/build.xml} and parses it. */
  AntBuild(Path dir, Map<String, String> properties, String targets) throws IOException {
    buildFile = dir.resolve("build.xml");
    Files.write(buildFile, (HEADER + targets + "</project>\n").getBytes(StandardCharsets.UTF_8));
    project.init();
    for (Map.Entry<String, String> property : properties.entrySet()) {
      project.setUserProperty(property.getKey(), property.getValue());
    }
    project.addBuildListener(new Recorder());
    ProjectHelper.configureProject(project, buildFile.toFile());
  }

  void run(String target) {
    project.executeTarget(target);
  }

  String property(String name) {
    return project.getProperty(name);
  }

  /** Every message so far as {@code PRIORITY text}, e.g. {@code WARN Job local_test: Failed.}. */
  synchronized String log() {
    return String.join("\n", messages);
  }

  private synchronized void record(BuildEvent event) {
    String[] names = {"ERR", "WARN", "INFO", "VERBOSE", "DEBUG"};
    if (event.getPriority() <= Project.MSG_INFO) {
      messages.add(names[event.getPriority()] + " " + event.getMessage());
    }
  }

  private final class Recorder implements BuildListener {
    @Override
    public void messageLogged(BuildEvent event) {
      record(event);
    }

    @Override
    public void buildStarted(BuildEvent event) {}

    @Override
    public void buildFinished(BuildEvent event) {}

    @Override
    public void targetStarted(BuildEvent event) {}

    @Override
    public void targetFinished(BuildEvent event) {}

    @Override
    public void taskStarted(BuildEvent event) {}

    @Override
    public void taskFinished(BuildEvent event) {}
  }
}
