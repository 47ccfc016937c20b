package io.ossimport.emulator.http;

/** Reason phrases for the status codes the emulator sends. */
final class StatusText {
  private StatusText() {}

  static String of(int code) {
    switch (code) {
      case 100:
        return "Continue";
      case 200:
        return "OK";
      case 204:
        return "No Content";
      case 206:
        return "Partial Content";
      case 304:
        return "Not Modified";
      case 400:
        return "Bad Request";
      case 403:
        return "Forbidden";
      case 404:
        return "Not Found";
      case 405:
        return "Method Not Allowed";
      case 409:
        return "Conflict";
      case 411:
        return "Length Required";
      case 412:
        return "Precondition Failed";
      case 416:
        return "Requested Range Not Satisfiable";
      case 500:
        return "Internal Server Error";
      case 501:
        return "Not Implemented";
      case 503:
        return "Service Unavailable";
      default:
        return "Status " + code;
    }
  }
}
