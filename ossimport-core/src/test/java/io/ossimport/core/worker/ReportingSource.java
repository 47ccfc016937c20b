package io.ossimport.core.worker;

import io.ossimport.core.source.Listing;
import io.ossimport.core.source.ListingListener;
import io.ossimport.core.source.ObjectStat;
import io.ossimport.core.source.Source;
import io.ossimport.core.source.SourceFeature;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;

/**
 * A local source that reports what a remote one would for some objects (content type, user
 * metadata, checksums), and counts how often object content is opened.
 */
final class ReportingSource implements Source {
  private final Source delegate;
  private final Map<String, UnaryOperator<ObjectStat>> reports;
  private final AtomicInteger opens;

  /**
   * @param reports by reference: what stat reports on top of the file's size and mtime
   * @param opens counts every open of object content
   */
  ReportingSource(
      Source delegate, Map<String, UnaryOperator<ObjectStat>> reports, AtomicInteger opens) {
    this.delegate = delegate;
    this.reports = reports;
    this.opens = opens;
  }

  @Override
  public Set<SourceFeature> features() {
    return delegate.features();
  }

  @Override
  public Listing list(String checkpoint, ListingListener listener) throws IOException {
    return delegate.list(checkpoint, listener);
  }

  @Override
  public InputStream open(String reference) throws IOException {
    opens.incrementAndGet();
    return delegate.open(reference);
  }

  @Override
  public InputStream open(String reference, long offset, long length) throws IOException {
    opens.incrementAndGet();
    return delegate.open(reference, offset, length);
  }

  @Override
  public ObjectStat stat(String reference) throws IOException {
    ObjectStat stat = delegate.stat(reference);
    UnaryOperator<ObjectStat> report = reports.get(reference);
    return report == null || !stat.exists() ? stat : report.apply(stat);
  }

  @Override
  public void close() throws IOException {
    delegate.close();
  }
}
