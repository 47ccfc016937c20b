/**
 * The listing of a bucket-like source with a prefix fan-out, shared by {@code source.oss} and
 * {@code source.s3}: a roll-up at delimiter '/' under the listed prefix, the common prefixes listed
 * ahead by background threads, keys emitted in exact UTF-8 order, the checkpoint the last key
 * consumed. A source kind gives it a {@link io.ossimport.core.source.fanout.PrefixPages}: one page
 * of a prefix, the key and object of an entry, the checkpoint of a key. Depends on {@code source}
 * only.
 */
package io.ossimport.core.source.fanout;
