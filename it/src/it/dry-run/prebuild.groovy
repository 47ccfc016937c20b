// The emulator counts requests from here on; the builds run one at a time (parallelThreads=1).
def connection = new URL(endpoint + '/_emulator/counters').openConnection()
connection.requestMethod = 'DELETE'
assert connection.responseCode in [200, 204] : 'the emulator resets its counters'
true
