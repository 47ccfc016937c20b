/**
 * Azure Blob Storage as a source ({@code srcType=azure}): {@link
 * io.ossimport.core.source.azure.AzureSource} lists a container under a blob-name prefix and reads
 * blobs whole or by range.
 *
 * <p>It speaks the Blob REST API itself (List Blobs, Get Blob, Get Blob Properties, signed with
 * Shared Key) over the Apache HttpClient that the OSS SDK already brings, instead of the Azure SDK,
 * whose only HTTP client available here is Netty with Reactor and native TLS libraries (about 19
 * MB) for three requests.
 */
package io.ossimport.core.source.azure;
