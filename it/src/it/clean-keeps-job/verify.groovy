import io.ossimport.it.Buckets

def log = new File(basedir, 'build.log').text
// mvn clean ran between submit and start, and the job was still there to run.
assert log.contains('[INFO] JobState:Succeed')
assert new File(basedir, '.ossimport/master/jobs/it_clean_keeps').isDirectory()
assert !log.contains('is under the build directory')
assert Buckets.objects(endpoint, 'it-clean-keeps-job') == Buckets.files(new File(basedir, 'data').toPath())
// Under -X the start shows Maven's and the plugin's debug, but no HTTP wire log ...
int wireRun = log.indexOf('it_wire_check')
assert wireRun > 0
def start = log.substring(0, wireRun)
assert start.contains('[DEBUG] Configuring mojo io.ossimport:ossimport-maven-plugin')
assert !start.contains('http-outgoing-')
// ... until -Dossimport.wireLog=true asks for it (the submit's preflight requests).
assert log.substring(wireRun).contains('http-outgoing-')
true
