package io.ossimport.core.config;

import static io.ossimport.core.config.Jobs.assertAccepted;
import static io.ossimport.core.config.Jobs.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TransferRulesTest {

  @Test
  void taskObjectCountLimitIsOneTo50000() throws Exception {
    assertProblem(
        "conf/local_job.cfg: taskObjectCountLimit='0': must be between 1 and 50000;"
            + " e.g. taskObjectCountLimit=1",
        "taskObjectCountLimit",
        "0");
    assertProblem(
        "conf/local_job.cfg: taskObjectCountLimit='60000': must be between 1 and 50000;"
            + " e.g. taskObjectCountLimit=50000",
        "taskObjectCountLimit",
        "60000");
    assertAccepted("taskObjectCountLimit", "50000");
  }

  @Test
  void countsAreWholeNumbers() {
    assertProblem(
        "conf/local_job.cfg: taskObjectCountLimit='1e4': must be a whole number (between 1 and"
            + " 50000); e.g. taskObjectCountLimit=10000",
        "taskObjectCountLimit",
        "1e4");
  }

  @Test
  void taskObjectSizeLimitIsAPositiveSize() throws Exception {
    assertProblem(
        "conf/local_job.cfg: taskObjectSizeLimit='0': must be at least 1;"
            + " e.g. taskObjectSizeLimit=1",
        "taskObjectSizeLimit",
        "0");
    assertEquals(
        2L << 30, Jobs.load(Jobs.with("taskObjectSizeLimit", "2g")).config().taskObjectSizeLimit());
  }

  @Test
  void scanThreadCountIsOneTo32() throws Exception {
    // The original's S3 sample ships scanThreadCount=10000.
    assertProblem(
        "conf/local_job.cfg: scanThreadCount='10000': must be between 1 and 32;"
            + " e.g. scanThreadCount=32",
        "scanThreadCount",
        "10000");
    assertAccepted("scanThreadCount", "32");
  }

  @Test
  void maxMultiThreadScanDepthIsOneTo16() throws Exception {
    assertProblem(
        "conf/local_job.cfg: maxMultiThreadScanDepth='17': must be between 1 and 16;"
            + " e.g. maxMultiThreadScanDepth=16",
        "maxMultiThreadScanDepth",
        "17");
    assertAccepted("maxMultiThreadScanDepth", "16");
  }

  @Test
  void uploadThreadNumPerLargeFileIsAtLeastOne() {
    assertProblem(
        "conf/local_job.cfg: uploadThreadNumPerLargeFile='0': must be at least 1;"
            + " e.g. uploadThreadNumPerLargeFile=1",
        "uploadThreadNumPerLargeFile",
        "0");
  }

  @Test
  void multipartUploadPartSizeIsBetween100kAnd5g() throws Exception {
    assertProblem(
        "conf/local_job.cfg: multipartUploadPartSize='99k': must be between 100k and 5g;"
            + " e.g. multipartUploadPartSize=100k",
        "multipartUploadPartSize",
        "99k");
    assertProblem(
        "conf/local_job.cfg: multipartUploadPartSize='6g': must be between 100k and 5g;"
            + " e.g. multipartUploadPartSize=5g",
        "multipartUploadPartSize",
        "6g");
    assertAccepted("multipartUploadPartSize", "100k");
    assertAccepted("multipartUploadPartSize", "auto");
    assertAccepted("uploadThreadNumPerLargeFile", "AUTO");
  }

  @Test
  void multipartUploadThresholdIsBetween1mAnd5g() throws Exception {
    assertProblem(
        "conf/local_job.cfg: multipartUploadThreshold='512k': must be between 1m and 5g;"
            + " e.g. multipartUploadThreshold=1m",
        "multipartUploadThreshold",
        "512k");
    assertProblem(
        "conf/local_job.cfg: multipartUploadThreshold='6g': must be between 1m and 5g;"
            + " e.g. multipartUploadThreshold=5g",
        "multipartUploadThreshold",
        "6g");
    assertAccepted("multipartUploadThreshold", "5g");
  }

  @Test
  void multipartUploadThresholdIsNotBelowThePartSize() throws Exception {
    // The original's Azure sample swaps the two values.
    assertProblem(
        "conf/local_job.cfg: multipartUploadThreshold='50m': must not be smaller than"
            + " multipartUploadPartSize (150m); raise it or lower the part size,"
            + " e.g. multipartUploadThreshold=150m and multipartUploadPartSize=50m",
        "multipartUploadThreshold",
        "50m",
        "multipartUploadPartSize",
        "150m");
    assertAccepted("multipartUploadThreshold", "50m", "multipartUploadPartSize", "50m");
  }

  @Test
  void sizesMustBeWholeNumbersWithAnOptionalUnit() {
    assertProblem(
        "conf/local_job.cfg: multipartUploadPartSize='1.5m': must be a size: bytes, or a whole"
            + " number with k, m or g (e.g. 500k, 50m, 5g), or auto; e.g. multipartUploadPartSize=50m",
        "multipartUploadPartSize",
        "1.5m");
  }

  @Test
  void anInvalidPartSizeDoesNotAlsoBlameTheThreshold() {
    assertEquals(1, Jobs.problems(Jobs.with("multipartUploadPartSize", "lots")).size());
  }
}
