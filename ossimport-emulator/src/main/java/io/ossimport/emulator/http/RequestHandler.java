package io.ossimport.emulator.http;

import java.io.IOException;

/** Answers one request; must commit the response or throw. */
public interface RequestHandler {
  void handle(HttpRequest request, HttpResponse response) throws IOException;
}
