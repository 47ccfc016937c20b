package io.ossimport.core.source.s3;

import java.net.URI;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The S3 source contract against S3Proxy, an independent S3 server, in its own JVM. */
class S3SourceOnS3ProxyIT extends S3SourceContract {
  @RegisterExtension static final S3ProxyExtension S3PROXY = new S3ProxyExtension();

  @Override
  URI endpoint() {
    return S3PROXY.endpoint();
  }

  @Override
  String accessKey() {
    return S3ProxyExtension.ACCESS_KEY;
  }

  @Override
  String secret() {
    return S3ProxyExtension.SECRET;
  }
}
