package io.ossimport.ant;

import io.ossimport.core.api.SuppliedCredentials;
import org.apache.tools.ant.Project;

/**
 * The destination credentials of a task, first found wins: the {@code accesskeyid} / {@code
 * accesskeysecret} / {@code securitytoken} attributes, the Ant properties {@code
 * ossimport.accesskeyid} / {@code ossimport.accesskeysecret} / {@code ossimport.securitytoken},
 * then (in the core) the job configuration's {@code destAccessKey} / {@code destSecretKey} / {@code
 * destSecurityToken} and the environment variables {@code OSS_ACCESS_KEY_ID} / {@code
 * OSS_ACCESS_KEY_SECRET} / {@code OSS_SESSION_TOKEN}. The job tree keeps no secret, so every task
 * (start, retry and clean too) gives the attributes or properties to the core again: set them as
 * properties for the whole build.
 */
final class AntCredentials {
  static final String ACCESS_KEY_ID_PROPERTY = "ossimport.accesskeyid";
  static final String ACCESS_KEY_SECRET_PROPERTY = "ossimport.accesskeysecret";
  static final String SECURITY_TOKEN_PROPERTY = "ossimport.securitytoken";

  /** The origin under which the Ant credentials are supplied to the core. */
  static final String ORIGIN = "ant-credentials";

  private AntCredentials() {}

  /** The attributes (each may be null), else the properties of {@code project}. */
  static SuppliedCredentials of(Project project, String id, String secret, String token) {
    return SuppliedCredentials.builder()
        .supply(ORIGIN, "destAccessKey", firstSet(project, id, ACCESS_KEY_ID_PROPERTY))
        .supply(ORIGIN, "destSecretKey", firstSet(project, secret, ACCESS_KEY_SECRET_PROPERTY))
        .supply(ORIGIN, "destSecurityToken", firstSet(project, token, SECURITY_TOKEN_PROPERTY))
        .build();
  }

  private static String firstSet(Project project, String attribute, String property) {
    if (attribute != null && !attribute.isEmpty()) {
      return attribute;
    }
    String value = project.getProperty(property);
    return value != null && !value.isEmpty() ? value : null;
  }
}
