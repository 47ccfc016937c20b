package io.ossimport.emulator.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One parsed HTTP request as dialects see it: method, the raw and decoded path, query parameters
 * (decoded, in order, {@code null} value for a bare name such as {@code ?uploads}), headers
 * (case-insensitive lookup, values as sent) and a body stream that answers {@code Expect:
 * 100-continue} on first read.
 */
public final class HttpRequest {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final String path;
  private final Map<String, String> query;
  private final List<String[]> headers;
  private final Map<String, String> headerIndex;
  private final BodyInputStream body;
  private final String remoteAddress;

  HttpRequest(
      String method,
      String target,
      List<String[]> headers,
      InputStream rawBody,
      long contentLength,
      boolean chunked,
      OutputStream continueOut,
      String remoteAddress) {
    this.method = method;
    int q = target.indexOf('?');
    this.rawPath = q < 0 ? target : target.substring(0, q);
    this.rawQuery = q < 0 ? null : target.substring(q + 1);
    this.path = UrlCodec.decodePath(rawPath);
    this.query = parseQuery(rawQuery);
    this.headers = Collections.unmodifiableList(headers);
    Map<String, String> idx = new LinkedHashMap<String, String>();
    for (String[] h : headers) {
      String k = h[0].toLowerCase(Locale.ROOT);
      String prev = idx.get(k);
      idx.put(k, prev == null ? h[1] : prev + "," + h[1]);
    }
    this.headerIndex = idx;
    boolean expectContinue = "100-continue".equalsIgnoreCase(header("Expect"));
    this.body =
        new BodyInputStream(
            chunked
                ? new ChunkedInputStream(rawBody)
                : new FixedInputStream(rawBody, contentLength),
            expectContinue ? continueOut : null,
            chunked || contentLength > 0);
    this.remoteAddress = remoteAddress;
  }

  private static Map<String, String> parseQuery(String raw) {
    Map<String, String> map = new LinkedHashMap<String, String>();
    if (raw == null || raw.isEmpty()) {
      return map;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      if (eq < 0) {
        map.put(UrlCodec.decodeQuery(pair), null);
      } else {
        map.put(
            UrlCodec.decodeQuery(pair.substring(0, eq)),
            UrlCodec.decodeQuery(pair.substring(eq + 1)));
      }
    }
    return map;
  }

  /** {@code GET}, {@code PUT}, ... as sent. */
  public String method() {
    return method;
  }

  /** The path as sent (still percent-encoded). */
  public String rawPath() {
    return rawPath;
  }

  /** The query string as sent, or {@code null}. */
  public String rawQuery() {
    return rawQuery;
  }

  /** The percent-decoded path (UTF-8). */
  public String path() {
    return path;
  }

  /** Decoded query parameters in order; a bare name maps to {@code null}. */
  public Map<String, String> query() {
    return Collections.unmodifiableMap(query);
  }

  /** Whether the query has this parameter (with or without value). */
  public boolean hasParam(String name) {
    return query.containsKey(name);
  }

  /** A query parameter's value, {@code null} if absent or bare. */
  public String param(String name) {
    return query.get(name);
  }

  /** A header's value (repeated headers joined by commas), {@code null} if absent. */
  public String header(String name) {
    return headerIndex.get(name.toLowerCase(Locale.ROOT));
  }

  /** All headers as (name, value) pairs in the order received. */
  public List<String[]> headers() {
    return headers;
  }

  /** Headers by lower-case name (repeated ones joined by commas). */
  public Map<String, String> headerMap() {
    return Collections.unmodifiableMap(headerIndex);
  }

  /** The request body (empty when none). */
  public InputStream body() {
    return body;
  }

  /** Body bytes read so far. */
  public long bodyBytesRead() {
    return body.count();
  }

  /** Whether the request declared a body (Content-Length &gt; 0 or chunked). */
  public boolean hasBody() {
    return body.declared();
  }

  /** The Content-Length header as a number, or -1. */
  public long contentLength() {
    String v = header("Content-Length");
    try {
      return v == null ? -1 : Long.parseLong(v.trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The peer's address, for logs. */
  public String remoteAddress() {
    return remoteAddress;
  }

  BodyInputStream bodyStream() {
    return body;
  }

  /** Reads the whole body as bytes, refusing more than {@code limit} bytes. */
  public byte[] readBody(int limit) throws IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    int n;
    while ((n = body.read(buf)) != -1) {
      out.write(buf, 0, n);
      if (out.size() > limit) {
        throw new IOException("request body larger than " + limit + " bytes");
      }
    }
    return out.toByteArray();
  }

  /** The body as UTF-8 text (bounded). */
  public String readBodyUtf8(int limit) throws IOException {
    return new String(readBody(limit), StandardCharsets.UTF_8);
  }

  /** A list of header names present (lower-case). */
  public List<String> headerNames() {
    return new ArrayList<String>(headerIndex.keySet());
  }
}
