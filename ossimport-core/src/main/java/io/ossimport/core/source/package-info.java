/**
 * The source abstraction: what the master lists and what a worker reads.
 *
 * <p>A {@link io.ossimport.core.source.Source} streams {@link
 * io.ossimport.core.source.SourceObject}s through a {@link io.ossimport.core.source.Listing} that
 * can be resumed from an opaque checkpoint string, opens objects (whole or by byte range) and
 * re-stats them so a worker can tell that an object changed while it was read. Abilities that only
 * some sources have are {@link io.ossimport.core.source.SourceFeature} flags, not methods. Each
 * kind of source lives in its own sub-package ({@code local} first).
 *
 * <p>{@link io.ossimport.core.source.ObjectKeys} holds the OSS object-key rules every source
 * applies before an object is handed to a worker.
 */
package io.ossimport.core.source;
