// The emulator refuses the next PutObject with 403 AccessDenied, which the engine does not retry.
def connection = new URL(endpoint + '/_emulator/faults?op=PutObject&script=403:AccessDenied').openConnection()
connection.requestMethod = 'POST'
assert connection.responseCode == 204 : 'the emulator accepts the fault script'
true
