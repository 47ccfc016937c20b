/**
 * The standalone service and the console operations behind {@link io.ossimport.core.api.OssImport}:
 * submit, start (master, tracker and worker in one JVM under the working-directory lock, after
 * crash repair), graceful stop (in-process or by a stop-request file), stat, retry, clean and
 * version. The only package that wires the roles together.
 */
package io.ossimport.core.service;
