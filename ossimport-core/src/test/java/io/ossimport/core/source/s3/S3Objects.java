package io.ossimport.core.source.s3;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** Fills a bucket of a real S3 server with random objects and remembers them by key. */
final class S3Objects implements AutoCloseable {
  final S3Client client;
  final String bucket;
  final Map<String, byte[]> byKey = new LinkedHashMap<String, byte[]>();

  S3Objects(URI endpoint, String accessKey, String secret, String bucket) {
    this.client =
        S3Client.builder()
            .endpointOverride(endpoint)
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secret)))
            .build();
    this.bucket = bucket;
    client.createBucket(r -> r.bucket(bucket));
  }

  byte[] put(String key, int size) {
    byte[] content = new byte[size];
    new Random(key.hashCode() * 31L + size).nextBytes(content);
    client.putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content));
    byKey.put(key, content);
    return content;
  }

  @Override
  public void close() {
    client.close();
  }
}
