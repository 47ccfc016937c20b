package io.ossimport.core.source.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AzureSettingsTest {
  private static final String KEY = "a2V5LWZvci10ZXN0cw==";

  @Test
  void anEndpointSuffixBecomesTheAccountsBlobHostOverHttps() {
    assertEquals(
        "https://acct.blob.core.windows.net",
        AzureSettings.endpoint("acct", "core.windows.net").toString());
    assertEquals(
        "https://acct.blob.core.chinacloudapi.cn",
        AzureSettings.endpoint("acct", "core.chinacloudapi.cn").toString());
    assertEquals(
        "https://acct.blob.core.windows.net",
        AzureSettings.endpoint("acct", "blob.core.windows.net").toString(),
        "a suffix that already names the blob service is not doubled");
  }

  @Test
  void aFullUrlIsTakenAsTheAccountEndpointAsItIs() {
    assertEquals(
        "http://127.0.0.1:10000/devstoreaccount1",
        AzureSettings.endpoint("devstoreaccount1", "http://127.0.0.1:10000/devstoreaccount1/")
            .toString());
    assertEquals(
        "https://files.example.com",
        AzureSettings.endpoint("acct", "https://files.example.com").toString());
  }

  @Test
  void aKeyThatIsNotBase64IsRefusedWithoutRepeatingIt() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AzureSettings.builder("acct", "not*base64!secret", "core.windows.net"));
    assertTrue(e.getMessage().contains("srcSecretKey"), e.getMessage());
    assertFalse(e.getMessage().contains("secret!"), e.getMessage());
    assertFalse(e.getMessage().contains("not*base64"), e.getMessage());
  }

  @Test
  void aContainerIsRequiredAndTheKeyNeverShows() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> AzureSettings.builder("acct", KEY, "core.windows.net").build());
    assertTrue(e.getMessage().contains("srcBucket"), e.getMessage());
    AzureSettings s =
        AzureSettings.builder("acct", KEY, "core.windows.net").container("box").build();
    assertFalse(s.toString().contains(KEY), s.toString());
    assertTrue(s.toString().contains("box"), s.toString());
  }

  @Test
  void checkpointsRoundTripAnyNameAndMarker() {
    String name = "dir/a b+c;d%e\u65e5\n.txt";
    String text = AzureCheckpoint.after("2!96!MDAw;=", name).format("dir/");
    assertFalse(text.contains("\n"), text);
    AzureCheckpoint back = AzureCheckpoint.parse(text, "dir/");
    assertEquals(name, back.lastName);
    assertEquals("2!96!MDAw;=", back.pageMarker);
    assertTrue(AzureCheckpoint.parse(AzureCheckpoint.complete().format(""), "").done);
  }

  @Test
  void namesCompareInCodePointOrderAsAzureSortsThem() {
    assertTrue(AzureListing.compareCodePoints("a", "b") < 0);
    assertTrue(AzureListing.compareCodePoints("a", "a/") < 0);
    assertTrue(AzureListing.compareCodePoints("A", "a") < 0, "upper case first");
    // U+1F600 (a surrogate pair in UTF-16) sorts after U+FF5E in UTF-8, unlike String.compareTo
    assertTrue(AzureListing.compareCodePoints("\uFF5E", "\uD83D\uDE00") < 0);
    assertTrue("\uFF5E".compareTo("\uD83D\uDE00") > 0);
  }

  @Test
  void contentMd5IsTurnedIntoHexOnlyWhenItIsAnMd5() {
    assertEquals(
        "0cc175b9c0f1b6a831c399e269772661", BlobService.md5Hex("DMF1ucDxtqgxw5niaXcmYQ=="));
    assertEquals(null, BlobService.md5Hex("AAAA"));
    assertEquals(null, BlobService.md5Hex(null));
  }
}
