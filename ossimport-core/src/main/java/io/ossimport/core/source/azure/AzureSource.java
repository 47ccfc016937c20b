package io.ossimport.core.source.azure;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * An Azure Blob Storage container ({@code srcType=azure}) as a {@link Source}.
 *
 * <p>{@code srcAccessKey} is the storage account name, {@code srcSecretKey} its key, {@code
 * srcDomain} the endpoint suffix or a full endpoint URL (see {@link AzureSettings#endpoint}),
 * {@code srcBucket} the container and {@code srcPrefix} a blob-name prefix. A blob's reference is
 * its name without that prefix, so it lands at {@code destPrefix + reference}.
 *
 * <p>Listing is flat (no delimiter): every blob whose name starts with the prefix, in Azure's name
 * order, including names with {@code /}. Its checkpoint is exact: the last consumed blob and the
 * marker of its page (see {@link AzureCheckpoint}); blobs added while the job is stopped are picked
 * up if they sort after it. Reads are Get Blob requests, by range for multipart parts; {@link
 * #stat} returns size, time, content type, user metadata and the MD5 Azure stores (Content-MD5),
 * when it has one.
 *
 * <p>Nothing is contacted until the source is listed or read. Errors name the account, container
 * and blob, and the setting to check; never the key.
 */
public final class AzureSource implements Source {
  private static final Set<SourceFeature> FEATURES =
      Collections.unmodifiableSet(
          EnumSet.of(SourceFeature.RANGED_READ, SourceFeature.RESUMABLE_LISTING));

  private final AzureSettings settings;
  private final BlobService service;

  public AzureSource(AzureSettings settings) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.service = new BlobService(settings);
  }

  @Override
  public Set<SourceFeature> features() {
    return FEATURES;
  }

  /**
   * {@inheritDoc}
   *
   * <p>The first page is fetched here, so a wrong key or a missing container fails at once.
   */
  @Override
  public Listing list(String checkpoint, ListingListener listener) throws IOException {
    AzureCheckpoint from =
        checkpoint == null || checkpoint.isEmpty()
            ? null
            : AzureCheckpoint.parse(checkpoint, settings.prefix());
    AzureListing listing = new AzureListing(service, settings, from);
    try {
      listing.peek();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("listing " + settings.where() + " was interrupted");
    }
    return listing;
  }

  @Override
  public InputStream open(String reference) throws IOException {
    return service.get(blobName(reference), 0, -1);
  }

  @Override
  public InputStream open(String reference, long offset, long length) throws IOException {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException("negative range: " + offset + "+" + length);
    }
    return service.get(blobName(reference), offset, length);
  }

  @Override
  public ObjectStat stat(String reference) throws IOException {
    return service.properties(blobName(reference));
  }

  private String blobName(String reference) {
    return settings.prefix() + reference;
  }

  @Override
  public void close() throws IOException {
    service.close();
  }

  @Override
  public String toString() {
    return "AzureSource{" + settings + "}";
  }
}
