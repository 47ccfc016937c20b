/** Maven goals over the core API, for build pipelines. */
package io.ossimport.maven;
