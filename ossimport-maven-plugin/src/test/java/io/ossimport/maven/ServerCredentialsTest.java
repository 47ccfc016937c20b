package io.ossimport.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.SuppliedCredentials;
import java.io.File;
import java.util.Map;
import javax.inject.Inject;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.codehaus.plexus.util.xml.Xpp3Dom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A settings.xml server's password encrypted with {@code mvn --encrypt-password} is decrypted by
 * Maven's own decrypter (settings-security.xml in the test resources holds the master password
 * "ossimport-it-master"; the encrypted value below is "emulator-secret-key").
 */
@MojoTest
class ServerCredentialsTest {
  private static final String ENCRYPTED =
      "{FxiYwWf2KjIHSePrv/GhjnLoWlT/yMvWKp4dOlAie2bLFou3V2J8nw5ra+hfWk91}";

  @Inject SettingsDecrypter decrypter;
  private String previousSecurity;

  @BeforeEach
  void pointMavenAtTheTestMasterPassword() throws Exception {
    previousSecurity = System.getProperty("settings.security");
    File security = new File(getClass().getResource("/settings-security.xml").toURI());
    System.setProperty("settings.security", security.getAbsolutePath());
  }

  @AfterEach
  void restore() {
    if (previousSecurity == null) {
      System.clearProperty("settings.security");
    } else {
      System.setProperty("settings.security", previousSecurity);
    }
  }

  @Test
  void anEncryptedPasswordBecomesTheAccessKeySecret() throws Exception {
    Map<String, String> keys =
        ServerCredentials.jobKeys(settings("ak-id", ENCRYPTED), decrypter, "oss");

    assertEquals("ak-id", keys.get("destAccessKey"));
    assertEquals("emulator-secret-key", keys.get("destSecretKey"));
  }

  @Test
  void aSecurityTokenInTheServersConfigurationIsSuppliedUnderTheServersOrigin() throws Exception {
    Settings settings = settings("STS.id", ENCRYPTED);
    Xpp3Dom configuration = new Xpp3Dom("configuration");
    Xpp3Dom token = new Xpp3Dom("securityToken");
    token.setValue(" CAIS-token ");
    configuration.addChild(token);
    settings.getServer("oss").setConfiguration(configuration);

    SuppliedCredentials supplied = ServerCredentials.supplied(settings, decrypter, "oss");

    assertEquals("CAIS-token", supplied.value("maven-server:oss", "destSecurityToken"));
    assertEquals("emulator-secret-key", supplied.value("maven-server:oss", "destSecretKey"));
    assertEquals("STS.id", supplied.value("maven-server:oss", "destAccessKey"));
    assertFalse(supplied.toString().contains("CAIS-token"), supplied.toString());
  }

  @Test
  void aPasswordThatCannotBeDecryptedIsAFailureWithoutTheSecret() {
    String broken = "{bm90IGEgdmFsaWQgY2lwaGVydGV4dA==}";

    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () -> ServerCredentials.jobKeys(settings("ak-id", broken), decrypter, "oss"));

    assertTrue(failure.getMessage().contains("Cannot decrypt the password of <server> oss"));
    assertFalse(failure.getMessage().contains(broken), failure.getMessage());
  }

  @Test
  void aServerWithoutUsernameIsAFailure() {
    MojoFailureException failure =
        assertThrows(
            MojoFailureException.class,
            () -> ServerCredentials.jobKeys(settings(null, "secret"), decrypter, "oss"));

    assertTrue(failure.getMessage().contains("needs both <username>"), failure.getMessage());
  }

  private static Settings settings(String username, String password) {
    Server server = new Server();
    server.setId("oss");
    server.setUsername(username);
    server.setPassword(password);
    Settings settings = new Settings();
    settings.addServer(server);
    return settings;
  }
}
