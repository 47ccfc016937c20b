package io.ossimport.core.worker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.jobtree.AuditRecord;
import io.ossimport.core.jobtree.AuditResult;
import io.ossimport.core.jobtree.TaskId;
import io.ossimport.core.jobtree.TaskOutcome;
import io.ossimport.core.jobtree.TaskStatus;
import io.ossimport.core.retry.Backoff;
import io.ossimport.core.testing.ProxyProcess;
import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.OssEmulator;
import io.ossimport.emulator.junit.OssEmulatorExtension;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The network keys end to end: a real worker, the real SDK, the emulator on 127.0.0.1 and a forward
 * proxy running as its own process ({@link ProxyProcess}).
 */
@ExtendWith(OssEmulatorExtension.class)
class NetworkTest {
  OssEmulator oss;
  @TempDir Path temp;
  WorkerHarness h;

  @BeforeEach
  void setUp() throws Exception {
    h = new WorkerHarness(oss, temp);
  }

  @AfterEach
  void tearDown() {
    h.close();
  }

  @Test
  void theProxyKeySendsEveryRequestThroughTheProxy() throws Exception {
    try (ProxyProcess proxy = ProxyProcess.requiring("mover", "proxy-pass-1")) {
      h.jobKeys.put("proxy", proxy.url());
      h.jobKeys.put("proxyUser", "mover");
      h.jobKeys.put("proxyPassword", "proxy-pass-1");
      byte[] a = h.file("a.txt", 1000);
      byte[] big = h.file("big.bin", 1_500_000); // multipart: parts go through it too
      TaskId id = h.dispatch(h.entries("a.txt", "big.bin"));

      TaskOutcome outcome = h.run(id);

      assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
      h.assertStored("a.txt", a);
      h.assertStored("big.bin", big);
      long sent = h.requests(Operation.PutObject) + h.requests(Operation.UploadPart);
      assertTrue(proxy.forwarded() >= sent, proxy.forwarded() + " forwarded, " + sent + " sent");
    }
  }

  @Test
  void theEnvironmentsProxyIsUsedWhenTheKeyIsEmptyAndNoProxyBypassesIt() throws Exception {
    try (ProxyProcess proxy = ProxyProcess.open()) {
      h.environment.put("http_proxy", proxy.url());
      byte[] a = h.file("a.txt", 1000);
      TaskOutcome through = h.run(h.dispatch(h.entries("a.txt")));
      assertEquals(TaskStatus.COMPLETED, through.status(), through.errors().toString());
      h.assertStored("a.txt", a);
      long forwarded = proxy.forwarded();
      assertTrue(forwarded >= 1, "the proxy saw the upload");

      h.environment.put("NO_PROXY", "localhost, 127.0.0.1");
      byte[] b = h.file("b.txt", 1000);
      TaskOutcome direct = h.run(h.dispatch(h.entries("b.txt")));

      assertEquals(TaskStatus.COMPLETED, direct.status(), direct.errors().toString());
      h.assertStored("b.txt", b);
      assertEquals(forwarded, proxy.forwarded(), "NO_PROXY=127.0.0.1 goes around the proxy");
    }
  }

  @Test
  void aWrongProxyPasswordFailsNamingTheProxyNotThePassword() throws Exception {
    String password = "wrong-proxy-password-77";
    try (ProxyProcess proxy = ProxyProcess.requiring("mover", "right")) {
      h.jobKeys.put("proxy", proxy.url());
      h.jobKeys.put("proxyUser", "mover");
      h.jobKeys.put("proxyPassword", password);
      for (String name : new String[] {"a.txt", "b.txt", "c.txt", "d.txt"}) {
        h.file(name, 10);
      }
      TaskId id = h.dispatch(h.entries("a.txt", "b.txt", "c.txt", "d.txt"));

      // Every object would fail the same way: the job aborts as for a destination that refuses.
      WorkerAbortException abort = assertThrows(WorkerAbortException.class, () -> h.run(id));
      String failure = abort.getMessage();

      assertTrue(proxy.refused() >= 1, "the proxy refused the credentials");
      assertTrue(failure.contains("127.0.0.1:" + proxy.port()), failure);
      assertTrue(failure.contains("407") && failure.contains("proxyPassword"), failure);
      assertFalse(failure.contains(password), failure);
      assertFalse(h.eventText().contains(password), h.eventText());
      assertFalse(h.exists("a.txt"));
    }
  }

  @Test
  void anAnswerSlowerThanTheReadTimeoutIsARetriedTimeout() throws Exception {
    h.jobKeys.put("readTimeout", "1");
    h.backoff = new Backoff(1, 4, 4, new Random(5));
    byte[] a = h.file("a.txt", 100);
    TaskId id = h.dispatch(h.entries("a.txt"));
    oss.faults().script(Operation.PutObject, FaultSpec.latency(3000));

    TaskOutcome outcome = h.run(id);

    assertEquals(TaskStatus.COMPLETED, outcome.status(), outcome.errors().toString());
    h.assertStored("a.txt", a);
    List<AuditRecord> audit = h.audit(id);
    assertTrue(
        audit.stream()
            .anyMatch(
                r ->
                    r.result() == AuditResult.RETRY
                        && r.toString().contains("NETWORK")
                        && r.toString().toLowerCase().contains("timed out")),
        audit.toString());
  }
}
