/**
 * Include/exclude rules over relative paths with rclone's glob syntax and first-match precedence
 * ({@code include}, {@code exclude}, {@code filter} job keys). Depends on nothing but the JDK; the
 * configuration checks the rules at submit and the worker applies them to each object.
 */
package io.ossimport.core.filter;
