/** When and how long to wait before trying an object again. */
package io.ossimport.core.retry;
