package io.ossimport.core.config;

import io.ossimport.core.filter.ValueItems;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a job sets on every object it writes besides the bytes: storage class, object ACL, tags,
 * extra headers, server-side encryption, and whether the source's own attributes are kept ({@code
 * storageClass}, {@code objectAcl}, {@code objectTagging}, {@code objectHeaders}, {@code
 * serverSideEncryption}, {@code serverSideEncryptionKeyId}, {@code keepSourceAttributes}). Empty
 * means "no header": the bucket's default. Immutable.
 *
 * <p>The syntax rules live here, next to the parsing, so that the check at submit and the worker
 * read a value the same way: tags as {@code key=value&key=value} (OSS's limits: at most 10, keys 1
 * to 128 and values up to 256 characters of letters, digits, space and {@code + - = . _ : /});
 * headers as {@code Name: value} items separated by {@code #} (as ossutil's {@code --meta}; {@code
 * \#} is a literal {@code #}) or on further lines, from a fixed set of names.
 */
public final class WriteAttributes {
  /** The OSS storage classes, as {@code x-oss-storage-class} writes them. */
  public static final List<String> STORAGE_CLASSES =
      Collections.unmodifiableList(
          java.util.Arrays.asList("Standard", "IA", "Archive", "ColdArchive", "DeepColdArchive"));

  /** The headers {@code objectHeaders} may set, in their canonical spelling. */
  public static final List<String> HEADERS =
      Collections.unmodifiableList(
          java.util.Arrays.asList(
              "Cache-Control",
              "Content-Disposition",
              "Content-Encoding",
              "Content-Language",
              "Content-Type",
              "Expires"));

  /** The prefix of user metadata headers (also allowed in {@code objectHeaders}). */
  public static final String USER_METADATA_PREFIX = "x-oss-meta-";

  static final int MAX_TAGS = 10;
  static final int MAX_TAG_KEY = 128;
  static final int MAX_TAG_VALUE = 256;
  private static final Pattern TAG_CHARS = Pattern.compile("[A-Za-z0-9 +\\-=._:/]*");
  private static final Pattern META_NAME = Pattern.compile("[A-Za-z0-9-]+");

  private final String storageClass;
  private final String objectAcl;
  private final Map<String, String> tags;
  private final Map<String, String> headers;
  private final String serverSideEncryption;
  private final String kmsKeyId;
  private final boolean keepSource;

  WriteAttributes(
      String storageClass,
      String objectAcl,
      Map<String, String> tags,
      Map<String, String> headers,
      String serverSideEncryption,
      String kmsKeyId,
      boolean keepSource) {
    this.storageClass = storageClass;
    this.objectAcl = objectAcl;
    this.tags = Collections.unmodifiableMap(new LinkedHashMap<String, String>(tags));
    this.headers = Collections.unmodifiableMap(new LinkedHashMap<String, String>(headers));
    this.serverSideEncryption = serverSideEncryption;
    this.kmsKeyId = kmsKeyId;
    this.keepSource = keepSource;
  }

  /**
   * {@code x-oss-storage-class}, or {@code null}: the bucket's class (or the source's, if kept).
   */
  public String storageClass() {
    return storageClass;
  }

  /** {@code x-oss-object-acl}, or {@code null}: none set, the object follows the bucket's ACL. */
  public String objectAcl() {
    return objectAcl;
  }

  /** The object tags, in the order written; empty: none. */
  public Map<String, String> tags() {
    return tags;
  }

  /**
   * Extra headers by canonical name ({@code Cache-Control}, ..., {@code x-oss-meta-<name>} with the
   * name lower-cased); they win over the source's.
   */
  public Map<String, String> headers() {
    return headers;
  }

  /**
   * {@code AES256}, {@code KMS}, {@code SM4}, or {@code null}: no server-side encryption header.
   */
  public String serverSideEncryption() {
    return serverSideEncryption;
  }

  /** The KMS key id for {@code KMS}, or {@code null}: OSS's default KMS key. */
  public String kmsKeyId() {
    return kmsKeyId;
  }

  /** Whether the source's content headers and storage class are copied where the job sets none. */
  public boolean keepSourceAttributes() {
    return keepSource;
  }

  /**
   * The {@code x-oss-tagging} header value: each key and value percent-encoded (OSS: "URL-encode
   * both the tag key and the tag value"), {@code null} when there are no tags.
   */
  public String taggingHeader() {
    if (tags.isEmpty()) {
      return null;
    }
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> t : tags.entrySet()) {
      if (sb.length() > 0) {
        sb.append('&');
      }
      sb.append(percentEncode(t.getKey())).append('=').append(percentEncode(t.getValue()));
    }
    return sb.toString();
  }

  private static String percentEncode(String s) {
    StringBuilder sb = new StringBuilder();
    for (char c : s.toCharArray()) {
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || c == '-'
          || c == '.'
          || c == '_') {
        sb.append(c);
      } else {
        sb.append('%').append(String.format("%02X", (int) c)); // TAG_CHARS are all ASCII
      }
    }
    return sb.toString();
  }

  // ---- syntax ----

  /** Thrown by the parsers with a message that names what is wrong and a fix. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;
    final String fix;

    Malformed(String message, String fix) {
      super(message);
      this.fix = fix;
    }
  }

  /** Parses {@code objectTagging}: {@code key=value&key=value}; empty text, no tags. */
  static Map<String, String> parseTags(String text) throws Malformed {
    Map<String, String> tags = new LinkedHashMap<String, String>();
    String t = text.trim();
    if (t.isEmpty()) {
      return tags;
    }
    String example = "e.g. objectTagging=project=photos&team=media";
    for (String pair : t.split("&", -1)) {
      int eq = pair.indexOf('=');
      String key = (eq < 0 ? pair : pair.substring(0, eq)).trim();
      String value = eq < 0 ? "" : pair.substring(eq + 1).trim();
      if (key.isEmpty()) {
        throw new Malformed(
            "has an empty tag ('" + pair + "'): every tag needs a key",
            "write key=value pairs joined by '&', " + example);
      }
      if (key.length() > MAX_TAG_KEY) {
        throw new Malformed(
            "has a tag key of "
                + key.length()
                + " characters ('"
                + abbreviate(key)
                + "'); OSS allows at most "
                + MAX_TAG_KEY,
            "shorten the key to " + MAX_TAG_KEY + " characters or fewer");
      }
      if (value.length() > MAX_TAG_VALUE) {
        throw new Malformed(
            "has a value of "
                + value.length()
                + " characters for tag '"
                + key
                + "'; OSS allows at most "
                + MAX_TAG_VALUE,
            "shorten the value to " + MAX_TAG_VALUE + " characters or fewer");
      }
      if (!TAG_CHARS.matcher(key).matches() || !TAG_CHARS.matcher(value).matches()) {
        throw new Malformed(
            "tag '" + key + "' has a character OSS does not allow in tags",
            "use only letters, digits, space and + - = . _ : / in tag keys and values");
      }
      if (tags.put(key, value) != null) {
        throw new Malformed("has the tag key '" + key + "' twice", "give each tag key once");
      }
    }
    if (tags.size() > MAX_TAGS) {
      throw new Malformed(
          "has " + tags.size() + " tags; OSS allows at most " + MAX_TAGS + " per object",
          "keep at most " + MAX_TAGS + " tags");
    }
    return tags;
  }

  /** Parses {@code objectHeaders}: {@code Name: value} items; canonical names, in order. */
  static Map<String, String> parseHeaders(String text) throws Malformed {
    Map<String, String> headers = new LinkedHashMap<String, String>();
    for (String item : items(text)) {
      int colon = item.indexOf(':');
      if (colon <= 0) {
        throw new Malformed(
            "has '" + item + "', which is not 'Name: value'",
            "write e.g. objectHeaders=Cache-Control: max-age=3600#Content-Disposition: attachment");
      }
      String name = canonicalName(item.substring(0, colon).trim());
      String value = item.substring(colon + 1).trim();
      if (value.isEmpty()) {
        throw new Malformed("has no value for " + name, "give a value or remove the header");
      }
      for (char c : value.toCharArray()) {
        if (c < 0x20 || c > 0x7e) {
          throw new Malformed(
              "has a character in the value of " + name + " that an HTTP header cannot carry",
              "use printable ASCII characters only (percent-encode the others)");
        }
      }
      if (name.equals("Expires")) {
        try {
          DateTimeFormatter.RFC_1123_DATE_TIME.parse(value);
        } catch (DateTimeParseException e) {
          throw new Malformed(
              "has Expires '" + value + "', which is not an HTTP date",
              "write e.g. Expires: Thu, 01 Dec 2033 16:00:00 GMT");
        }
      }
      if (headers.put(name, value) != null) {
        throw new Malformed("sets " + name + " twice", "keep one " + name);
      }
    }
    return headers;
  }

  /** The canonical spelling of an allowed header name; Malformed for any other. */
  private static String canonicalName(String name) throws Malformed {
    for (String allowed : HEADERS) {
      if (allowed.equalsIgnoreCase(name)) {
        return allowed;
      }
    }
    if (name.regionMatches(true, 0, USER_METADATA_PREFIX, 0, USER_METADATA_PREFIX.length())) {
      String meta = name.substring(USER_METADATA_PREFIX.length());
      if (META_NAME.matcher(meta).matches()) {
        return USER_METADATA_PREFIX + meta.toLowerCase(Locale.ROOT);
      }
    }
    throw new Malformed(
        "has the header '" + name + "', which is not one a job may set",
        "use "
            + String.join(", ", HEADERS)
            + " or "
            + USER_METADATA_PREFIX
            + "<name> (letters, digits and '-')");
  }

  /** Splits at unescaped {@code #} and line breaks; {@code \#} is a literal {@code #}. */
  static List<String> items(String text) {
    return ValueItems.split(text, '#', false);
  }

  private static String abbreviate(String s) {
    return s.length() <= 20 ? s : s.substring(0, 20) + "...";
  }
}
