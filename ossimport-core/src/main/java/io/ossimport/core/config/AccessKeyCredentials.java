package io.ossimport.core.config;

/**
 * One side's AccessKey as a client needs it: the id, the secret and, for STS temporary credentials,
 * the security token (empty otherwise). {@link #toString()} shows the id only.
 */
public final class AccessKeyCredentials {
  private final String accessKeyId;
  private final Secret secret;
  private final Secret securityToken;

  public AccessKeyCredentials(String accessKeyId, Secret secret, Secret securityToken) {
    this.accessKeyId = accessKeyId;
    this.secret = secret;
    this.securityToken = securityToken;
  }

  public String accessKeyId() {
    return accessKeyId;
  }

  public Secret secret() {
    return secret;
  }

  /** Empty for a permanent AccessKey. */
  public Secret securityToken() {
    return securityToken;
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AccessKeyCredentials)) {
      return false;
    }
    AccessKeyCredentials c = (AccessKeyCredentials) o;
    return c.accessKeyId.equals(accessKeyId)
        && c.secret.equals(secret)
        && c.securityToken.equals(securityToken);
  }

  @Override
  public int hashCode() {
    return accessKeyId.hashCode() * 31 + secret.hashCode();
  }

  /** The id and whether a token is set; never a secret. */
  @Override
  public String toString() {
    return accessKeyId + (securityToken.isEmpty() ? "" : " (STS token " + Secret.MASK + ")");
  }
}
