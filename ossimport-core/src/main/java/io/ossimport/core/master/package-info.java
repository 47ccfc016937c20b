/**
 * The master role: takes queued jobs, lists each source as a stream from its newest checkpoint and
 * cuts it into tasks, each committed together with the checkpoint that follows it. Depends on
 * {@code jobtree}, {@code source}, {@code config} and the {@code api} value types only.
 */
package io.ossimport.core.master;
