def connection = new URL(endpoint + '/_emulator/faults?op=PutObject&script=403:AccessDenied').openConnection()
connection.requestMethod = 'POST'
assert connection.responseCode == 200 : 'the emulator accepts the fault script'
true
