package io.ossimport.emulator.s3;

import io.ossimport.emulator.OssEmulator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Clock;
import java.util.Random;
import java.util.function.Consumer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignRequest;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * The real AWS SDK v2 against an emulator: an {@link S3Client} configured as the engine and
 * benchmarks will use it (path style, us-east-1, static keys, no retries so faults show), and
 * hand-signed raw requests for the payload modes the client only uses over HTTPS.
 */
final class S3Clients {
  private S3Clients() {}

  static S3Client client(OssEmulator emulator) {
    return client(emulator, emulator.accessKeyId(), emulator.secretAccessKey(), b -> {});
  }

  static S3Client client(
      OssEmulator emulator, String accessKeyId, String secret, Consumer<S3ClientBuilder> tweak) {
    S3ClientBuilder builder =
        S3Client.builder()
            .endpointOverride(emulator.url())
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secret)))
            .httpClientBuilder(ApacheHttpClient.builder())
            .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    tweak.accept(builder);
    return builder.build();
  }

  /** A raw response: status, headers and body. */
  static final class Raw {
    final int status;
    final SdkHttpFullResponseView headers;
    final byte[] body;

    Raw(int status, SdkHttpFullResponseView headers, byte[] body) {
      this.status = status;
      this.headers = headers;
      this.body = body;
    }

    String bodyText() {
      return new String(body, java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  /** Response headers by name, case-insensitively. */
  interface SdkHttpFullResponseView {
    String first(String name);
  }

  /**
   * Signs {@code method path} with the SDK's own signer as if sent over HTTPS (so unsigned payload
   * modes are allowed), then sends it over plain HTTP to the emulator.
   */
  static Raw signAndSend(
      OssEmulator emulator,
      SdkHttpMethod method,
      String pathAndQuery,
      byte[] payload,
      Consumer<SignRequest.Builder<AwsCredentialsIdentity>> properties)
      throws IOException {
    Signed signed = sign(emulator, method, pathAndQuery, payload, properties);
    return send(
        signed.request,
        signed.body == null ? null : ContentStreamProvider.fromByteArray(signed.body));
  }

  /** A request signed for HTTPS and addressed to the emulator over HTTP, with its encoded body. */
  static final class Signed {
    final SdkHttpFullRequest request;
    final byte[] body;

    Signed(SdkHttpFullRequest request, byte[] body) {
      this.request = request;
      this.body = body;
    }
  }

  static Signed sign(
      OssEmulator emulator,
      SdkHttpMethod method,
      String pathAndQuery,
      byte[] payload,
      Consumer<SignRequest.Builder<AwsCredentialsIdentity>> properties) {
    URI https = URI.create("https://127.0.0.1:" + emulator.port() + pathAndQuery);
    SdkHttpRequest.Builder request = SdkHttpRequest.builder().method(method).uri(https);
    if (payload != null) {
      request.putHeader("Content-Length", Integer.toString(payload.length));
    }
    SignedRequest signed =
        AwsV4HttpSigner.create()
            .sign(
                r -> {
                  r.identity(
                          AwsCredentialsIdentity.create(
                              emulator.accessKeyId(), emulator.secretAccessKey()))
                      .request(request.build())
                      .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")
                      .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "s3")
                      .putProperty(AwsV4FamilyHttpSigner.DOUBLE_URL_ENCODE, false)
                      .putProperty(AwsV4FamilyHttpSigner.NORMALIZE_PATH, false)
                      .putProperty(HttpSigner.SIGNING_CLOCK, Clock.systemUTC());
                  if (payload != null) {
                    r.payload(ContentStreamProvider.fromByteArray(payload));
                  }
                  properties.accept(r);
                });
    SdkHttpFullRequest plain =
        SdkHttpFullRequest.builder()
            .method(method)
            .uri(URI.create(emulator.endpoint() + pathAndQuery))
            .headers(signed.request().headers())
            .build();
    byte[] body;
    try {
      body = signed.payload().isPresent() ? read(signed.payload().get().newStream()) : null;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new Signed(plain, body);
  }

  static Raw send(SdkHttpFullRequest request, ContentStreamProvider body) throws IOException {
    try (SdkHttpClient http = ApacheHttpClient.builder().build()) {
      HttpExecuteResponse response =
          http.prepareRequest(
                  HttpExecuteRequest.builder().request(request).contentStreamProvider(body).build())
              .call();
      byte[] bytes =
          response.responseBody().isPresent() ? read(response.responseBody().get()) : new byte[0];
      return new Raw(
          response.httpResponse().statusCode(),
          name -> response.httpResponse().firstMatchingHeader(name).orElse(null),
          bytes);
    }
  }

  static byte[] read(InputStream in) throws IOException {
    try (InputStream closing = in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      int n;
      while ((n = closing.read(buffer)) != -1) {
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    }
  }

  static byte[] randomBytes(int n, long seed) {
    byte[] bytes = new byte[n];
    new Random(seed).nextBytes(bytes);
    return bytes;
  }
}
