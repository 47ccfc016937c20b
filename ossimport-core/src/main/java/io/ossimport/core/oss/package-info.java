/**
 * The OSS destination as the worker uses it: the client built from a job's {@code dest*} keys
 * ({@link io.ossimport.core.oss.OssClients}), the few calls an import makes ({@link
 * io.ossimport.core.oss.OssDestination}) and the one table that says what a failure means ({@link
 * io.ossimport.core.oss.OssFailures}).
 */
package io.ossimport.core.oss;
