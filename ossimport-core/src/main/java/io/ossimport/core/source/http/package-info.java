/**
 * The URL list source ({@code srcType=http}): {@link io.ossimport.core.source.http.HttpSource}.
 *
 * <p>Inside: {@code ListFileReader} reads the list by lines, counting bytes for the checkpoint;
 * {@code ListRows} makes a row an object (or a bad row, see {@code BadRows}); {@code HttpListing}
 * is the resumable listing; {@code Lookups} answers {@code stat}, {@code BodyStream} is a response
 * body cut to the requested range, {@code Exchanges} says what a failed request means.
 */
package io.ossimport.core.source.http;
