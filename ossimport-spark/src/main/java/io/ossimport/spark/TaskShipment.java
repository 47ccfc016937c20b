package io.ossimport.spark;

import io.ossimport.core.jobtree.TaskEntry;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One ossimport task as it travels from the driver to an executor in a Spark task: the object list
 * read from the task's TASK file, the job's configuration and the worker's system keys. The job's
 * secrets travel in {@link #jobText} (in memory only: an executor never writes them to disk), so a
 * shared cluster should run with {@code spark.authenticate} and {@code
 * spark.network.crypto.enabled}.
 */
final class TaskShipment implements Serializable {
  private static final long serialVersionUID = 1L;

  /**
   * One TASK entry; the executor writes them in this order, so entry indexes match the driver's.
   */
  static final class Entry implements Serializable {
    private static final long serialVersionUID = 1L;
    final String source;
    final String destination;
    final long size;
    final long mtimeMillis;
    final int attempt;

    Entry(TaskEntry e) {
      this.source = e.source();
      this.destination = e.destination();
      this.size = e.size();
      this.mtimeMillis = e.mtimeMillis();
      this.attempt = e.attempt();
    }

    TaskEntry toTaskEntry() {
      return new TaskEntry(source, destination, size, mtimeMillis, attempt);
    }
  }

  final String jobName;
  final String taskId;

  /** The frozen job.cfg of the driver's tree (secrets as references to their origin). */
  final String frozenConfig;

  /** The job with its secrets resolved (canonical format 1): what the executor's worker runs. */
  final String jobText;

  /** The worker's keys of the driver's sys.properties (no secret among them). */
  final Map<String, String> sysKeys;

  /**
   * Whether the driver handed this task out before (a Spark job that failed, a driver that died):
   * objects may be at the destination already, and multipart uploads open.
   */
  final boolean handedOutBefore;

  final List<Entry> entries;

  TaskShipment(
      String jobName,
      String taskId,
      String frozenConfig,
      String jobText,
      Map<String, String> sysKeys,
      boolean handedOutBefore,
      List<TaskEntry> taskEntries) {
    this.jobName = jobName;
    this.taskId = taskId;
    this.frozenConfig = frozenConfig;
    this.jobText = jobText;
    this.sysKeys = Collections.unmodifiableMap(new TreeMap<String, String>(sysKeys));
    this.handedOutBefore = handedOutBefore;
    List<Entry> list = new ArrayList<Entry>(taskEntries.size());
    for (TaskEntry e : taskEntries) {
      list.add(new Entry(e));
    }
    this.entries = Collections.unmodifiableList(list);
  }

  /** The entries as the TASK file holds them. */
  List<TaskEntry> taskEntries() {
    List<TaskEntry> list = new ArrayList<TaskEntry>(entries.size());
    for (Entry e : entries) {
      list.add(e.toTaskEntry());
    }
    return list;
  }

  @Override
  public String toString() {
    // Never the job text: it holds the secrets.
    return "task " + taskId + " of job " + jobName + " (" + entries.size() + " objects)";
  }
}
