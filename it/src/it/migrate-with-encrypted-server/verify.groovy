import io.ossimport.it.Buckets

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Submitted job it_migrate')
assert log.contains('[INFO] Job it_migrate: Succeed. Objects: 4 of 4 done')
assert log.contains('[INFO] JobState:Succeed')
assert !log.contains('emulator-secret-key') : 'the decrypted secret must not be logged'

def expected = Buckets.files(new File(basedir, 'data').toPath()).collectEntries { k, v -> ['backup/' + k, v] }
assert Buckets.objects(endpoint, 'it-migrate') == expected
true
