import io.ossimport.it.Buckets

def log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Submitted job it_migrate')
assert log.contains('[INFO] Job it_migrate: Succeed. Objects: 4 of 4 done')
assert log.contains('[INFO] JobState:Succeed')

// The job tree keeps only where the secret is: the <server>, read again by start.
def frozen = new File(basedir, '.ossimport/master/jobs/it_migrate/job.cfg').text
assert frozen.contains('destSecretKey=@supplied:maven-server:oss\n') : frozen

// Neither the decrypted secret nor its Base64 forms anywhere under the project: the build log,
// target/ (the working directory, its job tree and logs), the job file.
def secret = 'emulator-secret-key'
def bytes = secret.getBytes('UTF-8')
def forms = [secret,
             bytes.encodeBase64().toString(),
             Base64.getUrlEncoder().withoutPadding().encodeToString(bytes)]
def found = []
def files = 0
basedir.eachFileRecurse(groovy.io.FileType.FILES) { f ->
  if (f.name == 'verify.groovy') return // this script names the secret to look for it
  files++
  def text = new String(f.bytes, 'ISO-8859-1')
  forms.each { form -> if (text.contains(form)) { found << "${f} holds ${form == secret ? 'the secret' : 'its Base64 form'}" } }
}
assert files > 10 : "the walk saw the job tree and logs (${files} files)"
assert found.isEmpty() : found.join('\n')

def expected = Buckets.files(new File(basedir, 'data').toPath()).collectEntries { k, v -> ['backup/' + k, v] }
assert Buckets.objects(endpoint, 'it-migrate') == expected
true
