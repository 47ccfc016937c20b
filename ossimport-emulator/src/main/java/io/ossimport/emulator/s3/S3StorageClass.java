package io.ossimport.emulator.s3;

import java.util.Locale;

/**
 * S3 storage class names and the OSS names the store keeps them under, so an object has the same
 * class whichever dialect reads it.
 */
final class S3StorageClass {
  private S3StorageClass() {}

  /** The store (OSS) name of an S3 storage class. */
  static String toStore(String s3Name) throws S3Failure {
    switch (s3Name.trim()) {
      case "STANDARD":
        return "Standard";
      case "STANDARD_IA":
        return "IA";
      case "GLACIER":
        return "Archive";
      case "DEEP_ARCHIVE":
        return "ColdArchive";
      default:
        throw S3Failure.badRequest(
            "InvalidStorageClass",
            "The emulator's S3 dialect knows storage classes STANDARD, STANDARD_IA, GLACIER and"
                + " DEEP_ARCHIVE; got "
                + s3Name);
    }
  }

  /** The S3 name of a stored class; STANDARD when the writer set none. */
  static String fromStore(String storeName) {
    if (storeName == null) {
      return "STANDARD";
    }
    switch (storeName) {
      case "Standard":
        return "STANDARD";
      case "IA":
        return "STANDARD_IA";
      case "Archive":
        return "GLACIER";
      case "ColdArchive":
      case "DeepColdArchive":
        return "DEEP_ARCHIVE";
      default:
        return storeName.toUpperCase(Locale.ROOT);
    }
  }
}
