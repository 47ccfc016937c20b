package io.ossimport.core.config;

import io.ossimport.core.api.SuppliedCredentials;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Finds a secret again where it came from at submit. The frozen job ({@link CanonicalJobConfig},
 * format 2) holds, for each secret key, only a reference to its origin:
 *
 * <ul>
 *   <li>{@code @file:/abs/local_job.cfg}: the key is read again from that job file;
 *   <li>{@code @environment:OSS_ACCESS_KEY_SECRET}: from that variable of this process;
 *   <li>{@code @supplied:maven-server:oss-dest}: from what the front end supplies under that origin
 *       ({@link SuppliedCredentials}).
 * </ul>
 *
 * <p>The AccessKey id goes with its secret: when the secret's origin is a file or a supplied origin
 * that also sets the id key, that id replaces the frozen one, so STS credentials (whose id changes
 * with every token) rewritten by a refresher stay consistent.
 *
 * <p>Every start, retry-then-start and clean resolves anew, so a secret fixed at its origin takes
 * effect at the next start; a missing one is one message naming the origin and the fix.
 */
public final class CredentialResolver {
  static final String FILE = "@file:";
  static final String ENVIRONMENT = "@environment:";
  static final String SUPPLIED = "@supplied:";

  private static final CredentialResolver PLACEHOLDERS =
      new CredentialResolver(Collections.<String, String>emptyMap(), SuppliedCredentials.none());

  private final Map<String, String> environment;
  private final SuppliedCredentials supplied;

  /** Resolves from {@code environment} (this process's, or a test's) and {@code supplied}. */
  public CredentialResolver(Map<String, String> environment, SuppliedCredentials supplied) {
    this.environment = Collections.unmodifiableMap(new LinkedHashMap<String, String>(environment));
    this.supplied = supplied;
  }

  /** A resolver with no environment and nothing supplied: only file origins resolve. */
  public static CredentialResolver none() {
    return new CredentialResolver(
        Collections.<String, String>emptyMap(), SuppliedCredentials.none());
  }

  /**
   * A resolver that resolves nothing and puts a placeholder in place of each secret: for reading
   * what a frozen job says apart from its credentials (its type, for {@code stat}).
   */
  public static CredentialResolver placeholders() {
    return PLACEHOLDERS;
  }

  /** The environment secrets are resolved from (also where the proxy variables are read). */
  Map<String, String> environment() {
    return environment;
  }

  boolean isPlaceholders() {
    return this == PLACEHOLDERS;
  }

  /** Whether {@code value} of a format-2 secret line is a reference (every non-empty one is). */
  static boolean isReference(String value) {
    return value.startsWith(FILE) || value.startsWith(ENVIRONMENT) || value.startsWith(SUPPLIED);
  }

  /** The reference to write for a value whose input had {@code label}; null if none applies. */
  static String referenceFor(String label, Map<String, String> referencesByLabel) {
    String known = referencesByLabel.get(label);
    if (known != null) {
      return known;
    }
    if (label.startsWith(DestinationRules.ENVIRONMENT_LABEL_PREFIX)) {
      return ENVIRONMENT + label.substring(DestinationRules.ENVIRONMENT_LABEL_PREFIX.length());
    }
    return null;
  }

  /**
   * A reference in words for an operator, e.g. {@code the environment variable
   * OSS_ACCESS_KEY_SECRET}; null for a value that is no reference (a job frozen in format 1).
   */
  public static String describeReference(String reference) {
    if (reference.startsWith(FILE)) {
      return "the job file " + reference.substring(FILE.length());
    }
    if (reference.startsWith(ENVIRONMENT)) {
      return "the environment variable " + reference.substring(ENVIRONMENT.length());
    }
    if (reference.startsWith(SUPPLIED)) {
      return describeOrigin(reference.substring(SUPPLIED.length()));
    }
    return null;
  }

  /** The reference of a job file. */
  static String fileReference(Path file) {
    return FILE + file.toAbsolutePath().normalize();
  }

  /** The reference of a supplied origin. */
  static String suppliedReference(String origin) {
    return SUPPLIED + origin;
  }

  /** The outcome of resolving one reference: a value, or a problem with its fix. */
  static final class Resolution {
    final String value;
    final String problem;
    final String fix;

    private Resolution(String value, String problem, String fix) {
      this.value = value;
      this.problem = problem;
      this.fix = fix;
    }

    static Resolution of(String value) {
      return new Resolution(value, null, null);
    }

    static Resolution problem(String problem, String fix) {
      return new Resolution(null, problem, fix);
    }
  }

