package io.ossimport.core.source.local;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.SourceObject;
import java.io.IOException;

/** A listing of a subtree whose references are made relative to the source root again. */
final class PrefixedListing implements Listing {
  private final Listing below;
  private final String prefix;

  PrefixedListing(Listing below, String prefix) {
    this.below = below;
    this.prefix = prefix;
  }

  @Override
  public SourceObject next() throws IOException, InterruptedException {
    return prefixed(below.next());
  }

  @Override
  public SourceObject peek() throws IOException, InterruptedException {
    return prefixed(below.peek());
  }

  private SourceObject prefixed(SourceObject o) {
    if (o == null) {
      return null;
    }
    String reference = prefix + o.reference();
    return o.isKeyValid()
        ? SourceObject.of(reference, o.size(), o.lastModifiedMillis())
        : SourceObject.withInvalidKey(
            reference, o.size(), o.lastModifiedMillis(), o.invalidKeyReason());
  }

  @Override
  public String checkpoint() {
    return below.checkpoint();
  }

  @Override
  public void close() {
    below.close();
  }
}
