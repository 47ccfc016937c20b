/**
 * Reading and checking the two configuration files of ossimport: {@code local_job.cfg} (the job)
 * and {@code sys.properties} (the service), with the original tool's key names, meanings and
 * defaults.
 *
 * <p>One table per file ({@link io.ossimport.core.config.JobKeys}, {@link
 * io.ossimport.core.config.SysKeys}) describes every key; the loaders ({@link
 * io.ossimport.core.config.JobConfigLoader}, {@link io.ossimport.core.config.SysConfigLoader}) read
 * a file and/or inline keys, resolve deprecated names, type every value and run the rule classes,
 * which report problems through one collector so that all of them are thrown together as an {@link
 * io.ossimport.core.api.ConfigurationException}. {@link
 * io.ossimport.core.config.CanonicalJobConfig} freezes an effective job configuration for the job
 * tree. Internal to the core: front ends use the {@code api} package.
 */
package io.ossimport.core.config;
