package io.ossimport.emulator.store;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Text form of metadata on disk: one {@code name=value} line per field, values URL-encoded so any
 * key or header value (newlines included) survives.
 */
final class MetaCodec {
  private static final String META_PREFIX = "meta.";
  private static final String TAG_PREFIX = "tag.";

  private MetaCodec() {}

  static byte[] encode(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (e.getValue() != null) {
        sb.append(enc(e.getKey())).append('=').append(enc(e.getValue())).append('\n');
      }
    }
    return sb.toString().getBytes(StandardCharsets.UTF_8);
  }

  static Map<String, String> decode(byte[] bytes) {
    Map<String, String> map = new LinkedHashMap<String, String>();
    for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        map.put(dec(line.substring(0, eq)), dec(line.substring(eq + 1)));
      }
    }
    return map;
  }

  static Map<String, String> object(ObjectMeta m) {
    Map<String, String> f = new LinkedHashMap<String, String>();
    f.put("key", m.key());
    f.put("size", Long.toString(m.size()));
    f.put("etag", m.etag());
    f.put("crc", Long.toString(m.crc64()));
    f.put("lastModified", Long.toString(m.lastModified()));
    f.put("type", m.type());
    attributes(m.attributes(), f);
    return f;
  }

  static ObjectMeta object(Map<String, String> f) {
    return new ObjectMeta(
        f.get("key"),
        Long.parseLong(f.get("size")),
        f.get("etag"),
        Long.parseLong(f.get("crc")),
        Long.parseLong(f.get("lastModified")),
        f.get("type"),
        attributes(f));
  }

  static Map<String, String> part(PartMeta p) {
    Map<String, String> f = new LinkedHashMap<String, String>();
    f.put("partNumber", Integer.toString(p.partNumber()));
    f.put("size", Long.toString(p.size()));
    f.put("etag", p.etag());
    f.put("md5", Hex.encode(p.md5()));
    f.put("crc", Long.toString(p.crc64()));
    f.put("lastModified", Long.toString(p.lastModified()));
    return f;
  }

  static PartMeta part(Map<String, String> f) {
    return new PartMeta(
        Integer.parseInt(f.get("partNumber")),
        Long.parseLong(f.get("size")),
        f.get("etag"),
        Hex.decode(f.get("md5")),
        Long.parseLong(f.get("crc")),
        Long.parseLong(f.get("lastModified")));
  }

  static Map<String, String> upload(UploadMeta u) {
    Map<String, String> f = new LinkedHashMap<String, String>();
    f.put("uploadId", u.uploadId());
    f.put("bucket", u.bucket());
    f.put("key", u.key());
    f.put("initiated", Long.toString(u.initiated()));
    attributes(u.attributes(), f);
    return f;
  }

  static UploadMeta upload(Map<String, String> f) {
    return new UploadMeta(
        f.get("uploadId"),
        f.get("bucket"),
        f.get("key"),
        Long.parseLong(f.get("initiated")),
        attributes(f));
  }

  static Map<String, String> bucket(BucketMeta b) {
    Map<String, String> f = new LinkedHashMap<String, String>();
    f.put("name", b.name());
    f.put("created", Long.toString(b.created()));
    f.put("location", b.location());
    f.put("acl", b.acl());
    f.put("storageClass", b.storageClass());
    return f;
  }

  static BucketMeta bucket(Map<String, String> f) {
    return new BucketMeta(
        f.get("name"),
        Long.parseLong(f.get("created")),
        f.get("location"),
        f.get("acl"),
        f.get("storageClass"));
  }

  private static void attributes(ObjectAttributes a, Map<String, String> f) {
    f.put("contentType", a.contentType());
    f.put("contentDisposition", a.contentDisposition());
    f.put("cacheControl", a.cacheControl());
    f.put("contentEncoding", a.contentEncoding());
    f.put("contentLanguage", a.contentLanguage());
    f.put("expires", a.expires());
    f.put("storageClass", a.storageClass());
    f.put("acl", a.acl());
    f.put("sse", a.serverSideEncryption());
    f.put("sseKeyId", a.sseKeyId());
    for (Map.Entry<String, String> e : a.userMetadata().entrySet()) {
      f.put(META_PREFIX + e.getKey(), e.getValue());
    }
    for (Map.Entry<String, String> e : a.tags().entrySet()) {
      f.put(TAG_PREFIX + e.getKey(), e.getValue());
    }
  }

  private static ObjectAttributes attributes(Map<String, String> f) {
    ObjectAttributes a =
        new ObjectAttributes()
            .contentType(f.get("contentType"))
            .contentDisposition(f.get("contentDisposition"))
            .cacheControl(f.get("cacheControl"))
            .contentEncoding(f.get("contentEncoding"))
            .contentLanguage(f.get("contentLanguage"))
            .expires(f.get("expires"))
            .storageClass(f.get("storageClass"))
            .acl(f.get("acl"))
            .serverSideEncryption(f.get("sse"))
            .sseKeyId(f.get("sseKeyId"));
    for (Map.Entry<String, String> e : f.entrySet()) {
      if (e.getKey().startsWith(META_PREFIX)) {
        a.putUserMetadata(e.getKey().substring(META_PREFIX.length()), e.getValue());
      }
    }
    Map<String, String> tags = new LinkedHashMap<String, String>();
    for (Map.Entry<String, String> e : f.entrySet()) {
      if (e.getKey().startsWith(TAG_PREFIX)) {
        tags.put(e.getKey().substring(TAG_PREFIX.length()), e.getValue());
      }
    }
    return a.tags(tags);
  }

  private static String enc(String s) {
    try {
      return URLEncoder.encode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String dec(String s) {
    try {
      return URLDecoder.decode(s, "UTF-8");
    } catch (UnsupportedEncodingException e) {
      throw new IllegalStateException(e);
    }
  }
}
