package io.ossimport.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The hosts reached without the proxy, matched as curl matches {@code NO_PROXY}: a name matches
 * itself and its subdomains (a leading dot is allowed), an IPv4 address or CIDR range matches
 * addresses, {@code *} matches everything, a {@code :port} is ignored. No implicit localhost: as in
 * curl, 127.0.0.1 goes through the proxy unless it is listed.
 */
public final class NoProxyList {
  static final NoProxyList NONE = new NoProxyList(Collections.<String>emptyList());

  private final List<String> entries;

  private NoProxyList(List<String> entries) {
    this.entries = Collections.unmodifiableList(entries);
  }

  /** The list from {@code text} (commas or blanks between entries); throws on a bad entry. */
  static NoProxyList parse(String text) throws ProxyAddress.Invalid {
    List<String> entries = new ArrayList<String>();
    for (String raw : text.trim().split("[,\\s]+")) {
      String entry = normalise(raw);
      if (entry.isEmpty()) {
        continue;
      }
      if (entry.contains("/") && !isCidr(entry)) {
        throw new ProxyAddress.Invalid(
            "has '" + raw + "', which is no CIDR range (address/bits, e.g. 10.0.0.0/8)");
      }
      if (!entry.contains("/") && !entry.equals("*") && !entry.matches("[a-z0-9._:\\[\\]-]+")) {
        throw new ProxyAddress.Invalid("has '" + raw + "', which is no host name or address");
      }
      entries.add(entry);
    }
    return new NoProxyList(entries);
  }

  private static String normalise(String raw) {
    String e = raw.trim().toLowerCase(Locale.ROOT);
    if (e.startsWith("[")) {
      int end = e.indexOf(']');
      return end > 0 ? e.substring(1, end) : e;
    }
    int colon = e.indexOf(':');
    if (colon >= 0 && e.indexOf(':', colon + 1) < 0) {
      e = e.substring(0, colon); // host:port: curl ignores the port
    }
    while (e.startsWith(".")) {
      e = e.substring(1);
    }
    return e;
  }

  /** Whether requests to {@code host} bypass the proxy. */
  public boolean bypasses(String host) {
    String h = host.toLowerCase(Locale.ROOT);
    if (h.startsWith("[") && h.endsWith("]")) {
      h = h.substring(1, h.length() - 1);
    }
    for (String e : entries) {
      if (e.equals("*") || e.equals(h) || (h.endsWith("." + e) && !isIpv4(h))) {
        return true;
      }
      if (isCidr(e) && isIpv4(h) && inRange(h, e)) {
        return true;
      }
    }
    return false;
  }

  public boolean isEmpty() {
    return entries.isEmpty();
  }

  @Override
  public String toString() {
    return String.join(",", entries);
  }

  private static boolean isIpv4(String s) {
    return s.matches("\\d{1,3}(\\.\\d{1,3}){3}") && toBits(s) >= 0;
  }

  private static boolean isCidr(String s) {
    int slash = s.indexOf('/');
    if (slash < 0 || !isIpv4(s.substring(0, slash))) {
      return false;
    }
    String bits = s.substring(slash + 1);
    return bits.matches("\\d{1,2}") && Integer.parseInt(bits) <= 32;
  }

  private static boolean inRange(String address, String cidr) {
    int slash = cidr.indexOf('/');
    int bits = Integer.parseInt(cidr.substring(slash + 1));
    long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
    return (toBits(address) & mask) == (toBits(cidr.substring(0, slash)) & mask);
  }

  private static long toBits(String ipv4) {
    long bits = 0;
    for (String part : ipv4.split("\\.")) {
      int octet = Integer.parseInt(part);
      if (octet > 255) {
        return -1;
      }
      bits = (bits << 8) | octet;
    }
    return bits;
  }
}
