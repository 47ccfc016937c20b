/**
 * {@code srcType=oss}: another OSS bucket (another region, account or prefix) as a {@link
 * io.ossimport.core.source.Source}, read with aliyun-sdk-oss through a client built like the
 * destination's ({@link io.ossimport.core.oss.OssClients}).
 */
package io.ossimport.core.source.oss;
