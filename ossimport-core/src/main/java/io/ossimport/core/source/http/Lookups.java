package io.ossimport.core.source.http;

import io.ossimport.core.source.ObjectStat;
import java.io.IOException;
import java.net.URI;
import java.util.Date;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpHead;
import org.apache.http.client.utils.DateUtils;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.util.EntityUtils;

/**
 * {@link HttpSource#stat}: a HEAD gives the size (Content-Length), the modification time
 * (Last-Modified) and the content type. A server that refuses HEAD (405, 501, or 400/403 as some
 * signed URLs do) is asked with a GET of the first byte instead, whose Content-Range (or, if it
 * ignores ranges, Content-Length) gives the size; the body is not read.
 *
 * <p>A server that sends no Last-Modified gets modification time 0 every time, so the worker's
 * check that the object did not change while it was read compares sizes only and still passes.
 */
final class Lookups {
  private final CloseableHttpClient client;

  Lookups(CloseableHttpClient client) {
    this.client = client;
  }

  ObjectStat stat(URI uri) throws IOException {
    HttpHead head = new HttpHead(uri);
    try (CloseableHttpResponse response = Exchanges.execute(client, head)) {
      int status = response.getStatusLine().getStatusCode();
      if (Exchanges.isGone(status)) {
        return ObjectStat.missing();
      }
      if (status / 100 == 2) {
        long size = contentLength(response);
        if (size >= 0) {
          return stat(size, response);
        }
      } else if (!refusesHead(status)) {
        throw Exchanges.failure(head, response);
      }
    }
    return statByGet(uri);
  }

  private ObjectStat statByGet(URI uri) throws IOException {
    HttpGet get = new HttpGet(uri);
    get.setHeader("Range", "bytes=0-0");
    CloseableHttpResponse response = Exchanges.execute(client, get);
    int status = response.getStatusLine().getStatusCode();
    try {
      if (Exchanges.isGone(status)) {
        return ObjectStat.missing();
      }
      long size;
      if (status == 206 || status == 416) {
        size = ContentRange.total(response);
      } else if (status == 200) {
        size = contentLength(response);
      } else {
        throw Exchanges.failure(get, response);
      }
      if (size < 0) {
        throw new IOException(
            Exchanges.describe(get)
                + " answered "
                + Exchanges.statusText(response)
                + " without the object's size (no Content-Length or Content-Range)");
      }
      return stat(size, response);
    } finally {
      if (status == 206 || status == 416) {
        EntityUtils.consumeQuietly(response.getEntity()); // a byte at most: keeps the connection
      }
      Exchanges.closeQuietly(response); // a whole object (200) is not read: the connection goes
    }
  }

  private static ObjectStat stat(long size, HttpResponse response) {
    Header type = response.getFirstHeader("Content-Type");
    return ObjectStat.of(size, lastModified(response))
        .withContentType(type == null ? null : type.getValue());
  }

  private static long contentLength(HttpResponse response) {
    Header h = response.getFirstHeader("Content-Length");
    if (h == null) {
      return -1;
    }
    try {
      return Long.parseLong(h.getValue().trim());
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static long lastModified(HttpResponse response) {
    Header h = response.getFirstHeader("Last-Modified");
    Date date = h == null ? null : DateUtils.parseDate(h.getValue());
    return date == null ? 0 : date.getTime();
  }

  private static boolean refusesHead(int status) {
    return status == 405 || status == 501 || status == 400 || status == 403;
  }
}
