package io.ossimport.maven;

import io.ossimport.core.api.SuppliedCredentials;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;
import org.codehaus.plexus.util.xml.Xpp3Dom;

/**
 * The destination AccessKey from a {@code settings.xml} {@code <server>}: {@code <username>} is the
 * AccessKey id, {@code <password>} the secret, decrypted by Maven's own decrypter when it is
 * encrypted ({@code mvn --encrypt-password}), and an optional {@code
 * <configuration><securityToken>} the STS token. Every goal reads the server again (the job tree
 * keeps only {@code @supplied:maven-server:<id>}), so a password fixed in settings.xml takes effect
 * at the next start. The secret never reaches a log or a message.
 */
final class ServerCredentials {
  static final String ACCESS_KEY_ID = "destAccessKey";
  static final String ACCESS_KEY_SECRET = "destSecretKey";
  static final String SECURITY_TOKEN = "destSecurityToken";

  /** The {@code <configuration>} child holding an STS security token. */
  static final String SECURITY_TOKEN_ELEMENT = "securityToken";

  private ServerCredentials() {}

  /** The origin under which the server's keys are supplied to the core. */
  static String origin(String serverId) {
    return "maven-server:" + serverId;
  }

  /** The server's keys, supplied under {@link #origin(String)}; none without a server id. */
  static SuppliedCredentials supplied(
      Settings settings, SettingsDecrypter decrypter, String serverId) throws MojoFailureException {
    if (serverId == null) {
      return SuppliedCredentials.none();
    }
    SuppliedCredentials.Builder supplied = SuppliedCredentials.builder();
    for (Map.Entry<String, String> e : jobKeys(settings, decrypter, serverId).entrySet()) {
      supplied.supply(origin(serverId), e.getKey(), e.getValue());
    }
    return supplied.build();
  }

  /** The pair as {@code local_job.cfg} keys, ready to override the job's. */
  static Map<String, String> jobKeys(
      Settings settings, SettingsDecrypter decrypter, String serverId) throws MojoFailureException {
    Server server = settings == null ? null : settings.getServer(serverId);
    if (server == null) {
      throw new MojoFailureException(
          "No <server> with <id>"
              + serverId
              + "</id> in settings.xml (ossimport.serverId); add one whose <username> is the"
              + " AccessKey id and <password> the AccessKey secret (mvn --encrypt-password"
              + " encrypts it).");
    }
    SettingsDecryptionResult result =
        decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
    for (SettingsProblem problem : result.getProblems()) {
      if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
        throw new MojoFailureException(
            "Cannot decrypt the password of <server> "
                + serverId
                + " in settings.xml: "
                + problem.getMessage()
                + " (check settings-security.xml and its master password).");
      }
    }
    Server decrypted = result.getServer();
    if (isEmpty(decrypted.getUsername()) || isEmpty(decrypted.getPassword())) {
      throw new MojoFailureException(
          "<server> "
              + serverId
              + " in settings.xml needs both <username> (the AccessKey id) and <password> (the"
              + " AccessKey secret).");
    }
    Map<String, String> keys = new LinkedHashMap<String, String>();
    keys.put(ACCESS_KEY_ID, decrypted.getUsername());
    keys.put(ACCESS_KEY_SECRET, decrypted.getPassword());
    String token = securityToken(decrypted);
    if (!isEmpty(token)) {
      keys.put(SECURITY_TOKEN, token.trim());
    }
    return keys;
  }

  /** {@code <configuration><securityToken>} of the server, or null. */
  private static String securityToken(Server server) {
    Object configuration = server.getConfiguration();
    if (!(configuration instanceof Xpp3Dom)) {
      return null;
    }
    Xpp3Dom token = ((Xpp3Dom) configuration).getChild(SECURITY_TOKEN_ELEMENT);
    return token == null ? null : token.getValue();
  }

  private static boolean isEmpty(String s) {
    return s == null || s.trim().isEmpty();
  }
}
