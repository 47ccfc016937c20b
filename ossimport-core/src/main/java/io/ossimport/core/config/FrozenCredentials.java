package io.ossimport.core.config;

import io.ossimport.core.api.ConfigurationException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The origins of a frozen job's secrets with the resolver that reads them, kept by the {@link
 * JobConfig} read from the job tree so that a client can read its credentials again when OSS says
 * the security token expired.
 */
final class FrozenCredentials {
  private final Map<String, String> references;
  private final CredentialResolver resolver;

  FrozenCredentials(Map<String, String> references, CredentialResolver resolver) {
    this.references = Collections.unmodifiableMap(new LinkedHashMap<String, String>(references));
    this.resolver = resolver;
  }

  /**
   * The side's credentials read again from their origins; what cannot be read again stays as in
   * {@code current}.
   *
   * @throws ConfigurationException when the secret's origin no longer has it
   */
  AccessKeyCredentials reread(
      AccessKeyCredentials current, ConfigKey idKey, ConfigKey secretKey, ConfigKey tokenKey)
      throws ConfigurationException {
    String secretRef = references.get(secretKey.name());
    if (secretRef == null) {
      return current;
    }
    Secret secret = Secret.of(resolveOrThrow(secretKey, secretRef));
    String tokenRef = references.get(tokenKey.name());
    Secret token =
        tokenRef == null ? current.securityToken() : Secret.of(resolveOrThrow(tokenKey, tokenRef));
    String id = resolver.companionId(secretRef, idKey.name());
    return new AccessKeyCredentials(
        id == null ? current.accessKeyId() : ConfigFileParser.trim(id), secret, token);
  }

  private String resolveOrThrow(ConfigKey key, String reference) throws ConfigurationException {
    CredentialResolver.Resolution r = resolver.resolve(key.name(), reference);
    if (r.value == null) {
      Findings findings = new Findings();
      findings.problem(Origin.unset("the job's credentials"), key.name(), null, r.problem, r.fix);
      findings.throwIfProblems();
    }
    return r.value;
  }
}
