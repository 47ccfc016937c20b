/**
 * The local directory source: a streaming, resumable, parallel scan ({@link
 * io.ossimport.core.source.local.LocalSource}).
 *
 * <p>Inside: {@code ScanCoordinator} schedules scan units and keeps the progress tree a checkpoint
 * is made of; {@code UnitScanner} walks one unit on a scanner thread; {@code LocalListing} is the
 * consumer end of the bounded queue between them; {@code CheckpointCodec} is the checkpoint's text
 * form.
 */
package io.ossimport.core.source.local;
