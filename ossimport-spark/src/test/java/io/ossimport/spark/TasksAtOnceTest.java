package io.ossimport.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/**
 * How many tasks the driver keeps in Spark: twice the cores, those dynamic allocation may grant
 * when it is on, so that its backlog asks for every executor allowed.
 */
class TasksAtOnceTest {
  @Test
  void twiceTheCoresSparkHasAtStart() {
    assertEquals(8, SparkDriver.tasksAtOnce(new SparkConf(false), 4));
    assertEquals(2, SparkDriver.tasksAtOnce(new SparkConf(false), 0));
  }

  @Test
  void theSettingWins() {
    SparkConf conf = new SparkConf(false).set(SparkDriver.TASKS_AT_ONCE, "3");
    assertEquals(
        3, SparkDriver.tasksAtOnce(conf.set("spark.dynamicAllocation.enabled", "true"), 2));
  }

  @Test
  void withDynamicAllocationTheCoresItMayGrantCount() {
    SparkConf conf =
        new SparkConf(false)
            .set("spark.dynamicAllocation.enabled", "true")
            .set("spark.dynamicAllocation.maxExecutors", "10")
            .set("spark.executor.cores", "2");
    assertEquals(40, SparkDriver.tasksAtOnce(conf, 2)); // 10 executors of 2 cores
    assertEquals(20, SparkDriver.tasksAtOnce(conf.set("spark.executor.cores", "0"), 0));
    conf.set("spark.dynamicAllocation.maxExecutors", "100000");
    assertEquals(SparkDriver.MAX_TASKS_AT_ONCE, SparkDriver.tasksAtOnce(conf, 2));
  }

  @Test
  void withoutAMaxExecutorsTheCoresOfTheMoment() {
    SparkConf conf = new SparkConf(false).set("spark.dynamicAllocation.enabled", "true");
    assertEquals(4, SparkDriver.tasksAtOnce(conf, 2));
  }
}
