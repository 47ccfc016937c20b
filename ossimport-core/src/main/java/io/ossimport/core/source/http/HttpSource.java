package io.ossimport.core.source.http;

import io.ossimport.core.source.BadSourceEntryException;
import io.ossimport.core.source.HttpClientNetwork;
import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * A list of URLs ({@code srcType=http}) as a {@link Source}.
 *
 * <h2>The list</h2>
 *
 * A UTF-8 text file, one object per row; columns are separated by runs of spaces and tabs, so a
 * path cannot contain either. Lines end with LF, CRLF or CR; blank lines are ignored. The URL is
 * {@code httpPrefixColumn + relativePathColumn} and the destination key {@code destPrefix +
 * relativePathColumn}: {@code http://h/aa/ bb.jpg} gives {@code destPrefix + bb.jpg}, {@code
 * http://h/ aa/bb.jpg} gives {@code destPrefix + aa/bb.jpg}. Further columns are ignored. Objects
 * are grouped by prefix ({@link io.ossimport.core.source.SourceObject#group()}): a task never mixes
 * prefixes, so its requests reuse connections to one host; a list sorted by prefix gives fewer,
 * fuller tasks.
 *
 * <p>A row with too few columns, a URL that is not http(s) or cannot be parsed, or a key OSS would
 * refuse is still listed, so that it ends as a failure ({@code BAD_LIST_ROW}, or {@code
 * INVALID_KEY}) naming its line in {@code error.list}; see {@code BadRows}.
 *
 * <p>Listing sends no request, so sizes and times are unknown ({@code -1}) in the tasks and {@code
 * taskObjectSizeLimit} has no effect. The checkpoint is a byte offset and a line number in the list
 * file; the file must not change while a job uses it.
 *
 * <h2>Reading</h2>
 *
 * {@link #stat} is a HEAD ({@code Lookups}); {@link #open} a GET with a {@code Range} header, read
 * correctly whether the server honours it (206) or sends the whole object (200). Connections are
 * pooled per host and kept alive; there are no automatic retries, content decompression, cookies or
 * proxies: the worker decides what to retry.
 */
public final class HttpSource implements Source {
  private static final Set<SourceFeature> FEATURES =
      Collections.unmodifiableSet(
          EnumSet.of(SourceFeature.RANGED_READ, SourceFeature.RESUMABLE_LISTING));
  private static final String USER_AGENT = "ossimport";

  private final HttpSourceSettings settings;
  private final CloseableHttpClient client;
  private final Lookups lookups;

  public HttpSource(HttpSourceSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    PoolingHttpClientConnectionManager pool = HttpClientNetwork.pool(settings.network());
    pool.setDefaultMaxPerRoute(settings.connectionsPerHost());
    pool.setMaxTotal(settings.connectionsPerHost() * 4);
    pool.setValidateAfterInactivity(1000);
    RequestConfig timeouts =
        RequestConfig.custom()
            .setConnectTimeout(settings.connectTimeoutMillis())
            .setSocketTimeout(settings.readTimeoutMillis())
            .setConnectionRequestTimeout(settings.readTimeoutMillis())
            .build();
    this.client =
        HttpClientNetwork.route(HttpClients.custom(), settings.network())
            .setConnectionManager(pool)
            .setDefaultRequestConfig(timeouts)
            .disableAutomaticRetries()
            .disableContentCompression()
            .disableCookieManagement()
            .disableAuthCaching()
            .evictIdleConnections(30, TimeUnit.SECONDS)
            .setUserAgent(USER_AGENT)
            .build();
    this.lookups = new Lookups(client);
  }

  public HttpSourceSettings settings() {
    return settings;
  }

  @Override
  public Set<SourceFeature> features() {
    return FEATURES;
  }

  @Override
  public Listing list(String checkpoint, ListingListener listener) throws IOException {
    Objects.requireNonNull(listener, "listener");
    long[] start =
        checkpoint == null || checkpoint.isEmpty()
            ? new long[] {0, 0}
            : HttpListing.parse(checkpoint);
    FileChannel file;
    try {
      file = FileChannel.open(settings.listFile(), StandardOpenOption.READ);
    } catch (NoSuchFileException e) {
      throw new NoSuchFileException(
          settings.listFile().toString(),
          null,
          "the URL list (httpListFilePath) does not exist; set httpListFilePath to the list file");
    }
    try {
      if (start[0] > file.size()) {
        throw new IllegalArgumentException(
            "the checkpoint is at byte "
                + start[0]
                + " of "
                + settings.listFile()
                + ", which has only "
                + file.size()
                + ": the list file changed while the job used it");
      }
      file.position(start[0]);
    } catch (IOException | RuntimeException e) {
      file.close();
      throw e;
    }
    ListFileReader reader = new ListFileReader(Channels.newInputStream(file), start[0], start[1]);
    return new HttpListing(
        reader, new ListRows(settings), settings.listFile().toString(), start[0], start[1]);
  }

  @Override
  public InputStream open(String reference) throws IOException {
    return open(reference, 0, Long.MAX_VALUE);
  }

  @Override
  public InputStream open(String reference, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("bad range: offset " + offset + ", length " + length);
    }
    URI uri = uri(reference);
    if (length == 0) {
      return new ByteArrayInputStream(new byte[0]);
    }
    HttpGet get = new HttpGet(uri);
    boolean ranged = offset > 0 || length != Long.MAX_VALUE;
    if (ranged) {
      long last = length == Long.MAX_VALUE ? -1 : offset + length - 1;
      get.setHeader("Range", "bytes=" + offset + "-" + (last < 0 ? "" : Long.toString(last)));
    }
    CloseableHttpResponse response = Exchanges.execute(client, get);
    int status = response.getStatusLine().getStatusCode();
    if (status == 416) {
      Exchanges.closeQuietly(response);
      return new ByteArrayInputStream(new byte[0]); // the object ends before offset
    }
    if (status != 200 && status != 206) {
      throw Exchanges.failure(get, response);
    }
    HttpEntity entity = response.getEntity();
    if (entity == null) {
      Exchanges.closeQuietly(response);
      return new ByteArrayInputStream(new byte[0]);
    }
    long skip = status == 200 ? offset : 0;
    if (status == 206) {
      long start = ContentRange.start(response);
      if (start != offset) {
        Exchanges.closeQuietly(response);
        throw new IOException(
            Exchanges.describe(get)
                + " answered a range starting at byte "
                + start
                + " for bytes from "
                + offset);
      }
    }
    return new BodyStream(
        response, entity.getContent(), uri.toString(), skip, length, entity.getContentLength());
  }

  @Override
  public ObjectStat stat(String reference) throws IOException {
    return lookups.stat(uri(reference));
  }

  private URI uri(String reference) throws IOException {
    if (BadRows.isBad(reference)) {
      throw new BadSourceEntryException(settings.listFile() + ", " + reference);
    }
    try {
      return HttpUrls.toUri(reference);
    } catch (URISyntaxException e) {
      throw new BadSourceEntryException(
          settings.listFile() + ": the URL " + reference + " cannot be parsed: " + e.getReason());
    }
  }

  @Override
  public void close() throws IOException {
    client.close();
  }
}
