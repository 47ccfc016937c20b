import io.ossimport.it.Buckets

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Dry run of job it_dry_run: nothing written, no job created')
assert log.contains('[INFO] Would import: 2 objects, ')
assert log.contains('[INFO]   readme.txt -> backup/readme.txt')
assert log.contains('[INFO]   EXCLUDED_BY_FILTER: 1 object')
assert log.contains('[INFO]   docs/draft.tmp: EXCLUDED_BY_FILTER')
assert !log.contains('Submitted job')
// Nothing written: no job directory, no jobqueue entry ...
def work = new File(basedir, '.ossimport')
assert !new File(work, 'master/jobs/it_dry_run').exists()
assert !new File(work, 'master/jobqueue').exists() || new File(work, 'master/jobqueue').list().length == 0
// ... and not one request reached the destination (read before the listing below adds one).
def counters = new URL(endpoint + '/_emulator/counters').text
assert counters.contains('"total":0') : counters
assert Buckets.objects(endpoint, 'it-dry-run').isEmpty()
true
