package io.ossimport.core.source.azure;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;

/**
 * Text form of a listing position: one printable line.
 *
 * <pre>
 * checkpoint := "azure-list-1;prefix=" PREFIX ";" ( "done" | "page=" MARKER ";after=" NAME )
 * </pre>
 *
 * {@code NAME} is the last consumed blob; {@code MARKER} the List Blobs marker of the page it came
 * from (empty for the first page), so a resumed listing re-reads that one page and skips what sorts
 * at or before {@code NAME}. Values are form-encoded UTF-8.
 */
final class AzureCheckpoint {
  static final String MAGIC = "azure-list-1";

  /** A position: after {@code lastName} of the page at {@code pageMarker}; or complete. */
  final String pageMarker;

  final String lastName;
  final boolean done;

  private AzureCheckpoint(String pageMarker, String lastName, boolean done) {
    this.pageMarker = pageMarker;
    this.lastName = lastName;
    this.done = done;
  }

  static AzureCheckpoint after(String pageMarker, String lastName) {
    return new AzureCheckpoint(pageMarker, lastName, false);
  }

  static AzureCheckpoint complete() {
    return new AzureCheckpoint("", "", true);
  }

  String format(String prefix) {
    String head = MAGIC + ";prefix=" + encode(prefix) + ";";
    return done
        ? head + "done"
        : head + "page=" + encode(pageMarker) + ";after=" + encode(lastName);
  }

  /**
   * Parses a checkpoint of a listing under {@code prefix}.
   *
   * @throws IllegalArgumentException if it is malformed or was taken under another prefix
   */
  static AzureCheckpoint parse(String text, String prefix) {
    String[] parts = text.split(";", -1);
    if (parts.length < 3 || !parts[0].equals(MAGIC) || !parts[1].startsWith("prefix=")) {
      throw new IllegalArgumentException("not an Azure listing checkpoint: " + text);
    }
    String was = decode(parts[1].substring("prefix=".length()));
    if (!was.equals(prefix)) {
      throw new IllegalArgumentException(
          "the Azure listing checkpoint was taken with srcPrefix='"
              + was
              + "', not '"
              + prefix
              + "'");
    }
    if (parts.length == 3 && parts[2].equals("done")) {
      return complete();
    }
    if (parts.length == 4 && parts[2].startsWith("page=") && parts[3].startsWith("after=")) {
      return after(
          decode(parts[2].substring("page=".length())),
          decode(parts[3].substring("after=".length())));
    }
    throw new IllegalArgumentException("not an Azure listing checkpoint: " + text);
  }

  private static String encode(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decode(String s) {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
