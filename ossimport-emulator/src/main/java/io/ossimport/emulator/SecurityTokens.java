package io.ossimport.emulator;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The STS temporary credentials the emulator accepts: a temporary AccessKey id, its secret and the
 * security token issued with them. A request signed with a temporary id must carry its token
 * ({@code x-oss-security-token} header, {@code security-token} in a V1 presigned URL, {@code
 * x-oss-security-token} in a V4 presigned URL). Tokens can be added and expired while the emulator
 * runs (thread-safe), so tests can see what a client does when its STS credentials run out.
 */
public final class SecurityTokens {
  /** What a token lookup found. */
  public enum Check {
    /** The id is temporary and the token is its own, unexpired. */
    VALID,
    /** The id is temporary but the request carries no token. */
    MISSING,
    /** The token is not the one issued with the id (or the id is not temporary). */
    WRONG,
    /** The token is the id's own but was expired. */
    EXPIRED
  }

  private static final class Entry {
    final String secret;
    final String token;
    volatile boolean expired;

    Entry(String secret, String token) {
      this.secret = secret;
      this.token = token;
    }
  }

  private final ConcurrentMap<String, Entry> byAccessKeyId = new ConcurrentHashMap<String, Entry>();

  SecurityTokens() {}

  /** Registers (or replaces) a temporary key pair with its token. */
  public void add(String accessKeyId, String secret, String token) {
    if (accessKeyId == null || accessKeyId.isEmpty() || secret == null || token == null) {
      throw new IllegalArgumentException(
          "A security token needs a temporary AccessKey id, its secret and the token");
    }
    if (token.isEmpty()) {
      throw new IllegalArgumentException(
          "Empty security token for AccessKey id " + accessKeyId + ": give the STS token");
    }
    byAccessKeyId.put(accessKeyId, new Entry(secret, token));
  }

  /**
   * Marks a token expired: requests carrying it are answered 403 SecurityTokenExpired. Returns
   * false if no temporary key pair has this token.
   */
  public boolean expire(String token) {
    boolean found = false;
    for (Entry e : byAccessKeyId.values()) {
      if (e.token.equals(token)) {
        e.expired = true;
        found = true;
      }
    }
    return found;
  }

  /** The secret of a temporary AccessKey id, or {@code null} if the id is not temporary. */
  public String secretOf(String accessKeyId) {
    Entry e = accessKeyId == null ? null : byAccessKeyId.get(accessKeyId);
    return e == null ? null : e.secret;
  }

  /** Whether this id was registered as temporary. */
  public boolean isTemporary(String accessKeyId) {
    return accessKeyId != null && byAccessKeyId.containsKey(accessKeyId);
  }

  /** Checks the token a request carries ({@code null} if none) against a temporary id. */
  public Check check(String accessKeyId, String token) {
    Entry e = byAccessKeyId.get(accessKeyId);
    if (e == null) {
      return Check.WRONG;
    }
    if (token == null || token.isEmpty()) {
      return Check.MISSING;
    }
    if (!e.token.equals(token)) {
      return Check.WRONG;
    }
    return e.expired ? Check.EXPIRED : Check.VALID;
  }
}
