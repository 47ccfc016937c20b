package io.ossimport.emulator.oss;

import io.ossimport.emulator.http.UrlCodec;
import io.ossimport.emulator.store.StoreException;
import java.nio.charset.StandardCharsets;

/** Object key rules, owner identity and small helpers shared by the OSS handlers. */
final class OssKeys {
  /** Owner shown in listings and ACLs (numeric like a real Alibaba Cloud account id). */
  static final String OWNER_ID = "1000000000000000";

  static final String OWNER_NAME = "1000000000000000";

  private OssKeys() {}

  /** InvalidObjectName for keys OSS refuses: empty, leading '/' or '\', over 1023 bytes. */
  static void validate(String key) throws OssError {
    int bytes = key.getBytes(StandardCharsets.UTF_8).length;
    if (key.isEmpty() || key.startsWith("/") || key.startsWith("\\") || bytes > 1023) {
      throw new OssError(400, "InvalidObjectName", "The specified object is not valid.")
          .with("ObjectName", key);
    }
  }

  /** The {@code encoding-type} parameter: null, or "url"; anything else is refused. */
  static boolean urlEncoding(String value) throws OssError {
    if (value == null) {
      return false;
    }
    if (!value.equals("url")) {
      throw OssError.invalidArgument("The encoding-type must be url.", "encoding-type", value);
    }
    return true;
  }

  /** URL-encodes a listed name when encoding-type=url (RFC 3986 unreserved characters kept). */
  static String maybeEncode(String s, boolean encode) {
    return s == null || !encode ? s : UrlCodec.encode(s, false);
  }

  static String quote(String etag) {
    return "\"" + etag + "\"";
  }

  /** Strips quotes (and the {@code &quot;} the SDK sends) from an ETag. */
  static String unquote(String etag) {
    return etag == null ? null : etag.replace("\"", "").trim();
  }

  static OssError toError(StoreException e, OssTarget t) {
    switch (e.reason()) {
      case NO_SUCH_BUCKET:
        return OssError.noSuchBucket(e.getMessage());
      case BUCKET_ALREADY_EXISTS:
        return new OssError(
                409, "BucketAlreadyExists", "The requested bucket name is not available.")
            .with("BucketName", e.getMessage());
      case BUCKET_NOT_EMPTY:
        return new OssError(409, "BucketNotEmpty", "The bucket you tried to delete is not empty.")
            .with("BucketName", e.getMessage());
      case NO_SUCH_KEY:
        return OssError.noSuchKey(t.key);
      case NO_SUCH_UPLOAD:
        return OssError.noSuchUpload(e.getMessage());
      default:
        return new OssError(
                400,
                "InvalidPart",
                "One or more of the specified parts could not be found or the specified entity tag might not have matched the part's entity tag.")
            .with("PartInfo", e.getMessage());
    }
  }

  /** Parses a decimal parameter within bounds, or answers InvalidArgument. */
  static int intParam(String name, String value, int deflt, int min, int max) throws OssError {
    if (value == null) {
      return deflt;
    }
    try {
      int v = Integer.parseInt(value.trim());
      if (v < min || v > max) {
        throw OssError.invalidArgument(
            "Argument " + name + " must be between " + min + " and " + max + ".", name, value);
      }
      return v;
    } catch (NumberFormatException e) {
      throw OssError.invalidArgument("Argument " + name + " is not a number.", name, value);
    }
  }
}
