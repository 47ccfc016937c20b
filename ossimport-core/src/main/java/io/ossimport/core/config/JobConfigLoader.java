package io.ossimport.core.config;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.SuppliedCredentials;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads and validates a job configuration ({@code local_job.cfg}) from a file, from inline
 * parameters (the Maven plugin and the Ant task), or from a file overridden by inline parameters.
 * Every problem is collected and thrown together.
 *
 * <p>The environment is a parameter (not {@link System#getenv()}) so that tests can inject it:
 * empty {@code destAccessKey} and {@code destSecretKey} are taken from {@code OSS_ACCESS_KEY_ID}
 * and {@code OSS_ACCESS_KEY_SECRET}.
 */
public final class JobConfigLoader {
  private final Map<String, String> environment;

  /** A loader that reads credentials from {@code environment} when the file has none. */
  public JobConfigLoader(Map<String, String> environment) {
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<String, String>(environment));
  }

  /** A loader over this process's environment. */
  public static JobConfigLoader withSystemEnvironment() {
    return new JobConfigLoader(System.getenv());
  }

  /** Loads a job file. Problems name the file as {@code file.toString()} shows it. */
  public LoadedConfig<JobConfig> load(Path file) throws ConfigurationException {
    return load(file, Collections.<String, String>emptyMap(), "");
  }

  /**
   * Loads a job file, then applies inline keys over it.
   *
   * @param overrides key to value; a key here replaces the file's (values are taken as given)
   * @param overridesLabel how problems name the overrides, e.g. {@code pom.xml <configuration>}
   */
  public LoadedConfig<JobConfig> load(
      Path file, Map<String, String> overrides, String overridesLabel)
      throws ConfigurationException {
    return load(file, overrides, overridesLabel, SuppliedCredentials.none());
  }

  /**
   * Loads a job from inline keys only (no file).
   *
   * @param label how problems name the source of the keys
   */
  public LoadedConfig<JobConfig> load(Map<String, String> keys, String label)
      throws ConfigurationException {
    return load(null, keys, label, SuppliedCredentials.none());
  }

  /**
   * Loads a job file (or none), inline keys over it, then the credentials a front end supplies over
   * both. {@link LoadedConfig#credentialReferences()} says where each secret came from: the file,
   * the environment, the supplied origin, or {@link SuppliedCredentials#INLINE} for an inline one.
   *
   * @param fileOrNull the job file, or null for inline keys only
   * @param overridesLabel how problems name the overrides
   */
  public LoadedConfig<JobConfig> load(
      Path fileOrNull,
      Map<String, String> overrides,
      String overridesLabel,
      SuppliedCredentials supplied)
      throws ConfigurationException {
    Findings findings = new Findings();
    ConfigInputs inputs = new ConfigInputs(JobKeys.CATALOGUE, SysKeys.CATALOGUE, findings);
    Map<String, String> references = new LinkedHashMap<String, String>();
    if (fileOrNull != null) {
      if (!inputs.addFile(fileOrNull)) {
        findings.throwIfProblems();
      }
      references.put(fileOrNull.toString(), CredentialResolver.fileReference(fileOrNull));
    }
    if (fileOrNull == null || !overrides.isEmpty()) {
      inputs.addMap(overrides, overridesLabel);
      references.put(
          overridesLabel, CredentialResolver.suppliedReference(SuppliedCredentials.INLINE));
    }
    for (String origin : supplied.origins()) {
      String label = SUPPLIED_LABEL_PREFIX + origin;
      inputs.addMap(supplied.keys(origin), label);
      references.put(label, CredentialResolver.suppliedReference(origin));
    }
    return validate(inputs, findings, environment, environment, references);
  }

  /** How problems name the supplied credentials of one origin. */
  static final String SUPPLIED_LABEL_PREFIX = "credentials supplied by ";

  /** Resolves, types and checks gathered inputs; shared with {@link CanonicalJobConfig}. */
  static LoadedConfig<JobConfig> validate(
      ConfigInputs inputs, Findings findings, Map<String, String> environment)
      throws ConfigurationException {
    return validate(
        inputs, findings, environment, environment, Collections.<String, String>emptyMap());
  }

  /**
   * As {@link #validate(ConfigInputs, Findings, Map)} for a frozen job: no credential comes from
   * the environment (the text names the origins), but the proxy variables do.
   */
  static LoadedConfig<JobConfig> validateFrozen(
      ConfigInputs inputs, Findings findings, Map<String, String> networkEnvironment)
      throws ConfigurationException {
    return validate(
        inputs,
        findings,
        Collections.<String, String>emptyMap(),
        networkEnvironment,
        Collections.<String, String>emptyMap());
  }

  private static LoadedConfig<JobConfig> validate(
      ConfigInputs inputs,
      Findings findings,
      Map<String, String> environment,
      Map<String, String> networkEnvironment,
      Map<String, String> referencesByLabel)
      throws ConfigurationException {
    ConfigInputs.Resolved resolved = inputs.resolve();
    DestinationRules.fillCredentialsFromEnvironment(inputs, resolved, environment);
    ConfigValues values = new ConfigValues(JobKeys.CATALOGUE, resolved, findings);
    JobControlRules.check(values);
    SourceRules.check(values);
    DestinationRules.check(values);
    TransferRules.check(values);
    FilterRules.check(values);
    AttributeRules.check(values);
    NetworkRules.check(values, findings, networkEnvironment);
    findings.throwIfProblems();
    Map<String, String> credentialReferences = new LinkedHashMap<String, String>();
    for (ConfigKey key : JobKeys.CATALOGUE.keys()) {
      RawEntry entry = resolved.byKey.get(key.name());
      if (key.isSecret() && entry != null && !ConfigFileParser.trim(entry.value()).isEmpty()) {
        String reference =
            CredentialResolver.referenceFor(entry.origin().label(), referencesByLabel);
        if (reference != null) {
          credentialReferences.put(key.name(), reference);
        }
      }
    }
    return new LoadedConfig<JobConfig>(
        new JobConfig(values.snapshot(), networkEnvironment),
        findings.warnings(),
        credentialReferences);
  }
}
