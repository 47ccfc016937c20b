package io.ossimport.emulator;

import com.aliyun.oss.ClientBuilderConfiguration;
import com.aliyun.oss.OSS;
import com.aliyun.oss.OSSClientBuilder;
import com.aliyun.oss.common.auth.DefaultCredentialProvider;
import com.aliyun.oss.common.comm.SignVersion;

/** Real aliyun-sdk-oss clients against an emulator, V1 or V4 signed. */
public final class SdkClients {
  private SdkClients() {}

  public static OSS client(OssEmulator e, SignVersion version) {
    return client(e, version, e.accessKeyId(), e.secretAccessKey());
  }

  public static OSS client(OssEmulator e, SignVersion version, String ak, String secret) {
    ClientBuilderConfiguration conf = new ClientBuilderConfiguration();
    conf.setSignatureVersion(version);
    conf.setMaxErrorRetry(0);
    conf.setConnectionTimeout(5000);
    conf.setSocketTimeout(10000);
    return OSSClientBuilder.create()
        .endpoint(e.endpoint())
        .credentialsProvider(new DefaultCredentialProvider(ak, secret))
        .clientConfiguration(conf)
        .region(e.region())
        .build();
  }
}
