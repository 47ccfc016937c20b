/** Byte and object accounting shared by all worker threads: the throughput limit and counters. */
package io.ossimport.core.accounting;
