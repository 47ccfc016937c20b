package io.ossimport.core.jobtree;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Test helpers: tasks made of numbered objects, and the tree's content seen object by object. */
final class JobTrees {
  static final String JOB = "local_test";
  static final String CONFIG =
      "jobName=local_test\nsrcAccessKey=\ndestAccessKey=AK\ndestSecretKey=secret-xyz\n";

  private JobTrees() {}

  static List<TaskEntry> objects(String prefix, int n) {
    List<TaskEntry> entries = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      entries.add(TaskEntry.of(prefix + i, "dest/" + prefix + i, 100 + i, 1_600_000_000_000L + i));
    }
    return entries;
  }

  static List<TaskRef> tasks(JobTree tree, String job, TaskState state) throws IOException {
    List<TaskRef> refs = new ArrayList<>();
    try (Stream<TaskRef> s = tree.tasks(job, state)) {
      Iterator<TaskRef> it = s.iterator();
      while (it.hasNext()) {
        refs.add(it.next());
      }
    }
    return refs;
  }

  static List<TaskRef> allTasks(JobTree tree, String job) throws IOException {
    List<TaskRef> refs = new ArrayList<>();
    for (TaskState state : TaskState.values()) {
      refs.addAll(tasks(tree, job, state));
    }
    return refs;
  }

  static List<TaskEntry> entries(JobTree tree, String job, TaskRef ref) throws IOException {
    List<TaskEntry> entries = new ArrayList<>();
    try (TaskFileReader r = tree.openTask(job, ref)) {
      for (TaskEntry e = r.next(); e != null; e = r.next()) {
        entries.add(e);
      }
    }
    return entries;
  }

  /** Each object's source mapped to the states of every task holding it, sorted. */
  static Map<String, List<TaskState>> objectStates(JobTree tree, String job) throws IOException {
    Map<String, List<TaskState>> states = new HashMap<>();
    for (TaskRef ref : allTasks(tree, job)) {
      for (TaskEntry e : entries(tree, job, ref)) {
        states.computeIfAbsent(e.source(), k -> new ArrayList<>()).add(ref.state());
      }
    }
    for (List<TaskState> l : states.values()) {
      Collections.sort(l);
    }
    return states;
  }
}
