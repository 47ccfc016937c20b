package io.ossimport.core.source.azure;

import io.ossimport.core.source.HttpClientNetwork;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.SourceNetwork;
import java.io.ByteArrayInputStream;
import java.io.Closeable;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpHead;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.apache.http.util.EntityUtils;

/**
 * The three Blob service requests a source needs, signed with the account key: List Blobs (one
 * page), Get Blob Properties and Get Blob (whole or a range). Failures become {@link IOException}s
 * whose messages name the account, container and blob and never the key; see {@link AzureErrors}.
 * Thread-safe: one pooled HTTP client serves the master and every worker thread.
 */
final class BlobService implements Closeable {
  /** The service version sent; old enough for every Azure cloud, new enough for Azurite. */
  static final String API_VERSION = "2020-10-02";

  private static final int ATTEMPTS = 3;
  private static final String META = "x-ms-meta-";

  private final AzureSettings settings;
  private final SharedKeySigner signer;
  private final CloseableHttpClient http;
  private final String containerUrl;

  BlobService(AzureSettings settings) {
    this.settings = settings;
    this.signer = new SharedKeySigner(settings.account(), settings.accountKey());
    this.containerUrl = settings.endpoint() + "/" + UriEncoding.path(settings.container());
    SourceNetwork network = settings.network();
    RequestConfig config =
        RequestConfig.custom()
            .setConnectTimeout(network.connectTimeoutMillis())
            .setSocketTimeout(network.readTimeoutMillis())
            .setConnectionRequestTimeout(network.readTimeoutMillis())
            // The signed path must be the path sent: no merging of '//' or '.' segments.
            .setNormalizeUri(false)
            .build();
    PoolingHttpClientConnectionManager pool = HttpClientNetwork.pool(network);
    pool.setMaxTotal(256);
    pool.setDefaultMaxPerRoute(256);
    this.http =
        HttpClientNetwork.route(HttpClients.custom(), network)
            .setConnectionManager(pool)
            .setDefaultRequestConfig(config)
            .setUserAgent("ossimport")
            .disableContentCompression()
            .build();
  }

  /** One page of the blobs under the prefix, starting at {@code marker} (empty: the first). */
  BlobPage list(String marker) throws IOException {
    StringBuilder url =
        new StringBuilder(containerUrl)
            .append("?comp=list&maxresults=")
            .append(settings.pageSize())
            .append("&restype=container");
    if (!settings.prefix().isEmpty()) {
      url.append("&prefix=").append(UriEncoding.component(settings.prefix()));
    }
    if (!marker.isEmpty()) {
      url.append("&marker=").append(UriEncoding.component(marker));
    }
    try (CloseableHttpResponse response = execute(new HttpGet(url.toString()), "list", null)) {
      return BlobListParser.parse(response.getEntity().getContent());
    }
  }

  private static Map<String, String> contentHeaders(CloseableHttpResponse response) {
    Map<String, String> h = new LinkedHashMap<>();
    for (String name :
        new String[] {
          "Cache-Control", "Content-Disposition", "Content-Encoding", "Content-Language"
        }) {
      h.put(name, header(response, name, null));
    }
    return h;
  }

  /**
   * The OSS class nearest an access tier ({@code keepSourceAttributes}): Hot → Standard, Cool and
   * Cold → IA, Archive → Archive; {@code null} for none or another tier.
   */
  static String ossStorageClass(String tier) {
    if (tier == null) {
      return null;
    }
    switch (tier) {
      case "Hot":
        return "Standard";
      case "Cool":
      case "Cold":
        return "IA";
      case "Archive":
        return "Archive";
      default:
        return null;
    }
  }

