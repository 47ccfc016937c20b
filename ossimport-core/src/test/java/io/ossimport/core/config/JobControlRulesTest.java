package io.ossimport.core.config;

import static io.ossimport.core.config.Jobs.assertAccepted;
import static io.ossimport.core.config.Jobs.assertProblem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.ossimport.core.api.ConfigurationException;
import java.util.Collections;
import org.junit.jupiter.api.Test;

class JobControlRulesTest {

  @Test
  void jobNameMustBeFourTo128LettersDigitsUnderscoresOrDashes() throws Exception {
    assertProblem(
        "conf/local_job.cfg: jobName='my job': must be 4 to 128 letters, digits, '_' or '-';"
            + " e.g. jobName=local_test",
        "jobName",
        "my job");
    assertProblem(
        "conf/local_job.cfg: jobName='abc': must be 4 to 128 letters, digits, '_' or '-';"
            + " e.g. jobName=local_test",
        "jobName",
        "abc");
    assertAccepted("jobName", "nightly-photos_2024");
  }

  @Test
  void jobTypeIsImportOrAuditWrittenExactly() throws Exception {
    assertProblem(
        "conf/local_job.cfg: jobType='Import': must be one of import, audit, written exactly"
            + " (case matters); write jobType=import",
        "jobType",
        "Import");
    assertProblem(
        "conf/local_job.cfg: jobType='copy': must be one of import, audit; e.g. jobType=import",
        "jobType",
        "copy");
    assertAccepted("jobType", "audit");
  }

  @Test
  void skipExistModeIsHeadListOrAutoAndHeadByDefault() throws Exception {
    assertProblem(
        "conf/local_job.cfg: skipExistMode='listing': must be one of head, list, auto;"
            + " e.g. skipExistMode=head",
        "skipExistMode",
        "listing");
    assertAccepted("skipExistMode", "auto");
    assertEquals(SkipExistMode.HEAD, Jobs.load(Jobs.with()).config().skipExistMode());
    assertEquals(
        SkipExistMode.LIST, Jobs.load(Jobs.with("skipExistMode", "list")).config().skipExistMode());
  }

  @Test
  void booleansAreTrueOrFalseInAnyCase() throws Exception {
    assertProblem(
        "conf/local_job.cfg: isSkipExistFile='yes': must be true or false;"
            + " write isSkipExistFile=true or isSkipExistFile=false",
        "isSkipExistFile",
        "yes");
    assertEquals(true, Jobs.load(Jobs.with("isSkipExistFile", "TRUE")).config().isSkipExistFile());
  }

  @Test
  void incrementalModeNeedsAnIntervalOfAtLeast900Seconds() throws Exception {
    assertProblem(
        "conf/local_job.cfg: incrementalModeInterval='600': must be at least 900 seconds when"
            + " isIncremental=true (each rescan lists the whole source);"
            + " e.g. incrementalModeInterval=3600",
        "isIncremental",
        "true",
        "incrementalModeInterval",
        "600");
    assertAccepted("isIncremental", "true", "incrementalModeInterval", "14400");
  }

  @Test
  void aShortIntervalOutsideIncrementalModeIsUnused() throws Exception {
    assertAccepted("isIncremental", "false", "incrementalModeInterval", "600");
  }

  @Test
  void anIntervalBelowAnHourInIncrementalModeIsAWarning() throws ConfigurationException {
    assertEquals(
        Collections.singletonList(
            "conf/local_job.cfg: incrementalModeInterval='1800': rescans more often than hourly;"
                + " each rescan lists the whole source and costs requests;"
                + " consider incrementalModeInterval=3600 or more"),
        Jobs.lines(
            Jobs.warnings(Jobs.with("isIncremental", "true", "incrementalModeInterval", "1800"))));
  }

  @Test
  void importSinceIsEpochSecondsNotNegative() throws Exception {
    assertProblem(
        "conf/local_job.cfg: importSince='-1': must be at least 0; e.g. importSince=0",
        "importSince",
        "-1");
    assertAccepted("importSince", "1700000000");
  }

  @Test
  void importSinceInMillisecondsIsRefusedWithTheValueInSeconds() {
    assertProblem(
        "conf/local_job.cfg: importSince='1700000000000': looks like milliseconds; it must be a"
            + " Unix time in seconds; divide by 1000: importSince=1700000000",
        "importSince",
        "1700000000000");
  }

  @Test
  void lastModifyFollowsTheSameEpochSecondsRules() throws Exception {
    assertProblem(
        "conf/local_job.cfg: lastModify='1700000000000': looks like milliseconds; it must be a"
            + " Unix time in seconds; divide by 1000: lastModify=1700000000",
        "lastModify",
        "1700000000000");
    assertProblem(
        "conf/local_job.cfg: lastModify='yesterday': must be a whole number (at least 0);"
            + " e.g. lastModify=0",
        "lastModify",
        "yesterday");
    assertAccepted("lastModify", "1700000000");
  }

  @Test
  void theExpressTunnelIsRecognisedButRefused() throws Exception {
    assertProblem(
        "conf/local_job.cfg: isUseExpressTunnel='true': migration through an Alibaba express"
            + " tunnel is not supported by this version; write isUseExpressTunnel=false and reach"
            + " OSS directly",
        "isUseExpressTunnel",
        "true");
    assertAccepted("isUseExpressTunnel", "false", "expressTunnelProxyHost", "http://10.0.0.1:8080");
  }
}