  /** The clear value of secret {@code key} from {@code reference}. */
  Resolution resolve(String key, String reference) {
    if (isPlaceholders()) {
      return Resolution.of("unresolved");
    }
    if (reference.startsWith(FILE)) {
      String file = reference.substring(FILE.length());
      FileKeys keys = FileKeys.read(Paths.get(file));
      if (keys.problem != null) {
        return Resolution.problem(
            "came from " + file + " at submit, which " + keys.problem + " now",
            "restore " + file + " (the job reads " + key + " from there at each start)");
      }
      String value = keys.values.get(key);
      if (value == null) {
        return Resolution.problem(
            "came from " + file + " at submit, which no longer sets it",
            "set " + key + " in " + file + " again");
      }
      return Resolution.of(value);
    }
    if (reference.startsWith(ENVIRONMENT)) {
      String variable = reference.substring(ENVIRONMENT.length());
      String value = environment.get(variable);
      if (value == null || value.trim().isEmpty()) {
        return Resolution.problem(
            "came from the environment variable " + variable + " at submit, which is not set now",
            "export " + variable + " again in the shell that runs start");
      }
      return Resolution.of(value.trim());
    }
    if (reference.startsWith(SUPPLIED)) {
      String origin = reference.substring(SUPPLIED.length());
      String value = supplied.value(origin, key);
      if (value == null) {
        return Resolution.problem(
            "came from " + describeOrigin(origin) + " at submit, which is not given now",
            suppliedFix(origin, key));
      }
      return Resolution.of(value);
    }
    return Resolution.problem(
        "holds an unknown reference (the frozen job is damaged)", "submit the job again");
  }

  /**
   * The value of the AccessKey id key {@code idKey} at the origin of its secret ({@code
   * secretReference}), or null when that origin does not set it (the frozen id stays).
   */
  String companionId(String secretReference, String idKey) {
    if (isPlaceholders()) {
      return null;
    }
    if (secretReference.startsWith(FILE)) {
      FileKeys keys = FileKeys.read(Paths.get(secretReference.substring(FILE.length())));
      return keys.values.get(idKey);
    }
    if (secretReference.startsWith(SUPPLIED)) {
      return supplied.value(secretReference.substring(SUPPLIED.length()), idKey);
    }
    return null;
  }

  private static String describeOrigin(String origin) {
    if (origin.startsWith("maven-server:")) {
      return "the settings.xml <server> " + origin.substring("maven-server:".length());
    }
    if (origin.startsWith("ant")) {
      return "the Ant accesskeysecret attribute or ossimport.accesskeysecret property";
    }
    if (origin.equals(SuppliedCredentials.INLINE)) {
      return "the inline keys of submit";
    }
    return "the front end's credentials '" + origin + "'";
  }

  private static String suppliedFix(String origin, String key) {
    if (origin.startsWith("maven-server:")) {
      String id = origin.substring("maven-server:".length());
      return "run the goal with <serverId>"
          + id
          + "</serverId> (or -Dossimport.serverId="
          + id
          + ") and a settings.xml holding that <server>";
    }
    if (origin.startsWith("ant")) {
      return "give the task accesskeyid and accesskeysecret (or the properties"
          + " ossimport.accesskeyid and ossimport.accesskeysecret) again";
    }
    return "supply "
        + key
        + " under the origin '"
        + origin
        + "' to OssImport.open (SuppliedCredentials) at each operation, or put it in the job"
        + " file or the environment and submit the job again";
  }

  /** The keys of a job file as the loader would resolve them (aliases, last one wins). */
  private static final class FileKeys {
    final Map<String, String> values;
    final String problem;

    private FileKeys(Map<String, String> values, String problem) {
      this.values = values;
      this.problem = problem;
    }

    static FileKeys read(Path file) {
      Findings findings = new Findings();
      ConfigInputs inputs = new ConfigInputs(JobKeys.CATALOGUE, SysKeys.CATALOGUE, findings);
      if (!inputs.addFile(file)) {
        return new FileKeys(
            Collections.<String, String>emptyMap(),
            findings.problems().isEmpty()
                ? "cannot be read"
                : findings.problems().get(0).message().replaceFirst("^the file ", ""));
      }
      Map<String, String> values = new LinkedHashMap<>();
      for (Map.Entry<String, RawEntry> e : inputs.resolve().byKey.entrySet()) {
        String raw = e.getValue().value();
        if (!ConfigFileParser.trim(raw).isEmpty()) {
          values.put(e.getKey(), raw);
        }
      }
      return new FileKeys(values, null);
    }
  }
}
