package io.ossimport.core.config;

/**
 * Renders {@code docs/CONFIGURATION.md} from the key catalogues, so that the documentation cannot
 * drift from what the loader accepts. A unit test fails when the checked-in file differs.
 */
public final class ConfigReference {
  private static final String INTRO =
      "# Configuration reference\n"
          + "\n"
          + "Generated from the key catalogues (`JobKeys`, `SysKeys` in `io.ossimport.core.config`)"
          + " by\n"
          + "`ConfigReference`; do not edit by hand. `ConfigReferenceTest` fails when this file is"
          + " stale;\n"
          + "regenerate it with\n"
          + "`mvn -q -pl ossimport-core test -Dtest=ConfigReferenceTest"
          + " -Dossimport.writeConfigDocs=true`.\n"
          + "\n"
          + "Two files, with the key names, meanings and defaults of Alibaba Cloud ossimport 2.x"
          + " (the\n"
          + "reference is `shared/reference/ossimport.md`; section numbers below point into it):\n"
          + "\n"
          + "- `conf/local_job.cfg` (distributed: `conf/job.cfg`): the job. Frozen at submit.\n"
          + "- `conf/sys.properties`: the service. Read at start.\n"
          + "\n"
          + "## File format\n"
          + "\n"
          + "- UTF-8; a byte-order mark is skipped. A line that is not valid UTF-8 is ignored if"
          + " it is a\n"
          + "  comment (old files with GBK comments still load) and is a problem otherwise.\n"
          + "- Lines end with LF, CRLF or CR. Blank lines and lines whose first non-blank"
          + " character is `#`\n"
          + "  are comments. A `#` later in a line is part of the value.\n"
          + "- `key=value`: the key is everything before the first `=`, the value everything"
          + " after it;\n"
          + "  both are trimmed of surrounding blanks (the shipped samples have trailing"
          + " spaces).\n"
          + "- Not `java.util.Properties`: backslashes are literal (no escapes, no continuation"
          + " lines), and\n"
          + "  `:` or a blank do not separate key and value. So `srcPrefix=C:\\data\\` and the key\n"
          + "  `workerMaxThroughput(KB/s)` work as written. A non-comment line without `=` is a"
          + " problem.\n"
          + "- Keys are case-sensitive. A missing key, or a key with an empty value, takes its"
          + " default\n"
          + "  (the original crashed with a NullPointerException). A key set twice: the last"
          + " line wins,\n"
          + "  with a warning.\n"
          + "- An unknown key is a warning naming the closest known key (edit distance), or the"
          + " other file\n"
          + "  if the key belongs there; it is ignored.\n"
          + "- Inline keys (Maven plugin, Ant task) override the file's keys; their values are"
          + " taken as\n"
          + "  given.\n"
          + "- Sizes: bytes, or a whole number with `k`, `m` or `g` (any case, optional `b`):"
          + " `500k`,\n"
          + "  `50m`, `5g`. Units are powers of 1024.\n"
          + "- Booleans: `true` or `false`, any case. Choices (`srcType`, `jobType`, ...) are"
          + " case-sensitive.\n"
          + "\n"
          + "## Problems and warnings\n"
          + "\n"
          + "Every problem is reported at once, in file order, one line each:\n"
          + "`file[:line]: key[='value']: what is wrong; how to fix it`. Secret values are shown"
          + " as `****`.\n"
          + "Any problem stops the load; warnings do not.\n"
          + "\n"
          + "## Credentials and secrets\n"
          + "\n"
          + "- Empty `destAccessKey` / `destSecretKey` are taken from the environment variables\n"
          + "  `OSS_ACCESS_KEY_ID` / `OSS_ACCESS_KEY_SECRET`; if those are empty too, the"
          + " problem names both.\n"
          + "- An empty `destSecurityToken` is taken from `OSS_SESSION_TOKEN` when"
          + " `destSecretKey`\n"
          + "  comes from the environment too (a token belongs to the secret it was issued"
          + " with).\n"
          + "- Secret keys (type *secret* below) never appear in problems, warnings, exception"
          + " messages,\n"
          + "  `toString()` or `describe()`, nor in the job tree: the frozen job configuration"
          + " records\n"
          + "  only where each secret came from (the job file, an environment variable, the"
          + " front end),\n"
          + "  and every start, retry-then-start and clean reads it there again (docs/JOB-TREE.md"
          + " §3.2).\n"
          + "- The JOB record carries the hex SHA-256 of the canonical configuration without"
          + " secrets.\n";

  private ConfigReference() {}

  /** The whole document. */
  public static String markdown() {
    StringBuilder out = new StringBuilder(INTRO);
    section(out, "conf/local_job.cfg", JobKeys.CATALOGUE);
    section(out, "conf/sys.properties", SysKeys.CATALOGUE);
    return out.toString();
  }

  private static void section(StringBuilder out, String file, KeyCatalogue catalogue) {
    out.append("\n## `").append(file).append("`\n");
    String group = null;
    for (ConfigKey key : catalogue.keys()) {
      if (!key.group().equals(group)) {
        group = key.group();
        out.append("\n### ").append(group).append("\n");
      }
      out.append("\n#### `").append(key.name()).append("`\n\n");
      out.append("- Meaning: ").append(prose(key.description())).append('\n');
      out.append("- Type: ").append(typeOf(key)).append('\n');
      out.append("- Default: ").append(defaultOf(key)).append('\n');
      if (!key.aliases().isEmpty()) {
        out.append("- Deprecated names (accepted with a warning): `")
            .append(String.join("`, `", key.aliases()))
            .append("`\n");
      }
      out.append("- Rule: ").append(prose(key.rule())).append('\n');
      out.append("- Source: ossimport.md ").append(key.reference()).append('\n');
    }
  }

  private static String typeOf(ConfigKey key) {
    if (key.type() == ValueType.CHOICE) {
      return "one of `" + String.join("`, `", key.choices()) + "`";
    }
    return key.type().syntax();
  }

  private static String defaultOf(ConfigKey key) {
    return key.defaultValue().isEmpty() ? "empty" : "`" + key.defaultValue() + "`";
  }

  /** Markdown would eat a backslash before punctuation; double every one in prose. */
  private static String prose(String text) {
    return text.replace("\\", "\\\\");
  }
}
