/**
 * The public face of the ossimport engine: the only package front ends (CLI, Maven plugin, Ant
 * tasks) import. Value types are immutable; failures the user must fix are checked exceptions
 * carrying every problem found.
 */
package io.ossimport.core.api;
