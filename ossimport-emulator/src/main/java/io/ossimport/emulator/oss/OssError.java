package io.ossimport.emulator.oss;

import java.util.LinkedHashMap;
import java.util.Map;

/** An OSS error answer: HTTP status, error code, message and extra XML fields. */
public final class OssError extends Exception {
  private static final long serialVersionUID = 1L;

  private final int status;
  private final String code;
  private final Map<String, String> fields = new LinkedHashMap<String, String>();

  public OssError(int status, String code, String message) {
    super(message);
    this.status = status;
    this.code = code;
  }

  /** Adds an element to the error XML (e.g. BucketName, Key, StringToSign). */
  public OssError with(String name, String value) {
    if (value != null) {
      fields.put(name, value);
    }
    return this;
  }

  public int status() {
    return status;
  }

  public String code() {
    return code;
  }

  public Map<String, String> fields() {
    return fields;
  }

  static OssError noSuchBucket(String bucket) {
    return new OssError(404, "NoSuchBucket", "The specified bucket does not exist.")
        .with("BucketName", bucket);
  }

  static OssError noSuchKey(String key) {
    return new OssError(404, "NoSuchKey", "The specified key does not exist.").with("Key", key);
  }

  static OssError noSuchUpload(String uploadId) {
    return new OssError(
            404,
            "NoSuchUpload",
            "The specified upload does not exist. The upload ID may be invalid, or the upload may"
                + " have been aborted or completed.")
        .with("UploadId", uploadId);
  }

  static OssError invalidArgument(String message, String name, String value) {
    return new OssError(400, "InvalidArgument", message)
        .with("ArgumentName", name)
        .with("ArgumentValue", value);
  }

  static OssError notImplemented(String what) {
    return new OssError(501, "NotImplemented", "The OSS emulator does not implement " + what + ".")
        .with("Operation", what);
  }

  static OssError accessDenied(String message) {
    return new OssError(403, "AccessDenied", message);
  }
}
