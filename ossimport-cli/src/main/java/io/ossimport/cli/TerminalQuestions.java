package io.ossimport.cli;

import io.ossimport.core.api.OneKeyImport;
import io.ossimport.core.api.OneKeyImport.ExistingJob;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The one-key import's questions on the terminal: asked on stderr, read from standard input, asked
 * again until the answer is one of the expected words; each question and answer also goes to a
 * transcript (logs/import.log). The end of input answers nothing (an unattended run without the
 * flag that answers the question): quit, no retry, no stop.
 */
final class TerminalQuestions implements OneKeyImport.Questions {
  static final String NO_ANSWER = "No answer; see --help for the flags of unattended runs.";

  private final InputStream in;
  private final PrintStream err;
  private final Consumer<String> transcript;
  private BufferedReader answers;

  TerminalQuestions(InputStream in, PrintStream err, Consumer<String> transcript) {
    this.in = in;
    this.err = err;
    this.transcript = transcript;
  }

  @Override
  public ExistingJob whatOfExistingJob() {
    String mode =
        ask(
            "A migration job with the same name existed. Enter [r] to resume it from the last"
                + " breakpoint, [c] to clean it and start again, or [q] to quit (r/c/q)? ",
            "r|c|q",
            "Answer r, c or q.");
    if ("r".equals(mode)) {
      return ExistingJob.RESUME;
    }
    return "c".equals(mode) ? ExistingJob.RESTART : ExistingJob.QUIT;
  }

  @Override
  public boolean retryFailedTasks() {
    return yes("Retry the failed tasks, Yes or No: ");
  }

  @Override
  public boolean stopServiceAtEnd() {
    return yes("Stop import service, Yes or No: ");
  }

  /** Asks a yes/no question: true for y or yes, false for n or no and at the end of input. */
  boolean yes(String question) {
    String answer = ask(question, "y|yes|n|no", "Answer yes or no.");
    return "y".equals(answer) || "yes".equals(answer);
  }

  /**
   * Asks {@code question} until the answer matches {@code words} (a regular expression, case
   * ignored), saying {@code hint} after each other answer; returns it in lower case, or null when
   * the input ends.
   */
  String ask(String question, String words, String hint) {
    if (answers == null) {
      answers = new BufferedReader(new InputStreamReader(in, Charset.defaultCharset()));
    }
    while (true) {
      err.print(question);
      err.flush();
      String answer;
      try {
        answer = answers.readLine();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (answer == null) {
        err.println();
        err.println(NO_ANSWER);
        return null;
      }
      transcript.accept(question + answer + System.lineSeparator());
      if (answer.matches("(?i)" + words)) {
        return answer.toLowerCase(Locale.ROOT);
      }
      err.println(hint);
    }
  }
}
