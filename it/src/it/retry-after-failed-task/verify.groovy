import io.ossimport.it.Buckets

def log = new File(basedir, 'build.log').text
assert log.contains('[WARNING] Job it_retry: Failed.')
assert log.contains('audit.log')
assert log.contains('ossimport.failOnTaskErrors is false: the build goes on')
assert log.contains('it_retry has 1 failed task(s)')
assert log.contains('[INFO] Retry has been submitted: 1 failed task(s) of job it_retry')
assert log.contains('[INFO] Job it_retry: Succeed.')
assert log.contains('[INFO] JobState:Succeed')
assert Buckets.objects(endpoint, 'it-retry') == Buckets.files(new File(basedir, 'data').toPath())
true
