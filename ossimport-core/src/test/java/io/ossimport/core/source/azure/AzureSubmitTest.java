package io.ossimport.core.source.azure;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.ossimport.core.api.ConfigurationException;
import io.ossimport.core.api.OssImport;
import io.ossimport.core.testkit.EventLog;
import io.ossimport.core.testkit.TestJobs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What submit says about Azure settings it can check without contacting Azure. */
class AzureSubmitTest {
  @TempDir Path temp;

  @Test
  void anAccountKeyThatIsNotBase64IsRefusedAtSubmitWithoutShowingIt() throws Exception {
    Map<String, String> job = TestJobs.offlineJob("azure_job", temp);
    job.put("srcType", "azure");
    job.put("srcAccessKey", "myaccount");
    job.put("srcSecretKey", "pasted-the-connection-string-by-mistake;AccountKey=");
    job.put("srcDomain", "core.windows.net");
    job.put("srcBucket", "photos");
    job.put("srcPrefix", "2024/");
    Map<String, String> sys = new HashMap<>();
    sys.put("workingDir", temp.resolve("work").toString());
    OssImport ossimport =
        OssImport.open(null, sys, Collections.<String, String>emptyMap(), new EventLog());

    ConfigurationException e =
        assertThrows(ConfigurationException.class, () -> ossimport.submit(null, job));

    String message = e.getMessage();
    assertTrue(message.contains("srcSecretKey is not an Azure storage account key"), message);
    assertFalse(message.contains("connection-string"), message);
    assertFalse(Files.exists(temp.resolve("work/master/jobs/azure_job")), "nothing submitted");
  }
}
