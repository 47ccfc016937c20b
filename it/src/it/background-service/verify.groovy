import io.ossimport.it.Buckets

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Started the ossimport service in the background (pid ')
assert log.contains('[INFO] Stop import service completed (pid ')
assert log.contains('[INFO] JobState:Succeed')
def serviceLog = new File(basedir, '.ossimport/logs/ossimport2.log').text
assert serviceLog.contains('service started on')
assert serviceLog.contains('service stopped')
assert Buckets.objects(endpoint, 'it-background') == Buckets.files(new File(basedir, 'data').toPath())
true
