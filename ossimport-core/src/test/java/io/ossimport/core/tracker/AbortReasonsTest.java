package io.ossimport.core.tracker;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * A JOB record written by an older version may hold retry-and-start advice in one front end's
 * words; {@code stat} reads its cause without it, so each front end adds its own commands.
 */
class AbortReasonsTest {
  @Test
  void theOldAdviceOfEachFrontEndIsTakenOutOfAStoredReason() {
    String cause =
        "its frozen configuration cannot be used: destSecretKey came from the environment"
            + " variable OSS_ACCESS_KEY_SECRET at submit, which is not set now; export"
            + " OSS_ACCESS_KEY_SECRET again in the shell that runs start";

    assertEquals(cause, AbortReasons.neutral(cause + ", then run retry and start"));
    assertEquals(cause, AbortReasons.neutral(cause + ", then ossimport:retry and ossimport:start"));
    assertEquals(cause, AbortReasons.neutral(cause + ", then run the retry and start tasks"));
    assertEquals(
        "the source is gone",
        AbortReasons.neutral("the source is gone; fix the cause, then run retry and start"));
  }

  @Test
  void aNeutralReasonIsReadAsStored() {
    String cause = "the destination failed for 3 objects in a row: NoSuchBucket; check destBucket";

    assertEquals(cause, AbortReasons.neutral(cause));
  }
}
