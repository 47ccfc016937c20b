package io.ossimport.emulator.http;

import io.ossimport.emulator.FaultSpec;
import io.ossimport.emulator.Faults;
import io.ossimport.emulator.Operation;
import io.ossimport.emulator.RequestCounters;
import io.ossimport.emulator.SecurityTokens;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The unsigned admin endpoint under {@code /_emulator}:
 *
 * <ul>
 *   <li>{@code GET /_emulator/health}: {@code ok}
 *   <li>{@code GET /_emulator/counters}: counters as JSON; {@code DELETE} (or {@code POST
 *       /_emulator/counters/reset}) resets them
 *   <li>{@code GET /_emulator/faults}: the fault plan as JSON; {@code DELETE} (or {@code POST
 *       /_emulator/faults/clear}) clears it
 *   <li>{@code POST /_emulator/faults?op=PutObject&script=503:SlowDown,pass,reset}: appends a
 *       script ({@code op} omitted or {@code *} = all operations)
 *   <li>{@code POST /_emulator/faults?op=GetObject&probability=0.25&fault=internal}: adds a rule
 *   <li>{@code POST /_emulator/faults?seed=42}: re-seeds the rule generator
 *   <li>{@code POST /_emulator/buckets?name=NAME}: creates a bucket
 *   <li>{@code POST /_emulator/security-tokens?accessKeyId=ID&secret=S&token=T}: accepts STS
 *       temporary credentials
 *   <li>{@code POST /_emulator/security-tokens/expire?token=T}: expires a token (404 if unknown)
 * </ul>
 */
public final class AdminHandler implements RequestHandler {
  /** Creates buckets for the admin endpoint (the emulator decides location and defaults). */
  public interface BucketCreator {
    /** Returns false if the bucket already exists; throws IllegalArgumentException if invalid. */
    boolean create(String name) throws IOException;
  }

  private final RequestCounters counters;
  private final Faults faults;
  private final SecurityTokens securityTokens;
  private final BucketCreator buckets;

  public AdminHandler(
      RequestCounters counters,
      Faults faults,
      SecurityTokens securityTokens,
      BucketCreator buckets) {
    this.counters = counters;
    this.faults = faults;
    this.securityTokens = securityTokens;
    this.buckets = buckets;
  }

  @Override
  public void handle(HttpRequest req, HttpResponse resp) throws IOException {
    String what = req.path().substring(Dispatcher.ADMIN_PREFIX.length());
    String m = req.method();
    try {
      if (what.equals("/health") && m.equals("GET")) {
        text(resp, 200, "ok");
      } else if (what.equals("/counters") && m.equals("GET")) {
        json(resp, counters.toJson());
      } else if ((what.equals("/counters") && m.equals("DELETE"))
          || (what.equals("/counters/reset") && m.equals("POST"))) {
        counters.reset();
        resp.sendEmpty(204);
      } else if (what.equals("/faults") && m.equals("GET")) {
        json(resp, faults.toJson());
      } else if ((what.equals("/faults") && m.equals("DELETE"))
          || (what.equals("/faults/clear") && m.equals("POST"))) {
        faults.clear();
        resp.sendEmpty(204);
      } else if (what.equals("/faults") && m.equals("POST")) {
        planFaults(req);
        resp.sendEmpty(204);
      } else if (what.equals("/buckets") && m.equals("POST")) {
        String name = req.param("name");
        if (name == null) {
          throw new IllegalArgumentException("POST /_emulator/buckets needs ?name=BUCKET");
        }
        boolean created = buckets.create(name);
        text(resp, created ? 200 : 409, created ? "created" : "exists");
      } else if (what.equals("/security-tokens") && m.equals("POST")) {
        securityTokens.add(req.param("accessKeyId"), req.param("secret"), req.param("token"));
        resp.sendEmpty(204);
      } else if (what.equals("/security-tokens/expire") && m.equals("POST")) {
        String token = req.param("token");
        if (token == null) {
          throw new IllegalArgumentException(
              "POST /_emulator/security-tokens/expire needs ?token=TOKEN");
        }
        if (securityTokens.expire(token)) {
          resp.sendEmpty(204);
        } else {
          text(resp, 404, "No temporary credentials have this security token");
        }
      } else {
        text(resp, 404, "Unknown admin call " + m + " " + req.path() + "; see AdminHandler docs");
      }
    } catch (IllegalArgumentException e) {
      text(resp, 400, e.getMessage());
    }
  }

  private void planFaults(HttpRequest req) {
    String opName = req.param("op");
    Operation op = null;
    if (opName != null && !opName.equals("*")) {
      op = Operation.parse(opName);
      if (op == null) {
        throw new IllegalArgumentException("Unknown operation op=" + opName);
      }
    }
    boolean any = false;
    if (req.param("seed") != null) {
      faults.seed(Long.parseLong(req.param("seed")));
      any = true;
    }
    if (req.param("script") != null) {
      String[] items = req.param("script").split(",");
      FaultSpec[] specs = new FaultSpec[items.length];
      for (int i = 0; i < items.length; i++) {
        specs[i] = FaultSpec.parse(items[i]);
      }
      faults.script(op, specs);
      any = true;
    }
    if (req.param("fault") != null) {
      String p = req.param("probability");
      faults.probability(
          op, p == null ? 1.0 : Double.parseDouble(p), FaultSpec.parse(req.param("fault")));
      any = true;
    }
    if (!any) {
      throw new IllegalArgumentException("POST /_emulator/faults needs script=, fault= or seed=");
    }
  }

  private static void text(HttpResponse resp, int status, String body) throws IOException {
    resp.send(status, (body + "\n").getBytes(StandardCharsets.UTF_8), "text/plain; charset=utf-8");
  }

  private static void json(HttpResponse resp, String body) throws IOException {
    resp.send(200, body.getBytes(StandardCharsets.UTF_8), "application/json");
  }
}
