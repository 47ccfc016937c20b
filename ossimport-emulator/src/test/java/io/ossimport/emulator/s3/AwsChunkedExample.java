package io.ossimport.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The AWS documentation's chunked upload example ("Signature Calculations for the Authorization
 * Header: Transferring Payload in Multiple Chunks"): 66560 bytes of 'a' in chunks of 65536 and
 * 1024, with the published seed and chunk signatures.
 */
final class AwsChunkedExample {
  static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
  static final String[] CHUNK_SIGNATURES = {
    "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648",
    "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
    "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9",
  };

  private AwsChunkedExample() {}

  static RequestHead head() {
    Map<String, List<String>> headers = new TreeMap<>();
    put(headers, "Host", "s3.amazonaws.com");
    put(headers, "x-amz-date", "20130524T000000Z");
    put(headers, "x-amz-storage-class", "REDUCED_REDUNDANCY");
    put(headers, "x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD");
    put(headers, "Content-Encoding", "aws-chunked");
    put(headers, "x-amz-decoded-content-length", "66560");
    put(headers, "Content-Length", "66824");
    put(
        headers,
        "Authorization",
        "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
            + "SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
            + "x-amz-decoded-content-length;x-amz-storage-class,Signature="
            + SEED);
    return new RequestHead("PUT", "/examplebucket/chunkObject.txt", "", headers);
  }

  /** The encoded body, with {@code signatures} as the chunk signatures. */
  static byte[] body(String... signatures) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int[] sizes = {65536, 1024, 0};
    for (int i = 0; i < sizes.length; i++) {
      byte[] header =
          (Integer.toHexString(sizes[i]) + ";chunk-signature=" + signatures[i] + "\r\n")
              .getBytes(StandardCharsets.US_ASCII);
      out.write(header, 0, header.length);
      byte[] data = new byte[sizes[i]];
      Arrays.fill(data, (byte) 'a');
      out.write(data, 0, data.length);
      out.write('\r');
      out.write('\n');
    }
    return out.toByteArray();
  }

  private static void put(Map<String, List<String>> headers, String name, String value) {
    headers.put(name, Collections.singletonList(value));
  }
}
