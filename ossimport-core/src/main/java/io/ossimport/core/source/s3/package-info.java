/**
 * S3-compatible sources ({@code srcType=s3}, {@code qiniu}, {@code bos}, {@code ks3}, {@code cos})
 * read with the AWS SDK for Java v2: {@link io.ossimport.core.source.s3.S3Source}.
 *
 * <p>{@link io.ossimport.core.source.s3.S3Endpoints} holds the per-store rules that turn {@code
 * srcDomain}/{@code srcBucket}/{@code srcPrefix}/{@code appId} into an endpoint, region, addressing
 * style, bucket and key prefix; {@code S3Listing} lists with ListObjectsV2, fanned out over the
 * common prefixes ({@code source.fanout}), and checkpoints the last consumed key; {@code
 * S3Failures} turns SDK errors into messages naming the source and the fix.
 */
package io.ossimport.core.source.s3;
