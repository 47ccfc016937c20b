package io.ossimport.emulator.s3;

/**
 * The owner S3 shows in listings: one per access key, with a canonical id derived from the key id
 * (the emulator has no accounts).
 */
final class S3Owner {
  private S3Owner() {}

  static void write(S3Xml xml, SigV4Context auth) {
    String name = auth == null ? "anonymous" : auth.accessKeyId();
    xml.start("Owner")
        .element("ID", SigV4Crypto.sha256Hex(name))
        .element("DisplayName", name)
        .end();
  }
}