  /** Get Blob Properties; a blob (or container) that is not there is {@link ObjectStat#missing}. */
  ObjectStat properties(String blobName) throws IOException {
    HttpHead head = new HttpHead(blobUrl(blobName));
    try (CloseableHttpResponse response = execute(head, "stat", blobName)) {
      if (response.getStatusLine().getStatusCode() == 404) {
        return ObjectStat.missing();
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      for (Header h : response.getAllHeaders()) {
        String name = h.getName().toLowerCase(Locale.ROOT);
        if (name.startsWith(META)) {
          metadata.put(name.substring(META.length()), h.getValue());
        }
      }
      return ObjectStat.of(
              Long.parseLong(header(response, "Content-Length", "0")),
              HttpDates.parse(header(response, "Last-Modified", "")))
          .withContentType(header(response, "Content-Type", null))
          .withUserMetadata(metadata)
          .withMd5Hex(md5Hex(header(response, "Content-MD5", null)))
          .withHeaders(contentHeaders(response))
          .withStorageClass(ossStorageClass(header(response, "x-ms-access-tier", null)));
    } catch (IllegalArgumentException e) {
      throw new IOException(
          "Azure sent unreadable properties for blob '" + blobName + "' in " + settings.where(), e);
    }
  }

  /**
   * Get Blob from {@code offset}, {@code length} bytes or (if negative) to the end. A range that
   * starts at or after the end is an empty stream.
   *
   * @throws NoSuchFileException if the blob is not there
   */
  InputStream get(String blobName, long offset, long length) throws IOException {
    if (length == 0) {
      return new ByteArrayInputStream(new byte[0]);
    }
    HttpGet get = new HttpGet(blobUrl(blobName));
    if (offset > 0 || length > 0) {
      get.setHeader(
          "x-ms-range", "bytes=" + offset + "-" + (length > 0 ? offset + length - 1 : ""));
    }
    CloseableHttpResponse response = execute(get, "read", blobName);
    int status = response.getStatusLine().getStatusCode();
    if (status == 416 || status == 404) {
      response.close();
      if (status == 404) {
        throw new NoSuchFileException(
            blobName, null, "blob '" + blobName + "' is not in " + settings.where());
      }
      return new ByteArrayInputStream(new byte[0]);
    }
    return new ResponseStream(response);
  }

  private String blobUrl(String blobName) {
    return containerUrl + "/" + UriEncoding.path(blobName);
  }

  /**
   * Sends a signed request, again after a 500 or 503. Returns a 2xx response, or a 404 or 416 when
   * {@code blobName} is set (the caller decides what those mean); throws on anything else.
   */
  private CloseableHttpResponse execute(HttpRequestBase request, String what, String blobName)
      throws IOException {
    URI uri = request.getURI();
    for (int attempt = 1; ; attempt++) {
      request.setHeader("x-ms-date", HttpDates.now());
      request.setHeader("x-ms-version", API_VERSION);
      signer.sign(request, uri);
      CloseableHttpResponse response;
      try {
        response = http.execute(request);
      } catch (InterruptedIOException e) {
        throw e;
      } catch (IOException e) {
        throw AzureErrors.unreachable(settings, what, e);
      }
      int status = response.getStatusLine().getStatusCode();
      if (status / 100 == 2 || (blobName != null && (status == 404 || status == 416))) {
        return response;
      }
      String body;
      try {
        body = readBody(response.getEntity());
      } finally {
        response.close();
      }
      if ((status == 500 || status == 503) && attempt < ATTEMPTS) {
        pause(attempt);
        continue;
      }
      throw AzureErrors.failed(settings, what, blobName, status, errorCode(response), body);
    }
  }

  private static String errorCode(CloseableHttpResponse response) {
    Header h = response.getFirstHeader("x-ms-error-code");
    return h == null ? "" : h.getValue();
  }

  private static String readBody(HttpEntity entity) throws IOException {
    if (entity == null) {
      return "";
    }
    String body = EntityUtils.toString(entity, StandardCharsets.UTF_8);
    return body.length() > 4096 ? body.substring(0, 4096) : body;
  }

  private static void pause(int attempt) throws InterruptedIOException {
    try {
      Thread.sleep(200L << (2 * (attempt - 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting to retry an Azure request");
    }
  }

  private static String header(CloseableHttpResponse response, String name, String fallback) {
    Header h = response.getFirstHeader(name);
    return h == null ? fallback : h.getValue();
  }

  /** Azure's Content-MD5 is Base64; {@code null} if absent or not a 16-byte digest. */
  static String md5Hex(String base64) {
    if (base64 == null || base64.trim().isEmpty()) {
      return null;
    }
    byte[] digest;
    try {
      digest = Base64.getDecoder().decode(base64.trim());
    } catch (IllegalArgumentException e) {
      return null;
    }
    if (digest.length != 16) {
      return null;
    }
    return String.format("%032x", new BigInteger(1, digest));
  }

  @Override
  public void close() throws IOException {
    http.close();
  }

  /**
   * The body of a Get Blob response. Closing it before the end drops the connection instead of
   * draining the rest of a large blob; at the end the connection goes back to the pool.
   */
  private static final class ResponseStream extends FilterInputStream {
    private final CloseableHttpResponse response;
    private final long contentLength;
    private long read;

    ResponseStream(CloseableHttpResponse response) throws IOException {
      super(response.getEntity().getContent());
      this.response = response;
      this.contentLength = response.getEntity().getContentLength();
    }

    @Override
    public int read() throws IOException {
      int b = super.read();
      if (b >= 0) {
        read++;
      }
      return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n = super.read(b, off, len);
      if (n > 0) {
        read += n;
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      long skipped = super.skip(n);
      read += skipped;
      return skipped;
    }

    @Override
    public void close() throws IOException {
      try {
        if (contentLength >= 0 && read >= contentLength) {
          super.close(); // nothing left to drain: the connection is reused
        }
      } finally {
        response.close(); // otherwise drops the connection
      }
    }
  }
}
