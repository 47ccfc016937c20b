/**
 * Maps {@code srcType} to a {@link io.ossimport.core.source.Source} implementation. Depends on
 * {@code source} and every {@code source.*} implementation package; nothing in those depends on it.
 */
package io.ossimport.core.source.registry;
