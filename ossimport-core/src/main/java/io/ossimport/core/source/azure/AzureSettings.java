package io.ossimport.core.source.azure;

import io.ossimport.core.source.SourceNetwork;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * What an {@link AzureSource} reads: the account and its key, the Blob service endpoint, the
 * container, the blob-name prefix, {@code importSince} (kept with the settings; the worker skips
 * older blobs) and {@code destPrefix} for key checks.
 *
 * <p>The endpoint comes from {@code srcDomain} by {@link #endpoint(String, String)}. The account
 * key is kept decoded and never shown by {@link #toString()}.
 */
public final class AzureSettings {
  /** The most blobs Azure returns per List Blobs page. */
  static final int MAX_PAGE_SIZE = 5000;

  private final String account;
  private final byte[] accountKey;
  private final URI endpoint;
  private final String container;
  private final String prefix;
  private final String keyPrefix;
  private final long importSinceSeconds;
  private final int pageSize;
  private final SourceNetwork network;

  private AzureSettings(Builder b) {
    this.account = b.account;
    this.accountKey = b.accountKey;
    this.endpoint = b.endpoint;
    this.container = b.container;
    this.prefix = b.prefix;
    this.keyPrefix = b.keyPrefix;
    this.importSinceSeconds = b.importSinceSeconds;
    this.pageSize = b.pageSize;
    this.network = b.network;
  }

  /**
   * The Blob service endpoint of {@code account} for {@code srcDomain}.
   *
   * <ul>
   *   <li>An endpoint suffix ({@code core.windows.net}, {@code core.chinacloudapi.cn}) gives {@code
   *       https://<account>.blob.<suffix>}; a suffix that already starts with {@code blob.} is not
   *       doubled.
   *   <li>A full {@code http://} or {@code https://} URL is the account's endpoint as it is, e.g.
   *       {@code http://127.0.0.1:10000/devstoreaccount1} for the Azurite emulator, or a custom
   *       domain; a trailing {@code /} is dropped.
   * </ul>
   *
   * @throws IllegalArgumentException if the result is not a valid URL
   */
  public static URI endpoint(String account, String srcDomain) {
    String domain = srcDomain == null ? "" : srcDomain.trim();
    String lower = domain.toLowerCase(Locale.ROOT);
    String url;
    if (lower.startsWith("http://") || lower.startsWith("https://")) {
      url = domain.replaceAll("/+$", "");
    } else {
      String suffix = domain.replaceAll("^\\.+", "").replaceAll("/+$", "");
      if (suffix.isEmpty()) {
        throw new IllegalArgumentException(
            "srcDomain is empty; set it to the endpoint suffix, e.g. core.windows.net");
      }
      url =
          "https://"
              + account
              + (suffix.toLowerCase(Locale.ROOT).startsWith("blob.") ? "." : ".blob.")
              + suffix;
    }
    try {
      URI uri = new URI(url);
      if (uri.getHost() == null) {
        throw new URISyntaxException(url, "no host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "srcDomain=" + srcDomain + " does not give a valid Azure endpoint (" + url + ")", e);
    }
  }

  public static Builder builder(String account, String accountKeyBase64, String srcDomain) {
    return new Builder(account, accountKeyBase64, srcDomain);
  }

  /** The storage account name. */
  public String account() {
    return account;
  }

  byte[] accountKey() {
    return accountKey;
  }

  /** The Blob service endpoint, without a trailing {@code /}. */
  public URI endpoint() {
    return endpoint;
  }

  public String container() {
    return container;
  }

  /** The blob-name prefix listed; references are blob names with it removed. */
  public String prefix() {
    return prefix;
  }

  /** {@code destPrefix}, prepended to a reference to check the destination key. */
  public String keyPrefix() {
    return keyPrefix;
  }

  int pageSize() {
    return pageSize;
  }

  /** How requests reach the Blob service: route, proxy login, timeouts, trusted certificates. */
  public SourceNetwork network() {
    return network;
  }

  /** Account and container, for messages. */
  String where() {
    return "container '" + container + "' of Azure storage account '" + account + "'";
  }

  @Override
  public String toString() {
    return "AzureSettings{" + endpoint + "/" + container + "/" + prefix + ", key=****}";
  }

  /** Collects the settings; {@link #build()} checks them. */
  public static final class Builder {
    private final String account;
    private final byte[] accountKey;
    private final URI endpoint;
    private String container = "";
    private String prefix = "";
    private String keyPrefix = "";
    private long importSinceSeconds;
    private int pageSize = MAX_PAGE_SIZE;
    private SourceNetwork network = SourceNetwork.direct();

    private Builder(String account, String accountKeyBase64, String srcDomain) {
      this.account = Objects.requireNonNull(account, "account").trim();
      if (this.account.isEmpty()) {
        throw new IllegalArgumentException(
            "srcAccessKey is empty; set it to the Azure storage account name");
      }
      this.accountKey = decodeKey(accountKeyBase64);
      this.endpoint = endpoint(this.account, srcDomain);
    }

    private static byte[] decodeKey(String base64) {
      String key = base64 == null ? "" : base64.trim();
      if (key.isEmpty()) {
        throw new IllegalArgumentException(
            "srcSecretKey is empty; set it to the Azure storage account key");
      }
      try {
        return Base64.getDecoder().decode(key);
      } catch (IllegalArgumentException e) {
        // The message names no part of the key: only what is wrong and where to find a good one.
        throw new IllegalArgumentException(
            "srcSecretKey is not an Azure storage account key (not Base64); copy key1 or key2"
                + " from the storage account's Access keys page");
      }
    }

    /** The container ({@code srcBucket}). */
    public Builder container(String name) {
      this.container = name == null ? "" : name.trim();
      return this;
    }

    /** The blob-name prefix ({@code srcPrefix}); empty lists the whole container. */
    public Builder prefix(String blobNamePrefix) {
      this.prefix = blobNamePrefix == null ? "" : blobNamePrefix;
      return this;
    }

    /** {@code destPrefix}, for the destination-key check. */
    public Builder keyPrefix(String destPrefix) {
      this.keyPrefix = destPrefix == null ? "" : destPrefix;
      return this;
    }

    public Builder importSinceSeconds(long seconds) {
      this.importSinceSeconds = seconds;
      return this;
    }

    /** Blobs per List Blobs request, 1 to 5000 (small values exercise paging in tests). */
    public Builder pageSize(int blobs) {
      if (blobs < 1 || blobs > MAX_PAGE_SIZE) {
        throw new IllegalArgumentException("page size must be 1 to 5000: " + blobs);
      }
      this.pageSize = blobs;
      return this;
    }

    /** The job's network (default: direct, the default timeouts, the JVM's trust store). */
    public Builder network(SourceNetwork network) {
      this.network = Objects.requireNonNull(network, "network");
      return this;
    }

    public AzureSettings build() {
      if (container.isEmpty() || container.contains("/")) {
        throw new IllegalArgumentException(
            "srcBucket='"
                + container
                + "' is not an Azure container name; set srcBucket to the container to migrate");
      }
      return new AzureSettings(this);
    }
  }
}
