package io.ossimport.core.source.azure;

import java.io.IOException;
import java.net.URI;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Collections;
import java.util.Map;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpEntityEnclosingRequestBase;
import org.apache.http.client.methods.HttpPut;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

/** Creates containers and block blobs in an {@link Azurite}, as test fixtures. */
final class BlobWriter implements AutoCloseable {
  private final Azurite azurite;
  private final SharedKeySigner signer;
  private final CloseableHttpClient http = HttpClients.createDefault();

  BlobWriter(Azurite azurite) {
    this.azurite = azurite;
    this.signer = new SharedKeySigner(Azurite.ACCOUNT, Base64.getDecoder().decode(Azurite.KEY));
  }

  void createContainer(String container) throws IOException {
    send(new HttpPut(azurite.endpoint() + "/" + container + "?restype=container"), new byte[0]);
  }

  void put(String container, String name, byte[] content) throws IOException {
    put(container, name, content, null, Collections.<String, String>emptyMap());
  }

  /** A block blob with a content type, user metadata and its Content-MD5 stored. */
  void put(
      String container,
      String name,
      byte[] content,
      String contentType,
      Map<String, String> metadata)
      throws IOException {
    put(container, name, content, contentType, metadata, Collections.<String, String>emptyMap());
  }

  /** As above, with further Put Blob headers (x-ms-blob-cache-control, x-ms-access-tier ...). */
  void put(
      String container,
      String name,
      byte[] content,
      String contentType,
      Map<String, String> metadata,
      Map<String, String> headers)
      throws IOException {
    HttpPut put = new HttpPut(azurite.endpoint() + "/" + container + "/" + UriEncoding.path(name));
    put.setHeader("x-ms-blob-type", "BlockBlob");
    put.setHeader("x-ms-blob-content-md5", Base64.getEncoder().encodeToString(md5(content)));
    if (contentType != null) {
      put.setHeader("x-ms-blob-content-type", contentType);
    }
    for (Map.Entry<String, String> e : metadata.entrySet()) {
      put.setHeader("x-ms-meta-" + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : headers.entrySet()) {
      put.setHeader(e.getKey(), e.getValue());
    }
    send(put, content);
  }

  private void send(HttpEntityEnclosingRequestBase request, byte[] body) throws IOException {
    request.setEntity(new ByteArrayEntity(body));
    request.setHeader("x-ms-date", HttpDates.now());
    request.setHeader("x-ms-version", BlobService.API_VERSION);
    URI uri = request.getURI();
    signer.sign(request, uri, body.length);
    try (CloseableHttpResponse response = http.execute(request)) {
      String text = EntityUtils.toString(response.getEntity());
      int status = response.getStatusLine().getStatusCode();
      if (status / 100 != 2) {
        throw new IOException(request.getRequestLine() + " -> " + status + " " + text);
      }
    }
  }

  static byte[] md5(byte[] content) {
    try {
      return MessageDigest.getInstance("MD5").digest(content);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() throws IOException {
    http.close();
  }
}
