package io.ossimport.core.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Gathers the raw entries of one load (a file, then inline overrides) and resolves them to one
 * entry per known key: later inputs override earlier ones, deprecated aliases are renamed with a
 * warning, unknown keys are warned about with the closest known name and otherwise ignored.
 */
final class ConfigInputs {
  private final KeyCatalogue catalogue;
  private final KeyCatalogue otherFile;
  private final Findings findings;
  private final List<RawEntry> entries = new ArrayList<RawEntry>();
  private String mainLabel;
  private int inputs;

  /**
   * @param catalogue the keys of the file being loaded
   * @param otherFile the keys of the other file, to tell a user who put a key in the wrong one
   */
  ConfigInputs(KeyCatalogue catalogue, KeyCatalogue otherFile, Findings findings) {
    this.catalogue = catalogue;
    this.otherFile = otherFile;
    this.findings = findings;
  }

  /**
   * Adds a file's entries. Returns {@code false}, with a problem recorded, when the file cannot be
   * read at all; no further checks make sense then.
   */
  boolean addFile(Path file) {
    String label = file.toString();
    int order = nextInput(label);
    if (Files.isDirectory(file)) {
      cannotRead(label, order, "this is a directory, not a file", "give the file's path");
      return false;
    }
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      cannotRead(label, order, "the file does not exist", "create it or give the right path");
      return false;
    } catch (AccessDeniedException e) {
      cannotRead(
          label, order, "the file cannot be read (permission denied)", "let this user read it");
      return false;
    } catch (IOException e) {
      cannotRead(label, order, "the file cannot be read: " + e, "check the path and the disk");
      return false;
    }
    entries.addAll(ConfigFileParser.parse(bytes, label, order, findings));
    return true;
  }

  private void cannotRead(String label, int order, String message, String fix) {
    findings.problem(new Origin(label, 0, order), "", null, message, fix);
  }

  /** Adds parsed entries of an input already read (the canonical form of a frozen config). */
  void addEntries(String label, List<RawEntry> parsed) {
    nextInput(label);
    entries.addAll(parsed);
  }

  /** Adds inline {@code key -> value} pairs (Maven or Ant parameters) that override a file. */
  void addMap(Map<String, String> values, String label) {
    int order = nextInput(label);
    for (Map.Entry<String, String> e : values.entrySet()) {
      String value = e.getValue() == null ? "" : e.getValue();
      entries.add(new RawEntry(e.getKey(), value, new Origin(label, 0, order)));
    }
  }

  /** The position the next input gets; the first input names the load. */
  int nextInput(String label) {
    if (mainLabel == null) {
      mainLabel = label;
    }
    return inputs++;
  }

  /** The first input's label: the file named in problems about keys that are not set. */
  String mainLabel() {
    return mainLabel == null ? catalogue.fileName() : mainLabel;
  }

  /** One entry per known key, by key name; see {@link Resolved}. */
  Resolved resolve() {
    Map<String, RawEntry> byKey = new LinkedHashMap<String, RawEntry>();
    Map<String, Boolean> viaAlias = new LinkedHashMap<String, Boolean>();
    Map<String, RawEntry> misspelt = new LinkedHashMap<String, RawEntry>();
    for (RawEntry entry : entries) {
      ConfigKey key = catalogue.byName(entry.key());
      boolean alias = false;
      if (key == null) {
        key = catalogue.byAlias(entry.key());
        alias = key != null;
      }
      if (key == null) {
        warnUnknown(entry, misspelt);
        continue;
      }
      RawEntry earlier = byKey.get(key.name());
      if (alias) {
        findings.warning(
            entry.origin(),
            entry.key(),
            null,
            "deprecated name (ossimport before 2.2.0)",
            "rename it to " + key.name());
        if (earlier != null && !viaAlias.get(key.name()) && sameInput(earlier, entry)) {
          findings.warning(
              entry.origin(),
              entry.key(),
              null,
              "ignored, because " + key.name() + " is also set (" + earlier.origin() + ")",
              "delete this line");
          continue;
        }
      } else if (key.isRepeatable() && earlier != null && sameInput(earlier, entry)) {
        // each line adds its items (rules), in file order
        byKey.put(
            key.name(),
            new RawEntry(key.name(), earlier.value() + "\n" + entry.value(), earlier.origin()));
        continue;
      } else if (earlier != null && sameInput(earlier, entry) && !viaAlias.get(key.name())) {
        findings.warning(
            entry.origin(),
            entry.key(),
            null,
            "set a second time; this value replaces the one at " + earlier.origin(),
            "keep only one " + key.name() + " line");
      }
      byKey.put(key.name(), entry.renamed(key.name()));
      viaAlias.put(key.name(), alias);
    }
    return new Resolved(byKey, misspelt, mainLabel());
  }

  private static boolean sameInput(RawEntry a, RawEntry b) {
    return a.origin().inputOrder() == b.origin().inputOrder();
  }

  private void warnUnknown(RawEntry entry, Map<String, RawEntry> misspelt) {
    String name = entry.key();
    if (otherFile != null && (otherFile.byName(name) != null || otherFile.byAlias(name) != null)) {
      findings.warning(
          entry.origin(),
          name,
          null,
          "belongs in " + otherFile.fileName() + ", not in " + catalogue.fileName(),
          "move it to " + otherFile.fileName() + "; it is ignored here");
      return;
    }
    ConfigKey closest = catalogue.closestTo(name);
    if (closest != null) {
      if (!misspelt.containsKey(closest.name())) {
        misspelt.put(closest.name(), entry);
      }
      findings.warning(
          entry.origin(),
          name,
          null,
          "unknown key, ignored",
          "did you mean " + closest.name() + "? (keys are case-sensitive)");
    } else {
      findings.warning(
          entry.origin(),
          name,
          null,
          "unknown key, ignored",
          "remove it; the keys of "
              + catalogue.fileName()
              + " are listed in docs/CONFIGURATION.md");
    }
  }

  /** The outcome of resolution. */
  static final class Resolved {
    final Map<String, RawEntry> byKey;
    final Map<String, RawEntry> misspelt;
    final String mainLabel;

    Resolved(Map<String, RawEntry> byKey, Map<String, RawEntry> misspelt, String mainLabel) {
      this.byKey = byKey;
      this.misspelt = Collections.unmodifiableMap(misspelt);
      this.mainLabel = mainLabel;
    }
  }
}
