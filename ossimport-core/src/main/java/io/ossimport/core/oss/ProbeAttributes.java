package io.ossimport.core.oss;

import io.ossimport.core.config.WriteAttributes;

/**
 * How submit's write check names the job's write attributes it sent, and the RAM permissions they
 * need beyond {@code oss:PutObject} (OSS's InitiateMultipartUpload and PutObject permission tables:
 * {@code x-oss-tagging} needs {@code oss:PutObjectTagging}, {@code x-oss-object-acl} is a
 * PutObjectACL, SSE-KMS needs {@code kms:GenerateDataKey} and {@code kms:Decrypt}).
 */
final class ProbeAttributes {
  private ProbeAttributes() {}

  /** " with storageClass=IA, objectTagging, ..." or "" when the job sets none. */
  static String described(WriteAttributes a) {
    StringBuilder s = new StringBuilder();
    append(s, "storageClass", a.storageClass());
    append(s, "objectAcl", a.objectAcl());
    int tags = a.tags().size();
    append(s, "objectTagging", tags == 0 ? null : tags == 1 ? "1 tag" : tags + " tags");
    append(s, "serverSideEncryption", a.serverSideEncryption());
    append(s, "serverSideEncryptionKeyId", a.kmsKeyId());
    return s.length() == 0 ? "" : " with " + s;
  }

  /** ", oss:PutObjectTagging (objectTagging), ..." or "" when none is needed. */
  static String permissions(WriteAttributes a) {
    StringBuilder s = new StringBuilder();
    if (!a.tags().isEmpty()) {
      s.append(", oss:PutObjectTagging (objectTagging)");
    }
    if (a.objectAcl() != null) {
      s.append(", oss:PutObjectAcl (objectAcl)");
    }
    if ("KMS".equals(a.serverSideEncryption())) {
      s.append(", kms:GenerateDataKey and kms:Decrypt (serverSideEncryption=KMS)");
    }
    return s.toString();
  }

  private static void append(StringBuilder s, String key, String value) {
    if (value != null) {
      s.append(s.length() == 0 ? "" : ", ").append(key).append('=').append(value);
    }
  }
}
