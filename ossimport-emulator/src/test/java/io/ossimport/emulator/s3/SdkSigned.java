package io.ossimport.emulator.s3;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Clock;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.checksums.spi.ChecksumAlgorithm;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/** Requests signed by the AWS SDK's own SigV4 signer, the reference the verifier must accept. */
final class SdkSigned {
  static final String ACCESS_KEY_ID = "AKIDEMULATOR";
  static final String SECRET = "emulator/secret+key";

  final RequestHead head;
  final byte[] body;

  private SdkSigned(RequestHead head, byte[] body) {
    this.head = head;
    this.body = body;
  }

  /** Signs {@code method uri} carrying {@code payload} (null for none) with extra properties. */
  static SdkSigned sign(
      SdkHttpMethod method,
      String uri,
      Map<String, String> headers,
      byte[] payload,
      Clock clock,
      Consumer<SignRequest.Builder<AwsCredentialsIdentity>> properties) {
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method).uri(URI.create(uri));
    headers.forEach(request::putHeader);
    if (payload != null) {
      request.putHeader("Content-Length", Integer.toString(payload.length));
    }
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> {
                  r.identity(AwsCredentialsIdentity.create(ACCESS_KEY_ID, SECRET))
                      .request(request.build())
                      .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                      .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                      .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                      .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                      .putProperty(HttpSigner.SIGNING_CLOCK, clock);
                  if (payload != null) {
                    r.payload(ContentStreamProvider.fromByteArray(payload));
                  }
                  properties.accept(r);
                });
    SdkHttpRequest out = signed.request();
    // Like an HTTP client, send the Host header the signature covers.
    Map<String, java.util.List<String>> sent = new java.util.TreeMap<>(out.headers());
    sent.putIfAbsent("Host", java.util.Collections.singletonList(hostHeader(out)));
    RequestHead head =
        new RequestHead(method.name(), out.encodedPath(), rawQuery(out.getUri()), sent);
    byte[] body = signed.payload().isPresent() ? drain(signed.payload().get().newStream()) : null;
    return new SdkSigned(head, body);
  }

  static Consumer<SignRequest.Builder<AwsCredentialsIdentity>> streaming(
      boolean payloadSigning, ChecksumAlgorithm checksum) {
    return r -> {
      r.putProperty(AwsV4FamilyHttpSigner.PAYLOAD_SIGNING_ENABLED, payloadSigning)
          .putProperty(AwsV4FamilyHttpSigner.CHUNK_ENCODING_ENABLED, true);
      if (checksum != null) {
        r.putProperty(AwsV4FamilyHttpSigner.CHECKSUM_ALGORITHM, checksum);
      }
    };
  }

  private static String hostHeader(SdkHttpRequest request) {
    int port = request.port();
    boolean standard =
        (request.protocol().equals("http") && port == 80)
            || (request.protocol().equals("https") && port == 443);
    return standard ? request.host() : request.host() + ":" + port;
  }

  private static String rawQuery(URI uri) {
    return uri.getRawQuery() == null ? "" : uri.getRawQuery();
  }

  static byte[] drain(InputStream in) {
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = in.read(buffer)) > 0) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
