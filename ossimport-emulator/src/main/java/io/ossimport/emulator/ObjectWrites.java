package io.ossimport.emulator;

/**
 * What one key has been sent, as {@link RequestCounters#objectWrites(String)} reports it once
 * {@link RequestCounters#trackObjectWrites(boolean) tracking} is on: the requests that write the
 * object's data, how many of them completed the object, and how many arrived after it was complete
 * (a client that sends an object again after its success: what crash-recovery tests look for).
 *
 * <p>Data-writing requests are PutObject, CopyObject (its destination), InitiateMultipartUpload,
 * UploadPart, UploadPartCopy and CompleteMultipartUpload; an object is complete once a PutObject,
 * CopyObject or CompleteMultipartUpload for it was answered 2xx. A completion is recorded just
 * before its status line goes out, so any request a client sends after reading it counts as later.
 */
public final class ObjectWrites {
  private final long requests;
  private final long completions;
  private final long requestsAfterCompletion;

  ObjectWrites(long requests, long completions, long requestsAfterCompletion) {
    this.requests = requests;
    this.completions = completions;
    this.requestsAfterCompletion = requestsAfterCompletion;
  }

  /** Whether {@code op} writes an object's data (and so is tracked). */
  public static boolean writesData(Operation op) {
    switch (op) {
      case PutObject:
      case CopyObject:
      case InitiateMultipartUpload:
      case UploadPart:
      case UploadPartCopy:
      case CompleteMultipartUpload:
        return true;
      default:
        return false;
    }
  }

  /** Whether {@code op} answered 2xx makes the object complete. */
  static boolean completes(Operation op) {
    return op == Operation.PutObject
        || op == Operation.CopyObject
        || op == Operation.CompleteMultipartUpload;
  }

  /** Data-writing requests received for the key, answered or not. */
  public long requests() {
    return requests;
  }

  /** Requests that completed the object (2xx PutObject, CopyObject, CompleteMultipartUpload). */
  public long completions() {
    return completions;
  }

  /** Data-writing requests received after the object's first completion was answered. */
  public long requestsAfterCompletion() {
    return requestsAfterCompletion;
  }

  @Override
  public String toString() {
    return "requests="
        + requests
        + " completions="
        + completions
        + " requestsAfterCompletion="
        + requestsAfterCompletion;
  }
}
