package io.ossimport.core.source.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.apache.http.client.utils.URIUtils;

/**
 * URLs as lists write them, made into URIs a client can send. Lists often hold characters a URI
 * does not allow (spaces cannot occur, but non-ASCII names, {@code |}, {@code ^}, a {@code %} not
 * followed by two hex digits do): after the host they are percent-encoded as UTF-8, the way a
 * browser does it; escapes already present are kept.
 */
final class HttpUrls {
  private static final String ILLEGAL = "\"<>\\^`{|}[]";

  private HttpUrls() {}

  /** True if {@code url} starts with {@code http://} or {@code https://}, in any case. */
  static boolean hasHttpScheme(String url) {
    String lower = url.length() > 8 ? url.substring(0, 8).toLowerCase(Locale.ROOT) : url;
    return lower.startsWith("http://") || lower.startsWith("https://");
  }

  /** {@code null} if {@code url} can be requested, otherwise a sentence saying why not. */
  static String problem(String url) {
    if (!hasHttpScheme(url)) {
      return "the URL does not start with http:// or https://";
    }
    try {
      toUri(url);
      return null;
    } catch (URISyntaxException e) {
      return "the URL cannot be parsed (" + e.getReason() + ")";
    }
  }

  /** The URI to request for a URL that passed {@link #problem}. */
  static URI toUri(String url) throws URISyntaxException {
    int authority = url.indexOf("://") + 3;
    int path = authority;
    while (path < url.length() && "/?#".indexOf(url.charAt(path)) < 0) {
      path++;
    }
    URI uri = new URI(url.substring(0, path) + encode(url.substring(path)));
    if (URIUtils.extractHost(uri) == null) {
      throw new URISyntaxException(url, "no host name");
    }
    return uri;
  }

  private static String encode(String rest) {
    StringBuilder sb = new StringBuilder(rest.length() + 16);
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '%' && isHex(rest, i + 1) && isHex(rest, i + 2)) {
        sb.append(c);
      } else if (c > 0x20 && c < 0x7f && c != '%' && ILLEGAL.indexOf(c) < 0) {
        sb.append(c);
      } else {
        int end = Character.isHighSurrogate(c) && i + 1 < rest.length() ? i + 2 : i + 1;
        for (byte b : rest.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
          sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)));
          sb.append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
        }
        i = end - 1;
      }
    }
    return sb.toString();
  }

  private static boolean isHex(String s, int i) {
    return i < s.length() && Character.digit(s.charAt(i), 16) >= 0;
  }
}
