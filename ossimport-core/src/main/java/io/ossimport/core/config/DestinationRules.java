package io.ossimport.core.config;

import static io.ossimport.core.config.JobKeys.DEST_ACCESS_KEY;
import static io.ossimport.core.config.JobKeys.DEST_BUCKET;
import static io.ossimport.core.config.JobKeys.DEST_DOMAIN;
import static io.ossimport.core.config.JobKeys.DEST_PREFIX;
import static io.ossimport.core.config.JobKeys.DEST_SECRET_KEY;
import static io.ossimport.core.config.JobKeys.DEST_SECURITY_TOKEN;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Rules for the {@code dest*} keys (the OSS side, reference §2.2 Destination, §5.12, §8), and the
 * fallback of empty credentials to the environment variables the OSS tools share.
 */
final class DestinationRules {
  /** Environment variable holding the AccessKey id when destAccessKey is empty. */
  static final String ACCESS_KEY_ID_VARIABLE = "OSS_ACCESS_KEY_ID";

  /** Environment variable holding the AccessKey secret when destSecretKey is empty. */
  static final String ACCESS_KEY_SECRET_VARIABLE = "OSS_ACCESS_KEY_SECRET";

  /**
   * Environment variable holding the STS security token when destSecurityToken is empty and the
   * secret comes from the environment too (a token belongs to the secret it was issued with).
   */
  static final String SESSION_TOKEN_VARIABLE = "OSS_SESSION_TOKEN";

  /** How inputs taken from the environment are labelled; {@link CredentialResolver} reads it. */
  static final String ENVIRONMENT_LABEL_PREFIX = "environment variable ";

  /** An object key has at most 1023 bytes; leave at least one for the file name. */
  static final int MAX_PREFIX_BYTES = 1022;

  private DestinationRules() {}

  /** Fills empty destination credentials from the environment, before values are typed. */
  static void fillCredentialsFromEnvironment(
      ConfigInputs inputs, ConfigInputs.Resolved resolved, Map<String, String> environment) {
    fill(inputs, resolved, environment, DEST_ACCESS_KEY, ACCESS_KEY_ID_VARIABLE);
    boolean secretFilled =
        fill(inputs, resolved, environment, DEST_SECRET_KEY, ACCESS_KEY_SECRET_VARIABLE);
    if (secretFilled) {
      fill(inputs, resolved, environment, DEST_SECURITY_TOKEN, SESSION_TOKEN_VARIABLE);
    }
  }

  /** Whether the key was empty and the environment variable set, so the key now holds it. */
  private static boolean fill(
      ConfigInputs inputs,
      ConfigInputs.Resolved resolved,
      Map<String, String> environment,
      ConfigKey key,
      String variable) {
    RawEntry entry = resolved.byKey.get(key.name());
    String fromEnvironment = environment.get(variable);
    if ((entry == null || ConfigFileParser.trim(entry.value()).isEmpty())
        && fromEnvironment != null
        && !fromEnvironment.trim().isEmpty()) {
      String label = ENVIRONMENT_LABEL_PREFIX + variable;
      Origin origin = new Origin(label, 0, inputs.nextInput(label));
      resolved.byKey.put(key.name(), new RawEntry(key.name(), fromEnvironment.trim(), origin));
      return true;
    }
    return false;
  }

  static void check(ConfigValues v) {
    requireCredential(v, DEST_ACCESS_KEY, ACCESS_KEY_ID_VARIABLE, "<AccessKey id>");
    requireCredential(v, DEST_SECRET_KEY, ACCESS_KEY_SECRET_VARIABLE, "<AccessKey secret>");
    checkBucket(v);
    checkEndpoint(v);
    checkPrefix(v);
  }

  private static void requireCredential(
      ConfigValues v, ConfigKey key, String variable, String placeholder) {
    if (!v.isSet(key)) {
      v.missing(
          key,
          "is not set, and neither is the environment variable " + variable,
          "set " + key.name() + "=" + placeholder + " or export " + variable);
    }
  }

  private static void checkBucket(ConfigValues v) {
    if (!v.isSet(DEST_BUCKET)) {
      v.missing(
          DEST_BUCKET, "set destBucket=<bucket name>, the name only, e.g. destBucket=mybucket");
      return;
    }
    OssNames.Issue issue = OssNames.bucketIssue("destBucket", v.text(DEST_BUCKET), "destPrefix");
    if (issue != null) {
      v.problem(DEST_BUCKET, issue.message, issue.fix);
    }
  }

  private static void checkEndpoint(ConfigValues v) {
    if (!v.isSet(DEST_DOMAIN)) {
      v.missing(
          DEST_DOMAIN,
          "set it to the OSS endpoint of the bucket's region, e.g. destDomain="
              + OssNames.EXAMPLE_ENDPOINT
              + " (the -internal endpoint from an ECS instance in the same region)");
      return;
    }
    String bucket = v.isSet(DEST_BUCKET) && v.allValid(DEST_BUCKET) ? v.text(DEST_BUCKET) : "";
    OssNames.Issue issue =
        OssNames.endpointIssue("destDomain", v.text(DEST_DOMAIN), bucket, "destBucket");
    if (issue != null) {
      v.problem(DEST_DOMAIN, issue.message, issue.fix);
    }
  }

  private static void checkPrefix(ConfigValues v) {
    String prefix = v.text(DEST_PREFIX);
    if (prefix.isEmpty()) {
      return;
    }
    if (prefix.startsWith("/") || prefix.startsWith("\\")) {
      String fixed = prefix.replaceFirst("^[/\\\\]+", "");
      v.problem(
          DEST_PREFIX,
          "must not start with '/' or '\\' (OSS answers: the object key is invalid)",
          "remove the leading slash, e.g. destPrefix=" + fixed);
    } else if (hasControlCharacter(prefix)) {
      v.problem(
          DEST_PREFIX,
          "must not contain control characters such as tabs or line breaks",
          "remove them");
    } else if (prefix.getBytes(StandardCharsets.UTF_8).length > MAX_PREFIX_BYTES) {
      v.problem(
          DEST_PREFIX,
          "is longer than " + MAX_PREFIX_BYTES + " bytes (an object key has at most 1023)",
          "use a shorter prefix");
    } else if (prefix.contains("\\")) {
      v.warning(
          DEST_PREFIX,
          "contains '\\', which becomes part of object names (OSS folders are separated by '/')",
          "write destPrefix=" + prefix.replace('\\', '/'));
    } else if (!prefix.endsWith("/")) {
      v.warning(
          DEST_PREFIX,
          "does not end with '/', so it is glued to each file name (" + prefix + "file.txt)",
          "write destPrefix=" + prefix + "/ to upload into a folder");
    }
  }

  private static boolean hasControlCharacter(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (Character.isISOControl(s.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
