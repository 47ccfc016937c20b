package io.ossimport.core.source.local;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Text form of the progress tree: printable ASCII, one line, names percent-encoded as UTF-8 so any
 * file name survives (tabs, newlines, non-ASCII).
 *
 * <pre>
 * checkpoint := "local-scan-1;depth=" D ";" ( "done" | node )
 * node       := "(" "n" NAME " " OWN [ " &gt;" NAME ] { node } ")"
 * OWN        := "-" (nothing consumed) | "*" (all own entries consumed) | "=" PATH (up to PATH)
 * </pre>
 *
 * Children of a node are the units at or before its cursor that are not complete.
 */
final class CheckpointCodec {
  static final String MAGIC = "local-scan-1";

  /** The decoded tree. */
  static final class Restored {
    final UnitState root;
    final boolean complete;

    Restored(UnitState root, boolean complete) {
      this.root = root;
      this.complete = complete;
    }
  }

  private CheckpointCodec() {}

  static String format(int maxDepth, UnitState root, boolean complete) {
    StringBuilder sb = new StringBuilder(64).append(MAGIC).append(";depth=").append(maxDepth);
    sb.append(';');
    if (complete) {
      return sb.append("done").toString();
    }
    appendNode(sb, root);
    return sb.toString();
  }

  private static void appendNode(StringBuilder sb, UnitState node) {
    sb.append("(n");
    escape(sb, node.name);
    sb.append(' ');
    switch (node.own) {
      case NONE:
        sb.append('-');
        break;
      case DONE:
        sb.append('*');
        break;
      default:
        sb.append('=');
        escape(sb, node.position());
    }
    if (node.cursor != null) {
      sb.append(" >");
      escape(sb, node.cursor);
    }
    for (Map.Entry<String, UnitState> child : node.openChildren.entrySet()) {
      appendNode(sb, child.getValue());
    }
    sb.append(')');
  }

  /**
   * Reads a checkpoint.
   *
   * @throws IllegalArgumentException if it is not a local-scan checkpoint, or was taken with
   *     another {@code maxMultiThreadScanDepth} (the units would not match)
   */
  static Restored parse(String text, int maxDepth) {
    String head = MAGIC + ";depth=";
    if (!text.startsWith(head)) {
      throw new IllegalArgumentException(
          "not a local directory scan checkpoint (expected it to start with '" + MAGIC + "')");
    }
    int semi = text.indexOf(';', head.length());
    int depth;
    try {
      depth = Integer.parseInt(text.substring(head.length(), semi < 0 ? 0 : semi));
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("malformed local directory scan checkpoint", e);
    }
    if (depth != maxDepth) {
      throw new IllegalArgumentException(
          "the scan checkpoint was taken with maxMultiThreadScanDepth="
              + depth
              + " but the job now has "
              + maxDepth
              + "; a submitted job's settings must not change (clean and resubmit the job)");
    }
    String body = text.substring(semi + 1);
    if (body.equals("done")) {
      return new Restored(new UnitState(null, "", maxDepth == 0), true);
    }
    Parser p = new Parser(body, maxDepth);
    UnitState root = p.node(null);
    if (p.pos != body.length()) {
      throw p.error();
    }
    return new Restored(root, false);
  }

  private static final class Parser {
    final String s;
    final int maxDepth;
    int pos;

    Parser(String s, int maxDepth) {
      this.s = s;
      this.maxDepth = maxDepth;
    }

    UnitState node(UnitState parent) {
      expect('(');
      expect('n');
      String name = unescape(token());
      int depth = parent == null ? 0 : parent.depth + 1;
      if ((parent == null) != name.isEmpty() || depth > maxDepth) {
        throw error();
      }
      UnitState node = new UnitState(parent, name, depth == maxDepth);
      expect(' ');
      char own = next();
      if (own == '*') {
        node.own = UnitState.Own.DONE;
      } else if (own == '=') {
        node.restorePosition(unescape(token()));
      } else if (own != '-') {
        throw error();
      }
      if (peek() == ' ') {
        expect(' ');
        expect('>');
        node.cursor = unescape(token());
      }
      while (peek() == '(') {
        UnitState child = node(node);
        node.openChildren.put(child.name, child);
      }
      expect(')');
      return node;
    }

    private String token() {
      int start = pos;
      while (pos < s.length() && " ()".indexOf(s.charAt(pos)) < 0) {
        pos++;
      }
      return s.substring(start, pos);
    }

    private char peek() {
      return pos < s.length() ? s.charAt(pos) : '\0';
    }

    private char next() {
      if (pos >= s.length()) {
        throw error();
      }
      return s.charAt(pos++);
    }

    private void expect(char c) {
      if (next() != c) {
        throw error();
      }
    }

    IllegalArgumentException error() {
      return new IllegalArgumentException(
          "malformed local directory scan checkpoint at character " + pos);
    }
  }

  private static void escape(StringBuilder sb, String text) {
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || c == '.'
          || c == '_'
          || c == '-'
          || c == '~'
          || c == '/') {
        sb.append((char) c);
      } else {
        sb.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)));
        sb.append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
      }
    }
  }

  private static String unescape(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length()) {
          throw new IllegalArgumentException("malformed escape in scan checkpoint: " + text);
        }
        int hi = Character.digit(text.charAt(i + 1), 16);
        int lo = Character.digit(text.charAt(i + 2), 16);
        if (hi < 0 || lo < 0) {
          throw new IllegalArgumentException("malformed escape in scan checkpoint: " + text);
        }
        out.write(hi << 4 | lo);
        i += 2;
      } else {
        out.write(c);
      }
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(out.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("malformed UTF-8 in scan checkpoint: " + text, e);
    }
  }
}
