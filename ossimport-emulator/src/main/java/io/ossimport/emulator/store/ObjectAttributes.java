package io.ossimport.emulator.store;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a client sets on an object besides its bytes: content headers, user metadata (names
 * lower-case, without the dialect's prefix), object tags, storage class, ACL and server-side
 * encryption. A {@code null} field means "not set". Mutable while a request is parsed; the store
 * keeps copies.
 */
public final class ObjectAttributes {
  private String contentType;
  private String contentDisposition;
  private String cacheControl;
  private String contentEncoding;
  private String contentLanguage;
  private String expires;
  private String storageClass;
  private String acl;
  private String serverSideEncryption;
  private String sseKeyId;
  private final Map<String, String> userMetadata = new LinkedHashMap<String, String>();
  private final Map<String, String> tags = new LinkedHashMap<String, String>();

  public String contentType() {
    return contentType;
  }

  public ObjectAttributes contentType(String v) {
    contentType = v;
    return this;
  }

  public String contentDisposition() {
    return contentDisposition;
  }

  public ObjectAttributes contentDisposition(String v) {
    contentDisposition = v;
    return this;
  }

  public String cacheControl() {
    return cacheControl;
  }

  public ObjectAttributes cacheControl(String v) {
    cacheControl = v;
    return this;
  }

  public String contentEncoding() {
    return contentEncoding;
  }

  public ObjectAttributes contentEncoding(String v) {
    contentEncoding = v;
    return this;
  }

  public String contentLanguage() {
    return contentLanguage;
  }

  public ObjectAttributes contentLanguage(String v) {
    contentLanguage = v;
    return this;
  }

  public String expires() {
    return expires;
  }

  public ObjectAttributes expires(String v) {
    expires = v;
    return this;
  }

  public String storageClass() {
    return storageClass;
  }

  public ObjectAttributes storageClass(String v) {
    storageClass = v;
    return this;
  }

  public String acl() {
    return acl;
  }

  public ObjectAttributes acl(String v) {
    acl = v;
    return this;
  }

  public String serverSideEncryption() {
    return serverSideEncryption;
  }

  public ObjectAttributes serverSideEncryption(String v) {
    serverSideEncryption = v;
    return this;
  }

  public String sseKeyId() {
    return sseKeyId;
  }

  public ObjectAttributes sseKeyId(String v) {
    sseKeyId = v;
    return this;
  }

  /** User metadata, names lower-case; read-only view. */
  public Map<String, String> userMetadata() {
    return Collections.unmodifiableMap(userMetadata);
  }

  /** Adds one user metadata entry (the name is lower-cased). */
  public ObjectAttributes putUserMetadata(String name, String value) {
    userMetadata.put(name.toLowerCase(java.util.Locale.ROOT), value);
    return this;
  }

  /** Object tags in the order they were given (names case-sensitive); read-only view. */
  public Map<String, String> tags() {
    return Collections.unmodifiableMap(tags);
  }

  /** Replaces every tag with {@code newTags}. */
  public ObjectAttributes tags(Map<String, String> newTags) {
    tags.clear();
    tags.putAll(newTags);
    return this;
  }

  /** Total bytes of user metadata names and values (dialects limit this). */
  public int userMetadataSize() {
    int n = 0;
    for (Map.Entry<String, String> e : userMetadata.entrySet()) {
      n += e.getKey().length() + e.getValue().length();
    }
    return n;
  }

  /** A deep copy. */
  public ObjectAttributes copy() {
    ObjectAttributes c = new ObjectAttributes();
    c.contentType = contentType;
    c.contentDisposition = contentDisposition;
    c.cacheControl = cacheControl;
    c.contentEncoding = contentEncoding;
    c.contentLanguage = contentLanguage;
    c.expires = expires;
    c.storageClass = storageClass;
    c.acl = acl;
    c.serverSideEncryption = serverSideEncryption;
    c.sseKeyId = sseKeyId;
    c.userMetadata.putAll(userMetadata);
    c.tags.putAll(tags);
    return c;
  }
}
