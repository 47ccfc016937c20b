package io.ossimport.core.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** What a front end writes to a background service's standard input is read back exactly. */
class ServiceMainCredentialsTest {
  @Test
  void suppliedCredentialsSurviveTheStandardInputEvenWithOddCharacters() throws Exception {
    SuppliedCredentials supplied =
        SuppliedCredentials.builder()
            .supply("maven-server:oss@prod", "destAccessKey", "STS.id")
            .supply("maven-server:oss@prod", "destSecretKey", "a=b:c#d \\ é\n")
            .supply("ant-credentials", "destSecurityToken", "CAIS+/=token")
            .build();
    ByteArrayOutputStream stdin = new ByteArrayOutputStream();

    ServiceMain.writeCredentials(supplied, stdin);
    SuppliedCredentials read =
        ServiceMain.readCredentials(new ByteArrayInputStream(stdin.toByteArray()));

    assertEquals("a=b:c#d \\ é\n", read.value("maven-server:oss@prod", "destSecretKey"));
    assertEquals("STS.id", read.value("maven-server:oss@prod", "destAccessKey"));
    assertEquals("CAIS+/=token", read.value("ant-credentials", "destSecurityToken"));
    assertEquals(2, read.origins().size());
  }
}
