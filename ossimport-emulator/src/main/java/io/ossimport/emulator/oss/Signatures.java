package io.ossimport.emulator.oss;

import io.ossimport.emulator.store.Hex;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** HMAC and hash primitives of the signature schemes. */
final class Signatures {
  private Signatures() {}

  static String hmacSha1Base64(String secret, String data) {
    return Base64.getEncoder().encodeToString(hmac("HmacSHA1", utf8(secret), utf8(data)));
  }

  static byte[] hmacSha256(byte[] key, String data) {
    return hmac("HmacSHA256", key, utf8(data));
  }

  static String sha256Hex(String data) {
    try {
      return Hex.encode(MessageDigest.getInstance("SHA-256").digest(utf8(data)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static final ThreadLocal<java.util.Map<String, Mac>> MACS =
      new ThreadLocal<java.util.Map<String, Mac>>() {
        @Override
        protected java.util.Map<String, Mac> initialValue() {
          return new java.util.HashMap<String, Mac>();
        }
      };

  private static byte[] hmac(String alg, byte[] key, byte[] data) {
    try {
      Mac mac = MACS.get().get(alg);
      if (mac == null) {
        mac = Mac.getInstance(alg);
        MACS.get().put(alg, mac);
      }
      mac.init(new SecretKeySpec(key, alg));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  static boolean constantTimeEquals(String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return MessageDigest.isEqual(utf8(a), utf8(b));
  }
}
