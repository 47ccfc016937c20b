package io.ossimport.maven;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

/**
 * The destination AccessKey pair from a {@code settings.xml} {@code <server>}: {@code <username>}
 * is the AccessKey id, {@code <password>} the secret, decrypted by Maven's own decrypter when it is
 * encrypted ({@code mvn --encrypt-password}). The secret never reaches a log or a message.
 */
final class ServerCredentials {
  static final String ACCESS_KEY_ID = "destAccessKey";
  static final String ACCESS_KEY_SECRET = "destSecretKey";

  private ServerCredentials() {}

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
    return keys;
  }

  private static boolean isEmpty(String s) {
    return s == null || s.trim().isEmpty();
  }
}
