package io.ossimport.core.config;

import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/** The immutable typed values behind {@link JobConfig} and {@link SysConfig}. */
final class TypedValues {
  private final KeyCatalogue catalogue;
  private final SortedMap<String, Object> values;

  TypedValues(KeyCatalogue catalogue, SortedMap<String, Object> values) {
    for (ConfigKey key : catalogue.keys()) {
      if (!values.containsKey(key.name())) {
        throw new IllegalArgumentException("no value for " + key);
      }
    }
    this.catalogue = catalogue;
    this.values = Collections.unmodifiableSortedMap(new TreeMap<String, Object>(values));
  }

  Object get(ConfigKey key) {
    Object value = values.get(key.name());
    if (value == null) {
      throw new IllegalArgumentException(key + " is not a key of " + catalogue.fileName());
    }
    return value;
  }

  String text(ConfigKey key) {
    return (String) get(key);
  }

  Secret secret(ConfigKey key) {
    return (Secret) get(key);
  }

  boolean flag(ConfigKey key) {
    return (Boolean) get(key);
  }

  long number(ConfigKey key) {
    return (Long) get(key);
  }

  /** A number whose range is within an int (the catalogue guarantees it). */
  int integer(ConfigKey key) {
    return Math.toIntExact(number(key));
  }

  long bytes(ConfigKey key) {
    return ((SizeValue) get(key)).bytes();
  }

  SortedMap<String, Object> all() {
    return values;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof TypedValues && ((TypedValues) o).values.equals(values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  /** {@code {key=value, ...}} without secret keys. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("{");
    for (ConfigKey key : catalogue.keys()) {
      if (key.isSecret()) {
        continue;
      }
      if (out.length() > 1) {
        out.append(", ");
      }
      out.append(key.name()).append('=').append(values.get(key.name()));
    }
    return out.append('}').toString();
  }
}
