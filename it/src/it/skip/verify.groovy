def log = new File(basedir, 'build.log').text
assert log.count('[INFO] Skipping ossimport: ossimport.skip is true.') == 6
assert log.contains('BUILD SUCCESS')
assert !new File(basedir, 'target').exists()
true
