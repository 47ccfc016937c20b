package io.ossimport.core.config;

import io.ossimport.core.api.ConfigurationException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The canonical text of an effective job configuration, frozen into the job tree at submit so that
 * a job keeps running with the configuration it was submitted with, and its digest for the JOB
 * record.
 *
 * <p>Format: a header line, then one {@code key=value} line per key of the catalogue, sorted by
 * key, LF line ends, UTF-8. Values are written canonically (sizes as {@code 150m}, booleans in
 * lower case) and escaped so that any string survives: {@code \\}, {@code \n}, {@code \r}, {@code
 * \t}, and {@code \}{@code uXXXX} for other control characters, unpaired surrogates and blanks at
 * either end. {@code =} and {@code #} need no escape: a line splits at its first {@code =} and only
 * lines starting with {@code #} are comments.
 *
 * <p>Format 2 (written by submit) holds no secret: each secret key that is set holds the
 * reference to its origin instead ({@code destSecretKey=@file:/abs/local_job.cfg}, {@code
 * @environment:OSS_ACCESS_KEY_SECRET}, {@code @supplied:maven-server:oss-dest}), and {@link
 * #read(String, String, CredentialResolver)} resolves it anew each time. Format 1 (earlier
 * versions) held the secrets themselves; it is still read, so that existing job trees keep
 * working. The digest covers only the non-secret lines, so rotating a key does not change it.
 */
public final class CanonicalJobConfig {
  /** First line of format 2; names the format version. */
  public static final String HEADER =
      "# ossimport job configuration, canonical format 2 (secrets are references to their"
          + " origin, read again at each start)";

  /** First line of format 1, which held the secrets themselves. */
  public static final String HEADER_FORMAT_1 =
      "# ossimport job configuration, canonical format 1 (holds secrets: keep owner-only)";

  private CanonicalJobConfig() {}

  /**
   * Format 1, secrets included, as earlier versions froze jobs. Submit no longer writes it; tests
   * use it to build job trees of earlier versions.
   */
  public static String write(JobConfig config) {
    return HEADER_FORMAT_1 + "\n" + lines(config, true);
  }

  /**
   * Format 2: the canonical text with each set secret replaced by the reference to where it came
   * from ({@link LoadedConfig#credentialReferences()}).
   *
   * @throws IllegalArgumentException if a set secret has no known origin (a bug of the caller)
   */
  public static String write(LoadedConfig<JobConfig> loaded) {
    Map<String, String> references = loaded.credentialReferences();
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    for (Map.Entry<String, Object> e : loaded.config().values().entrySet()) {
      Object value = e.getValue();
      String text;
      if (value instanceof Secret) {
        if (((Secret) value).isEmpty()) {
          text = "";
        } else {
          text = references.get(e.getKey());
          if (text == null) {
            throw new IllegalArgumentException("no origin known for " + e.getKey());
          }
        }
      } else {
        text = String.valueOf(value);
      }
      out.append(e.getKey()).append('=').append(escape(text)).append('\n');
    }
    return out.toString();
  }

  /** The non-secret canonical lines ({@link JobConfig#describe()}). */
  static String describe(JobConfig config) {
    return lines(config, false);
  }

  /** Lower-case hex SHA-256 of the canonical lines without secrets. */
  public static String digest(JobConfig config) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] hash = sha.digest(describe(config).getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(hash.length * 2);
      for (byte b : hash) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  /**
   * Reads canonical text back without resolving secrets: format 1 as written, format 2 with a
   * placeholder for each secret. For what a job says apart from its credentials.
   */
  public static JobConfig read(String text, String label) throws ConfigurationException {
    return read(text, label, CredentialResolver.placeholders());
  }

  /**
   * Reads canonical text back and validates it as a job file would be (without the environment
   * fallback: the text names the origins). In format 2 each secret is resolved from its origin by
   * {@code resolver}, and the AccessKey id goes with it ({@link CredentialResolver}); a secret that
   * cannot be found is a problem naming the origin and the fix.
   *
   * @param label how problems name the text, e.g. the frozen file's path
   */
  public static JobConfig read(String text, String label, CredentialResolver resolver)
      throws ConfigurationException {
    Findings findings = new Findings();
    ConfigInputs inputs = new ConfigInputs(JobKeys.CATALOGUE, SysKeys.CATALOGUE, findings);
    int order = inputs.nextInput(label);
    String[] lines = text.split("\n", -1);
    boolean format2 = lines.length > 0 && lines[0].equals(HEADER);
    if (!format2 && (lines.length == 0 || !lines[0].equals(HEADER_FORMAT_1))) {
      findings.problem(
          new Origin(label, 1, order),
          "",
          null,
          "is not an ossimport canonical job configuration (format 1 or 2)",
          "submit the job again from its local_job.cfg");
      findings.throwIfProblems();
    }
    List<RawEntry> entries = new ArrayList<RawEntry>();
    for (int i = 1; i < lines.length; i++) {
      String line = lines[i];
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      Origin origin = new Origin(label, i + 1, order);
      int equals = line.indexOf('=');
      String key = equals < 0 ? "" : line.substring(0, equals);
      try {
        if (equals < 0) {
          throw new IllegalArgumentException("no '='");
        }
        entries.add(new RawEntry(key, unescape(line.substring(equals + 1)), origin));
      } catch (IllegalArgumentException e) {
        findings.problem(
            origin,
            key,
            null,
            "this line is damaged (" + e.getMessage() + ")",
            "submit the job again");
      }
    }
    Map<String, String> references = new LinkedHashMap<String, String>();
    if (format2) {
      entries = resolveSecrets(entries, resolver, findings, references);
    }
    inputs.addEntries(label, entries);
    JobConfig config =
        JobConfigLoader.validateFrozen(inputs, findings, resolver.environment()).config();
    return references.isEmpty()
        ? config
        : config.withFrozenCredentials(new FrozenCredentials(references, resolver));
  }

  /** Format 2: each secret reference replaced by its value, each id by the one at its origin. */
  private static List<RawEntry> resolveSecrets(
      List<RawEntry> entries,
      CredentialResolver resolver,
      Findings findings,
      Map<String, String> references) {
    List<RawEntry> out = new ArrayList<RawEntry>(entries.size());
    for (RawEntry entry : entries) {
      ConfigKey key = JobKeys.CATALOGUE.byName(entry.key());
      if (key == null || !key.isSecret() || entry.value().isEmpty()) {
        out.add(entry);
        continue;
      }
      if (!CredentialResolver.isReference(entry.value())) {
        findings.problem(
            entry.origin(),
            entry.key(),
            null,
            "holds no reference to its origin (the frozen job is damaged)",
            "submit the job again");
        continue;
      }
      references.put(key.name(), entry.value());
      CredentialResolver.Resolution r = resolver.resolve(key.name(), entry.value());
      if (r.value == null) {
        findings.problem(entry.origin(), entry.key(), null, r.problem, r.fix);
        continue;
      }
      out.add(new RawEntry(entry.key(), r.value, entry.origin()));
    }
    for (String[] side : ID_AND_SECRET) {
      String secretReference = references.get(side[1]);
      String id = secretReference == null ? null : resolver.companionId(secretReference, side[0]);
      if (id != null) {
        for (int i = 0; i < out.size(); i++) {
          if (out.get(i).key().equals(side[0])) {
            out.set(i, new RawEntry(side[0], id, out.get(i).origin()));
          }
        }
      }
    }
    return out;
  }

  private static final String[][] ID_AND_SECRET = {
    {JobKeys.DEST_ACCESS_KEY.name(), JobKeys.DEST_SECRET_KEY.name()},
    {JobKeys.SRC_ACCESS_KEY.name(), JobKeys.SRC_SECRET_KEY.name()}
  };

  private static String lines(JobConfig config, boolean withSecrets) {
    StringBuilder out = new StringBuilder();
    for (Map.Entry<String, Object> e : config.values().entrySet()) {
      if (e.getValue() instanceof Secret && !withSecrets) {
        continue;
      }
      out.append(e.getKey()).append('=').append(escape(format(e.getValue()))).append('\n');
    }
    return out.toString();
  }

  private static String format(Object value) {
    return value instanceof Secret ? ((Secret) value).reveal() : String.valueOf(value);
  }

  static String escape(String s) {
    StringBuilder out = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean atEdge = i == 0 || i == s.length() - 1;
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\n') {
        out.append("\\n");
      } else if (c == '\r') {
        out.append("\\r");
      } else if (c == '\t') {
        out.append("\\t");
      } else if (Character.isISOControl(c)
          || c == '\u2028'
          || c == '\u2029'
          || isUnpairedSurrogate(s, i)
          || (atEdge && ConfigFileParser.isBlank(c))) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static boolean isUnpairedSurrogate(String s, int i) {
    char c = s.charAt(i);
    if (Character.isHighSurrogate(c)) {
      return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
    }
    if (Character.isLowSurrogate(c)) {
      return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
    }
    return false;
  }

  static String unescape(String s) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      if (++i >= s.length()) {
        throw new IllegalArgumentException("a lone '\\' at the end");
      }
      char e = s.charAt(i);
      if (e == '\\') {
        out.append('\\');
      } else if (e == 'n') {
        out.append('\n');
      } else if (e == 'r') {
        out.append('\r');
      } else if (e == 't') {
        out.append('\t');
      } else if (e == 'u' && i + 4 < s.length() && isHex(s.substring(i + 1, i + 5))) {
        out.append((char) Integer.parseInt(s.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        throw new IllegalArgumentException("an unknown escape after '\\'");
      }
    }
    return out.toString();
  }

  private static boolean isHex(String s) {
    return s.matches("[0-9a-fA-F]{4}");
  }
}
