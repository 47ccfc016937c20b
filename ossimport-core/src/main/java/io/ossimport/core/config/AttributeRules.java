package io.ossimport.core.config;

import static io.ossimport.core.config.JobKeys.OBJECT_ACL;
import static io.ossimport.core.config.JobKeys.OBJECT_HEADERS;
import static io.ossimport.core.config.JobKeys.OBJECT_TAGGING;
import static io.ossimport.core.config.JobKeys.SERVER_SIDE_ENCRYPTION;
import static io.ossimport.core.config.JobKeys.SERVER_SIDE_ENCRYPTION_KEY_ID;

/**
 * Rules of the object attribute keys: tags and headers parse ({@link WriteAttributes}), a KMS key
 * id goes with KMS. Refused at submit rather than by OSS at the first object, where every object of
 * the job would fail the same way.
 */
final class AttributeRules {
  private AttributeRules() {}

  static void check(ConfigValues v) {
    try {
      WriteAttributes.parseTags(v.text(OBJECT_TAGGING));
    } catch (WriteAttributes.Malformed e) {
      v.problem(OBJECT_TAGGING, e.getMessage(), e.fix);
    }
    try {
      WriteAttributes.parseHeaders(v.text(OBJECT_HEADERS));
    } catch (WriteAttributes.Malformed e) {
      v.problem(OBJECT_HEADERS, e.getMessage(), e.fix);
    }
    checkKeyId(v);
    if ("public-read-write".equals(v.text(OBJECT_ACL))) {
      v.warning(
          OBJECT_ACL,
          "lets anyone on the internet overwrite and delete the objects",
          "use public-read (or private) unless that is what you want");
    }
  }

  private static void checkKeyId(ConfigValues v) {
    String id = v.text(SERVER_SIDE_ENCRYPTION_KEY_ID);
    if (id.isEmpty() || !v.allValid(SERVER_SIDE_ENCRYPTION)) {
      return;
    }
    if (!"KMS".equals(v.text(SERVER_SIDE_ENCRYPTION))) {
      v.problem(
          SERVER_SIDE_ENCRYPTION_KEY_ID,
          "is set, but serverSideEncryption is "
              + (v.text(SERVER_SIDE_ENCRYPTION).isEmpty()
                  ? "empty"
                  : v.text(SERVER_SIDE_ENCRYPTION))
              + ": a key id is used only with KMS",
          "set serverSideEncryption=KMS, or leave "
              + SERVER_SIDE_ENCRYPTION_KEY_ID.name()
              + " empty");
    } else if (!id.matches("\\S+")) {
      v.problem(
          SERVER_SIDE_ENCRYPTION_KEY_ID,
          "contains a blank; a KMS key id has none",
          "copy the key id from the KMS console exactly");
    }
  }
}
