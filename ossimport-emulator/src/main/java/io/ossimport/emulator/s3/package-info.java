/**
 * The S3 dialect of the emulator: path-style S3 requests signed with AWS Signature V4, served over
 * the same dialect-neutral store as the OSS dialect, so the AWS SDK and rclone can be measured
 * against the same buckets and objects.
 */
package io.ossimport.emulator.s3;
