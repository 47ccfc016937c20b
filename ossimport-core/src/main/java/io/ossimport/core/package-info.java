/** The ossimport engine: master, tracker, worker and the on-disk job tree. */
package io.ossimport.core;
