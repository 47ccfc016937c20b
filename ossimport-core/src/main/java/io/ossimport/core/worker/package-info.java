/**
 * The worker: runs dispatched tasks object by object on a shared pool of {@code
 * workerTaskThreadNum} threads, uploads each object to OSS (single PUT or resumable multipart),
 * verifies it by CRC-64, and records every step in the task's worker files so a killed worker
 * resumes without sending a completed object again. Entry point: {@link
 * io.ossimport.core.worker.Worker}.
 */
package io.ossimport.core.worker;
