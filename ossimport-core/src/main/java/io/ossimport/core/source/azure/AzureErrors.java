package io.ossimport.core.source.azure;

import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The messages of failed Azure requests: what was asked, of which container and account, what Azure
 * answered, and the setting to check. The account key never appears, and for a refused signature
 * neither does Azure's own text (it quotes the signature and the string signed).
 */
final class AzureErrors {
  private static final Pattern MESSAGE = Pattern.compile("<Message>([^<\\r\\n]*)");
  private static final Pattern CODE = Pattern.compile("<Code>([^<]*)</Code>");

  private AzureErrors() {}

  static IOException unreachable(AzureSettings s, String what, IOException cause) {
    return new IOException(
        "cannot reach Azure at "
            + s.endpoint()
            + " to "
            + what
            + " "
            + s.where()
            + " ("
            + cause
            + "); check srcDomain and srcAccessKey (the account name is part of the host name)",
        cause);
  }

  static IOException failed(
      AzureSettings s, String what, String blobName, int status, String headerCode, String body) {
    String code = headerCode;
    if (code.isEmpty()) {
      Matcher m = CODE.matcher(body);
      code = m.find() ? m.group(1) : "";
    }
    StringBuilder sb = new StringBuilder("Azure refused to ").append(what).append(' ');
    if (blobName != null) {
      sb.append("blob '").append(blobName).append("' in ");
    }
    sb.append(s.where()).append(": HTTP ").append(status);
    if (!code.isEmpty()) {
      sb.append(' ').append(code);
    }
    if (status == 403) {
      sb.append("; check srcAccessKey (the storage account name) and srcSecretKey (its key1 or")
          .append(" key2), and that the key was not rotated");
    } else if ("ContainerNotFound".equals(code)) {
      sb.append("; the container does not exist: check srcBucket");
    } else {
      Matcher m = MESSAGE.matcher(body);
      if (m.find()) {
        sb.append(" (").append(m.group(1).trim()).append(')');
      }
    }
    return new IOException(sb.toString());
  }
}
