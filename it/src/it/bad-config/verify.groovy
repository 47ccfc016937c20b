def log = new File(basedir, 'build.log').text
assert log.contains("local_job.cfg:6: destPrefix='/absolute/'")
assert log.contains('BUILD FAILURE')
assert !new File(basedir, '.ossimport/master/jobs/it_bad_config').exists()
true
