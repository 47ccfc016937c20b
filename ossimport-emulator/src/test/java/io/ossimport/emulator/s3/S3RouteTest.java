package io.ossimport.emulator.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.ossimport.emulator.Operation;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class S3RouteTest {
  private static S3Route route(String method, String path, String query, String... headers) {
    Map<String, List<String>> map = new java.util.TreeMap<>();
    for (int i = 0; i < headers.length; i += 2) {
      map.put(headers[i], Collections.singletonList(headers[i + 1]));
    }
    RequestHead head = new RequestHead(method, path, query, map);
    return S3Route.of(method, io.ossimport.emulator.http.UrlCodec.decodePath(path), head);
  }

  private static Operation op(String method, String path, String query, String... headers) {
    return route(method, path, query, headers).operation();
  }

  @Test
  void namesOperationsAsTheOssDialectDoes() {
    assertEquals(Operation.ListBuckets, op("GET", "/", ""));
    assertEquals(Operation.ListObjects, op("GET", "/b", "prefix=a"));
    assertEquals(Operation.ListObjectsV2, op("GET", "/b/", "list-type=2"));
    assertEquals(Operation.GetBucketLocation, op("GET", "/b", "location"));
    assertEquals(Operation.ListMultipartUploads, op("GET", "/b", "uploads"));
    assertEquals(Operation.DeleteMultipleObjects, op("POST", "/b", "delete"));
    assertEquals(Operation.PutBucket, op("PUT", "/b", ""));
    assertEquals(Operation.HeadBucket, op("HEAD", "/b", ""));
    assertEquals(Operation.DeleteBucket, op("DELETE", "/b", ""));
    assertEquals(Operation.PutObject, op("PUT", "/b/k", "x-id=PutObject"));
    assertEquals(Operation.CopyObject, op("PUT", "/b/k", "", "x-amz-copy-source", "/b/o"));
    assertEquals(Operation.UploadPart, op("PUT", "/b/k", "partNumber=1&uploadId=u"));
    assertEquals(
        Operation.UploadPartCopy,
        op("PUT", "/b/k", "partNumber=1&uploadId=u", "x-amz-copy-source", "b/o"));
    assertEquals(Operation.GetObject, op("GET", "/b/k", "versionId=null"));
    assertEquals(Operation.HeadObject, op("HEAD", "/b/k", ""));
    assertEquals(Operation.DeleteObject, op("DELETE", "/b/k", ""));
    assertEquals(Operation.InitiateMultipartUpload, op("POST", "/b/k", "uploads"));
    assertEquals(Operation.CompleteMultipartUpload, op("POST", "/b/k", "uploadId=u"));
    assertEquals(Operation.AbortMultipartUpload, op("DELETE", "/b/k", "uploadId=u"));
    assertEquals(Operation.ListParts, op("GET", "/b/k", "uploadId=u"));
  }

  @Test
  void splitsBucketAndDecodedKey() {
    S3Route route = route("GET", "/bucket/dir/a%20b%2Bc/", "");

    assertEquals("bucket", route.bucket());
    assertEquals("dir/a b+c/", route.key());
    assertNull(route("GET", "/bucket/", "").key());
  }

  @Test
  void subResourcesAndVersionsTheEmulatorLacksAreNotImplemented() {
    assertEquals(Operation.NotImplemented, op("GET", "/b/k", "tagging"));
    assertEquals(Operation.NotImplemented, op("PUT", "/b", "versioning"));
    assertEquals(Operation.NotImplemented, op("GET", "/b", "versions"));
    assertEquals(Operation.NotImplemented, op("GET", "/b/k", "versionId=3HL4kqtJlcpXroDTDmJ"));
    assertEquals(Operation.NotImplemented, op("POST", "/b/k", ""));
    assertEquals(Operation.NotImplemented, op("PUT", "/", ""));
  }
}
