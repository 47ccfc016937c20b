/** Ant tasks over the core API, for legacy Ant builds. */
package io.ossimport.ant;
