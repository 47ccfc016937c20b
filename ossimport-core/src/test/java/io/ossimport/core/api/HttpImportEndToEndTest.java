package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.ErrorEntry;
import io.ossimport.core.jobtree.JobTree;
import io.ossimport.core.jobtree.ReasonCode;
import io.ossimport.core.jobtree.TaskRef;
import io.ossimport.core.jobtree.TaskState;
import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.core.testkit.UrlServer;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** srcType=http from submit to stat: a URL list served by a local web server into the emulator. */
@ExtendWith(OssEmulatorExtension.class)
class HttpImportEndToEndTest {
  private static final long MINUTE = 60_000;

  OssEmulator oss;
  @TempDir Path temp;
  private ImportFixture f;
  private UrlServer web;
  private Path list;

  @BeforeEach
  void setUp() throws Exception {
    f = new ImportFixture(oss, temp);
    web = new UrlServer();
    list = temp.resolve("http.list");
    f.job.remove("srcPrefix");
    f.job.put("srcType", "http");
    f.job.put("httpListFilePath", list.toString().replace('\\', '/'));
  }

  @AfterEach
  void tearDown() {
    web.close();
    f.close();
  }

  @Test
  void aListSortedByPrefixArrivesWholeInOneTaskPerPrefix() throws Exception {
    StringBuilder rows = new StringBuilder();
    rows.append(row("hz/", "a.jpg", 30_000));
    rows.append(row("hz/", "photos/b.jpg", 1_300_000)); // multipart: ranged reads
    rows.append("\r\n");
    rows.append(row("bj/", "c.txt", 0));
    rows.append(row("bj/", "d/e.txt", 12_345));
    Files.write(list, rows.toString().getBytes(StandardCharsets.UTF_8));

    JobStatus status = runJob();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertEquals(2, status.succeedTasks(), "hz,hz,bj,bj: one task per prefix");
    assertEquals(4, status.doneObjects());
    f.assertAllStored();
  }

  @Test
  void anUnsortedListGivesATaskPerChangeAndBadRowsAndMissingUrlsNameThemselves() throws Exception {
    StringBuilder rows = new StringBuilder();
    rows.append(row("hz/", "1.bin", 1000));
    rows.append(row("bj/", "2.bin", 2000));
    rows.append(row("hz/", "3.bin", 3000));
    rows.append(web.base()).append("bj/ gone.bin\r\n"); // 404
    rows.append(web.base()).append("bj/lonely-column.bin\r\n"); // line 5: no path column
    Files.write(list, rows.toString().getBytes(StandardCharsets.UTF_8));

    JobStatus status = runJob();

    assertEquals(JobState.Failed, status.state(), f.events.text());
    assertEquals(4, status.succeedTasks() + status.failedTasks(), "hz,bj,hz,bj: four tasks");
    assertEquals(3, status.doneObjects());
    assertEquals(2, status.failedObjects());
    f.assertAllStored();
    Map<ReasonCode, String> errors = errors(new JobTree(f.work));
    assertEquals(web.base() + "bj/gone.bin", errors.get(ReasonCode.SOURCE_NOT_FOUND));
    String bad = errors.get(ReasonCode.BAD_LIST_ROW);
    assertTrue(bad != null && bad.startsWith("line 5: the row has 1 column"), errors.toString());
  }

  @Test
  void sizeBoundsApplyAfterTheLookUpWhenTheListGivesNoSizes() throws Exception {
    StringBuilder rows = new StringBuilder();
    rows.append(row("hz/", "small.bin", 100));
    rows.append(row("hz/", "right.bin", 5000));
    rows.append(row("hz/", "skip/me.bin", 5000));
    Files.write(list, rows.toString().getBytes(StandardCharsets.UTF_8));
    f.job.put("minSize", "1k");
    f.job.put("exclude", "/skip/**");

    JobStatus status = runJob();

    assertEquals(JobState.Succeed, status.state(), f.events.text());
    assertEquals(3, status.totalObjects());
    assertEquals(2, status.skippedObjects());
    assertEquals(1, f.storedObjects().size());
    assertTrue(f.storedObjects().containsKey(ImportFixture.DEST_PREFIX + "right.bin"));
  }

  @Test
  void submitRefusesAMissingListFileNamingTheKey() throws Exception {
    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> f.open().submit(null, f.job));

    ConfigProblem p = e.problems().get(0);
    assertEquals("httpListFilePath", p.key());
    assertTrue(p.toString().contains(list.getFileName().toString()), p.toString());
  }

  /** Serves a generated file and returns its CRLF-terminated list row. */
  private String row(String prefix, String path, int size) throws Exception {
    byte[] content = new byte[size];
    new Random(path.hashCode()).nextBytes(content);
    web.put(prefix + path, content);
    f.files.put(path, content);
    return web.base() + prefix + " \t" + path + "\r\n";
  }

  private JobStatus runJob() throws Exception {
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile());
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTE);
    }
  }

  private static Map<ReasonCode, String> errors(JobTree tree) throws Exception {
    Map<ReasonCode, String> errors = new EnumMap<>(ReasonCode.class);
    try (Stream<TaskRef> failed = tree.tasks(ImportFixture.JOB, TaskState.FAILED)) {
      List<TaskRef> refs = failed.collect(Collectors.toList());
      for (TaskRef ref : refs) {
        for (ErrorEntry e : tree.readErrors(ImportFixture.JOB, ref)) {
          errors.put(e.reason(), e.source());
        }
      }
    }
    return errors;
  }
}
