package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.testkit.ImportFixture;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.TestCertificates;
import io.ossimport.emulator.store.StoredObject;
import java.io.OutputStream;
import java.net.Proxy;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.Random;
import java.util.TreeSet;
import javax.net.ssl.HttpsURLConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code caCertFile} end to end: the emulator serves HTTPS with a certificate of a private test CA
 * ({@link TestCertificates}); the real SDK on 127.0.0.1 does not trust it until the job names the
 * CA's PEM file.
 */
class CaCertFileTest {
  private static final long MINUTES = 180_000;

  @TempDir static Path certificates;
  static TestCertificates certs;
  OssEmulator oss;

  @TempDir Path temp;
  ImportFixture f;

  @BeforeAll
  static void makeTheTestCa() throws Exception {
    certs = TestCertificates.create(certificates);
  }

  @BeforeEach
  void setUp() throws Exception {
    // anonymous reads serve the URL list of the http source; signed requests are checked as ever
    oss = OssEmulator.builder().allowAnonymous(true).tls(certs.serverContext()).build().start();
    f = new ImportFixture(oss, temp);
    f.file("a.txt", 1000);
    f.file("dir/big.bin", 1_300_000); // multipart: every part over TLS too
  }

  @AfterEach
  void tearDown() throws Exception {
    f.close();
    oss.close();
  }

  @Test
  void withoutTheCaSubmitFailsOnceNamingTheEndpointAndCaCertFile() throws Exception {
    ConfigProblem p = f.onlySubmitProblem(f.open());

    assertEquals("destDomain", p.key());
    assertEquals(oss.endpoint(), p.value());
    assertTrue(p.message().contains("signed by no CA this machine trusts"), p.toString());
    assertTrue(p.fix().startsWith("set caCertFile to"), p.toString());
    assertFalse(p.toString().contains("\tat "), "no stack trace: " + p);
  }

  @Test
  void withTheCaFileTheJobIsSubmittedAndImportedOverHttps() throws Exception {
    f.job.put("caCertFile", certs.caPem().toAbsolutePath().toString().replace('\\', '/'));
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.ONLINE);

    JobStatus done = run(ossimport);

    assertEquals(JobState.Succeed, done.state(), f.events.text());
    assertEquals(
        new TreeSet<>(
            Arrays.asList(
                ImportFixture.DEST_PREFIX + "a.txt", ImportFixture.DEST_PREFIX + "dir/big.bin")),
        new TreeSet<>(f.storedObjects().keySet()));
  }

  @Test
  void anHttpsUrlListIsReadWithTheCaFileToo() throws Exception {
    String web = "web-" + f.bucket;
    oss.createBucket(web);
    byte[] page = putOverHttps(web, "site/page.html", 2_000);
    Path list = temp.resolve("https.list");
    Files.write(
        list, (oss.endpoint() + "/" + web + "/site/ page.html\n").getBytes(StandardCharsets.UTF_8));
    f.job.remove("srcPrefix");
    f.job.put("srcType", "http");
    f.job.put("httpListFilePath", list.toAbsolutePath().toString().replace('\\', '/'));
    f.job.put("caCertFile", certs.caPem().toAbsolutePath().toString().replace('\\', '/'));
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.ONLINE);

    JobStatus done = run(ossimport);

    assertEquals(JobState.Succeed, done.state(), f.events.text());
    try (StoredObject o = oss.store().open(f.bucket, ImportFixture.DEST_PREFIX + "page.html")) {
      assertEquals(page.length, o.meta().size());
    }
  }

  @Test
  void aJobSubmittedOfflineWithoutTheCaAbortsNamingCaCertFile() throws Exception {
    for (int i = 0; i < 6; i++) {
      f.file("more/" + i + ".txt", 10); // a few objects fail before the job is given up
    }
    OssImport ossimport = f.open();
    ossimport.submit(f.jobFile(), Collections.<String, String>emptyMap(), SubmitCheck.OFFLINE);

    JobStatus aborted = run(ossimport);

    assertEquals(JobState.Abort, aborted.state(), f.events.text());
    assertTrue(aborted.abortReason().contains("caCertFile"), aborted.abortReason());
    assertTrue(f.storedObjects().isEmpty(), "nothing written: " + f.storedObjects());
  }

  /** An anonymous PUT over HTTPS, trusting the test CA: the web server of the URL list. */
  private byte[] putOverHttps(String bucket, String key, int size) throws Exception {
    byte[] content = new byte[size];
    new Random(size).nextBytes(content);
    HttpsURLConnection put =
        (HttpsURLConnection)
            new URL(oss.endpoint() + "/" + bucket + "/" + key).openConnection(Proxy.NO_PROXY);
    put.setSSLSocketFactory(certs.clientContext().getSocketFactory());
    put.setRequestMethod("PUT");
    put.setDoOutput(true);
    try (OutputStream body = put.getOutputStream()) {
      body.write(content);
    }
    assertEquals(200, put.getResponseCode());
    return content;
  }

  private static JobStatus run(OssImport ossimport) throws Exception {
    try (RunningService service = ossimport.start()) {
      return service.awaitJob(ImportFixture.JOB, MINUTES);
    }
  }
}
