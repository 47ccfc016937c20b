package io.ossimport.emulator.s3;

import io.ossimport.emulator.http.UrlCodec;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an HTTP request that S3 signs and routes on: the method, the path and query as sent
 * on the wire, and the headers under lower-case names.
 */
final class RequestHead {
  private final String method;
  private final String rawPath;
  private final String rawQuery;
  private final Map<String, List<String>> headers;
  private final List<String[]> query;

  RequestHead(
      String method, String rawPath, String rawQuery, Map<String, List<String>> anyCaseHeaders) {
    this.method = method;
    this.rawPath = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    this.rawQuery = rawQuery == null ? "" : rawQuery;
    Map<String, List<String>> lower = new TreeMap<>();
    for (Map.Entry<String, List<String>> e : anyCaseHeaders.entrySet()) {
      if (e.getKey() == null) {
        continue;
      }
      lower
          .computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
          .addAll(e.getValue());
    }
    this.headers = Collections.unmodifiableMap(lower);
    this.query = parseQuery(this.rawQuery);
  }

  String method() {
    return method;
  }

  String rawPath() {
    return rawPath;
  }

  String rawQuery() {
    return rawQuery;
  }

  /** All headers, by lower-case name, sorted by name. */
  Map<String, List<String>> headers() {
    return headers;
  }

  /** The first value of a header, or null. */
  String header(String lowerCaseName) {
    List<String> values = headers.get(lowerCaseName);
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** The decoded query parameters in wire order, each as {name, value} ("" when absent). */
  List<String[]> queryPairs() {
    return query;
  }

  /** The decoded value of a query parameter, "" when present without a value, null if absent. */
  String queryParam(String name) {
    for (String[] pair : query) {
      if (pair[0].equals(name)) {
        return pair[1];
      }
    }
    return null;
  }

  boolean hasQueryParam(String name) {
    return queryParam(name) != null;
  }

  /** The decoded query parameters by name (first value wins). */
  Map<String, String> queryMap() {
    Map<String, String> map = new LinkedHashMap<>();
    for (String[] pair : query) {
      map.putIfAbsent(pair[0], pair[1]);
    }
    return map;
  }

  private static List<String[]> parseQuery(String rawQuery) {
    List<String[]> pairs = new ArrayList<>();
    if (rawQuery.isEmpty()) {
      return Collections.unmodifiableList(pairs);
    }
    for (String part : rawQuery.split("&")) {
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      String name = eq < 0 ? part : part.substring(0, eq);
      String value = eq < 0 ? "" : part.substring(eq + 1);
      pairs.add(new String[] {UrlCodec.decodeQuery(name), UrlCodec.decodeQuery(value)});
    }
    return Collections.unmodifiableList(pairs);
  }
}
