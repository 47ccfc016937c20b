package io.ossimport.core.config;

import static io.ossimport.core.config.Jobs.assertAccepted;
import static io.ossimport.core.config.Jobs.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AttributeRulesTest {
  private static String repeat(char c, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(c);
    }
    return sb.toString();
  }

  @Test
  void theDefaultsSetNothingAsTheOriginalDid() throws Exception {
    WriteAttributes a = Jobs.load(Jobs.valid()).config().writeAttributes();
    assertNull(a.storageClass());
    assertNull(a.objectAcl());
    assertTrue(a.tags().isEmpty());
    assertNull(a.taggingHeader());
    assertTrue(a.headers().isEmpty());
    assertNull(a.serverSideEncryption());
    assertNull(a.kmsKeyId());
    assertFalse(a.keepSourceAttributes());
  }

  @Test
  void everyKeyIsReadIntoTheAttributes() throws Exception {
    Map<String, String> keys =
        Jobs.with(
            "storageClass", "IA",
            "objectAcl", "private",
            "objectTagging", "project=photos&owner=Jane Doe&empty",
            "objectHeaders",
                "cache-control: max-age=3600#Content-Disposition: attachment; filename=\"a\\#1\"",
            "serverSideEncryption", "KMS",
            "serverSideEncryptionKeyId", "9468da86-3509-4f8d-a61e-6eab1eac****",
            "keepSourceAttributes", "true");
    WriteAttributes a = Jobs.load(keys).config().writeAttributes();
    assertEquals("IA", a.storageClass());
    assertEquals("private", a.objectAcl());
    Map<String, String> tags = new LinkedHashMap<String, String>();
    tags.put("project", "photos");
    tags.put("owner", "Jane Doe");
    tags.put("empty", "");
    assertEquals(tags, a.tags());
    assertEquals("project=photos&owner=Jane%20Doe&empty=", a.taggingHeader());
    Map<String, String> headers = new LinkedHashMap<String, String>();
    headers.put("Cache-Control", "max-age=3600");
    headers.put("Content-Disposition", "attachment; filename=\"a#1\"");
    assertEquals(headers, a.headers());
    assertEquals("KMS", a.serverSideEncryption());
    assertEquals("9468da86-3509-4f8d-a61e-6eab1eac****", a.kmsKeyId());
    assertTrue(a.keepSourceAttributes());
  }

  @Test
  void isServerSideEncryptionMeansAes256UnlessServerSideEncryptionSaysOtherwise() throws Exception {
    assertEquals(
        "AES256",
        Jobs.load(Jobs.with("isServerSideEncryption", "true"))
            .config()
            .writeAttributes()
            .serverSideEncryption());
    assertEquals(
        "SM4",
        Jobs.load(Jobs.with("isServerSideEncryption", "true", "serverSideEncryption", "SM4"))
            .config()
            .writeAttributes()
            .serverSideEncryption());
  }

  @Test
  void aBadStorageClassOrAclIsOneProblemNamingTheChoices() {
    assertProblem(
        "conf/local_job.cfg: storageClass='Glacier': must be one of Standard, IA, Archive,"
            + " ColdArchive, DeepColdArchive, or empty; e.g. storageClass=Standard, or leave it"
            + " empty",
        "storageClass",
        "Glacier");
    assertProblem(
        "conf/local_job.cfg: storageClass='ia': must be one of Standard, IA, Archive,"
            + " ColdArchive, DeepColdArchive, written exactly (case matters); write"
            + " storageClass=IA",
        "storageClass",
        "ia");
    assertProblem(
        "conf/local_job.cfg: objectAcl='public': must be one of default, private, public-read,"
            + " public-read-write, or empty; e.g. objectAcl=default, or leave it empty",
        "objectAcl",
        "public");
    assertProblem(
        "conf/local_job.cfg: serverSideEncryption='aes256': must be one of AES256, KMS, SM4,"
            + " written exactly (case matters); write serverSideEncryption=AES256",
        "serverSideEncryption",
        "aes256");
  }

  @Test
  void tagsOutsideOssLimitsAreOneProblemEach() {
    StringBuilder eleven = new StringBuilder();
    for (int i = 1; i <= 11; i++) {
      eleven.append(i == 1 ? "" : "&").append("k").append(i).append("=v");
    }
    assertProblem(
        "conf/local_job.cfg: objectTagging='"
            + eleven
            + "': has 11 tags; OSS allows at most 10 per object; keep at most 10 tags",
        "objectTagging",
        eleven.toString());
    String longKey = repeat('k', 129);
    assertProblem(
        "conf/local_job.cfg: objectTagging='"
            + longKey
            + "=v': has a tag key of 129 characters ('kkkkkkkkkkkkkkkkkkkk...'); OSS allows at"
            + " most 128; shorten the key to 128 characters or fewer",
        "objectTagging",
        longKey + "=v");
    String longValue = repeat('v', 257);
    assertProblem(
        "conf/local_job.cfg: objectTagging='k="
            + longValue
            + "': has a value of 257 characters for tag 'k'; OSS allows at most 256; shorten"
            + " the value to 256 characters or fewer",
        "objectTagging",
        "k=" + longValue);
    assertProblem(
        "conf/local_job.cfg: objectTagging='a=1&&b=2': has an empty tag (''): every tag needs a"
            + " key; write key=value pairs joined by '&', e.g."
            + " objectTagging=project=photos&team=media",
        "objectTagging",
        "a=1&&b=2");
    assertProblem(
        "conf/local_job.cfg: objectTagging='a=1,2': tag 'a' has a character OSS does not allow"
            + " in tags; use only letters, digits, space and + - = . _ : / in tag keys and values",
        "objectTagging",
        "a=1,2");
    assertProblem(
        "conf/local_job.cfg: objectTagging='a=1&a=2': has the tag key 'a' twice; give each tag"
            + " key once",
        "objectTagging",
        "a=1&a=2");
  }

  @Test
  void theLimitsThemselvesAreAccepted() throws Exception {
    StringBuilder ten = new StringBuilder();
    for (int i = 1; i <= 10; i++) {
      ten.append(i == 1 ? "" : "&").append("k").append(i).append("=v");
    }
    assertAccepted("objectTagging", ten.toString());
    assertAccepted("objectTagging", repeat('k', 128) + "=" + repeat('v', 256));
    assertAccepted("objectTagging", "path=a/b:c+d-e.f_g=h");
  }

  @Test
  void aHeaderOutsideTheAllowedSetOrMalformedIsOneProblem() {
    assertProblem(
        "conf/local_job.cfg: objectHeaders='Content-Length: 5': has the header 'Content-Length',"
            + " which is not one a job may set; use Cache-Control, Content-Disposition,"
            + " Content-Encoding, Content-Language, Content-Type, Expires or x-oss-meta-<name>"
            + " (letters, digits and '-')",
        "objectHeaders",
        "Content-Length: 5");
    assertProblem(
        "conf/local_job.cfg: objectHeaders='x-oss-meta-a_b: 1': has the header 'x-oss-meta-a_b',"
            + " which is not one a job may set; use Cache-Control, Content-Disposition,"
            + " Content-Encoding, Content-Language, Content-Type, Expires or x-oss-meta-<name>"
            + " (letters, digits and '-')",
        "objectHeaders",
        "x-oss-meta-a_b: 1");
    assertProblem(
        "conf/local_job.cfg: objectHeaders='Cache-Control=no-cache': has"
            + " 'Cache-Control=no-cache', which is not 'Name: value'; write e.g."
            + " objectHeaders=Cache-Control: max-age=3600#Content-Disposition: attachment",
        "objectHeaders",
        "Cache-Control=no-cache");
    assertProblem(
        "conf/local_job.cfg: objectHeaders='Expires: tomorrow': has Expires 'tomorrow', which is"
            + " not an HTTP date; write e.g. Expires: Thu, 01 Dec 2033 16:00:00 GMT",
        "objectHeaders",
        "Expires: tomorrow");
    assertProblem(
        "conf/local_job.cfg: objectHeaders='Cache-Control: a#cache-control: b': sets"
            + " Cache-Control twice; keep one Cache-Control",
        "objectHeaders",
        "Cache-Control: a#cache-control: b");
  }

  @Test
  void headersMayBeGivenOnSeveralLinesOfTheSameFile() throws Exception {
    Map<String, String> keys = Jobs.valid();
    keys.put("objectHeaders", "Cache-Control: no-cache\nx-oss-meta-Origin: migrated");
    Map<String, String> headers = Jobs.load(keys).config().writeAttributes().headers();
    assertEquals("no-cache", headers.get("Cache-Control"));
    assertEquals("migrated", headers.get("x-oss-meta-origin"));
  }

  @Test
  void theFrozenJobGivesTheSameAttributesBack() throws Exception {
    Map<String, String> keys = Jobs.valid();
    keys.put(
        "objectHeaders", "Content-Disposition: attachment; filename=\"a\\#1\"\nx-oss-meta-a: b");
    keys.put("objectTagging", "k=v w");
    keys.put("storageClass", "DeepColdArchive");
    JobConfig original = Jobs.load(keys).config();

    JobConfig back =
        CanonicalJobConfig.read(CanonicalJobConfig.write(original), "master/jobs/x/JOB.cfg");

    WriteAttributes a = back.writeAttributes();
    assertEquals("attachment; filename=\"a#1\"", a.headers().get("Content-Disposition"));
    assertEquals("b", a.headers().get("x-oss-meta-a"));
    assertEquals("v w", a.tags().get("k"));
    assertEquals("DeepColdArchive", a.storageClass());
  }

  @Test
  void aKmsKeyIdWithoutKmsIsAProblem() {
    assertProblem(
        "conf/local_job.cfg: serverSideEncryptionKeyId='key-1': is set, but serverSideEncryption"
            + " is AES256: a key id is used only with KMS; set serverSideEncryption=KMS, or leave"
            + " serverSideEncryptionKeyId empty",
        "serverSideEncryption",
        "AES256",
        "serverSideEncryptionKeyId",
        "key-1");
    assertProblem(
        "conf/local_job.cfg: serverSideEncryptionKeyId='key-1': is set, but serverSideEncryption"
            + " is empty: a key id is used only with KMS; set serverSideEncryption=KMS, or leave"
            + " serverSideEncryptionKeyId empty",
        "serverSideEncryptionKeyId",
        "key-1");
  }

  @Test
  void aPublicReadWriteAclIsAWarning() throws Exception {
    List<String> warnings = Jobs.lines(Jobs.warnings(Jobs.with("objectAcl", "public-read-write")));
    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(
        warnings.get(0).contains("objectAcl='public-read-write': lets anyone"), warnings.get(0));
  }
}
