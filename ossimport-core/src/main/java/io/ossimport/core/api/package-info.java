/**
 * The public API of ossimport's engine: the one facade every front end (CLI, Maven plugin, Ant
 * tasks) calls, its value types, its checked exceptions and its events.
 *
 * <p>Every other package of {@code ossimport-core} is internal. Public signatures here use only JDK
 * types and types of this package.
 */
package io.ossimport.core.api;
