package io.ossimport.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.OneKeyImport.ExistingJob;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TerminalQuestionsTest {
  private static final String NL = System.lineSeparator();

  private final ByteArrayOutputStream err = new ByteArrayOutputStream();
  private final List<String> transcript = new ArrayList<String>();

  private TerminalQuestions answering(String input) {
    return new TerminalQuestions(
        new ByteArrayInputStream(input.getBytes(Charset.defaultCharset())),
        new PrintStream(err, true),
        transcript::add);
  }

  private String err() {
    return new String(err.toByteArray(), Charset.defaultCharset());
  }

  @Test
  void aWrongAnswerIsRefusedWithTheHintAndTheQuestionAskedAgain() {
    assertTrue(answering("maybe" + NL + "Y" + NL).retryFailedTasks());
    String question = "Retry the failed tasks, Yes or No: ";
    assertEquals(question + "Answer yes or no." + NL + question, err());
    assertEquals(2, transcript.size(), transcript.toString());
    assertEquals(question + "maybe" + NL, transcript.get(0));
    assertEquals(question + "Y" + NL, transcript.get(1));
  }

  @Test
  void theExistingJobQuestionTakesROrCOrQInAnyCase() {
    assertEquals(ExistingJob.RESTART, answering("x" + NL + "C" + NL).whatOfExistingJob());
    assertTrue(err().contains("Answer r, c or q." + NL), err());
    assertEquals(ExistingJob.RESUME, answering("r" + NL).whatOfExistingJob());
    assertEquals(ExistingJob.QUIT, answering("Q" + NL).whatOfExistingJob());
  }

  @Test
  void theEndOfInputAnswersNothingAndNamesTheFlags() {
    assertNull(answering("").ask("Go on? ", "y|n", "Answer y or n."));
    assertEquals("Go on? " + NL + TerminalQuestions.NO_ANSWER + NL, err());
    assertTrue(transcript.isEmpty(), transcript.toString());

    assertFalse(answering("").stopServiceAtEnd(), "no answer: the service is not stopped");
    assertEquals(ExistingJob.QUIT, answering("wrong" + NL).whatOfExistingJob());
  }

  @Test
  void laterQuestionsReadTheLinesAfterTheEarlierAnswers() {
    TerminalQuestions questions = answering("n" + NL + "yes" + NL);
    assertFalse(questions.retryFailedTasks());
    assertTrue(questions.stopServiceAtEnd());
    assertEquals("yes", answering("YES" + NL).ask("? ", "y|yes|n|no", "hint"));
  }
}
