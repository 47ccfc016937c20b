package io.ossimport.core.source.azure;

import java.io.UnsupportedEncodingException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.apache.http.Header;
import org.apache.http.HttpRequest;

/**
 * Signs Blob service requests with the account key ("Shared Key" authorization, service version
 * 2015-02-21 and later): HMAC-SHA256 over the verb, the standard headers, the {@code x-ms-*}
 * headers and the canonical resource ({@code /account/path} plus the query parameters).
 *
 * <p>The source sends only GET and HEAD without a body; tests that upload pass the body length,
 * which the HTTP client adds as a header only after signing.
 */
final class SharedKeySigner {
  private static final String[] STANDARD_HEADERS = {
    "Content-Encoding",
    "Content-Language",
    "Content-Length",
    "Content-MD5",
    "Content-Type",
    "Date",
    "If-Modified-Since",
    "If-Match",
    "If-None-Match",
    "If-Unmodified-Since",
    "Range"
  };

  private final String account;
  private final SecretKeySpec key;

  SharedKeySigner(String account, byte[] accountKey) {
    this.account = account;
    this.key = new SecretKeySpec(accountKey, "HmacSHA256");
  }

  /** Adds the {@code Authorization} header; the {@code x-ms-date} header must already be set. */
  void sign(HttpRequest request, URI uri) {
    sign(request, uri, 0);
  }

  /** As {@link #sign(HttpRequest, URI)} for a request with a body of {@code contentLength}. */
  void sign(HttpRequest request, URI uri, long contentLength) {
    String method = request.getRequestLine().getMethod();
    String signature = hmac(stringToSign(method, request, uri, contentLength));
    request.setHeader("Authorization", "SharedKey " + account + ":" + signature);
  }

  String stringToSign(String method, HttpRequest request, URI uri, long contentLength) {
    StringBuilder sb = new StringBuilder(256).append(method).append('\n');
    for (String name : STANDARD_HEADERS) {
      Header h = request.getFirstHeader(name);
      String value = h == null ? "" : h.getValue();
      if (name.equals("Content-Length")) {
        value = contentLength > 0 ? String.valueOf(contentLength) : "";
      }
      sb.append(value).append('\n');
    }
    TreeMap<String, String> msHeaders = new TreeMap<>();
    for (Header h : request.getAllHeaders()) {
      String name = h.getName().toLowerCase(Locale.ROOT);
      if (name.startsWith("x-ms-")) {
        msHeaders.put(name, h.getValue().trim().replaceAll("\\s+", " "));
      }
    }
    for (Map.Entry<String, String> e : msHeaders.entrySet()) {
      sb.append(e.getKey()).append(':').append(e.getValue()).append('\n');
    }
    String path = uri.getRawPath();
    sb.append('/').append(account).append(path == null || path.isEmpty() ? "/" : path);
    for (Map.Entry<String, List<String>> e : queryParameters(uri).entrySet()) {
      sb.append('\n').append(e.getKey()).append(':').append(String.join(",", e.getValue()));
    }
    return sb.toString();
  }

  private static TreeMap<String, List<String>> queryParameters(URI uri) {
    TreeMap<String, List<String>> params = new TreeMap<>();
    String query = uri.getRawQuery();
    if (query == null || query.isEmpty()) {
      return params;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      params.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
    for (List<String> values : params.values()) {
      values.sort(null);
    }
    return params;
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private String hmac(String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return Base64.getEncoder().encodeToString(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
