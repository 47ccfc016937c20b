#!/usr/bin/env python3
"""Runs a command as a child subreaper and waits for it AND every process it left behind.

import.sh starts the ossimport service in the background (nohup ... &) and returns once it has
stopped it; without a subreaper the service would be re-parented to init and /usr/bin/time -v
would count neither its CPU time nor its peak RSS. Wrapped as `/usr/bin/time -v reap.py CMD...`,
every descendant is waited for here, so time's figures cover them all. Exit code: the command's.
Descendants still alive GRACE seconds after the command ended are killed (no leftovers)."""
import ctypes
import os
import signal
import subprocess
import sys
import time

PR_SET_CHILD_SUBREAPER = 36
GRACE = float(os.environ.get("REAP_GRACE_SECONDS", "30"))

libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) != 0:
    sys.exit("reap.py: prctl(PR_SET_CHILD_SUBREAPER) failed")
child = subprocess.Popen(sys.argv[1:])
signal.signal(signal.SIGTERM, lambda *_: child.terminate())
rc = child.wait()
deadline = time.time() + GRACE
while True:
    try:
        pid, _ = os.waitpid(-1, os.WNOHANG)
    except ChildProcessError:
        break
    if pid == 0:
        if time.time() > deadline:
            for entry in os.listdir("/proc"):
                try:
                    with open("/proc/%s/stat" % entry) as f:
                        ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                    if ppid == os.getpid():
                        os.kill(int(entry), signal.SIGKILL)
                except (ValueError, OSError, IndexError):
                    pass
            deadline = time.time() + 3600
        time.sleep(0.05)
sys.exit(rc)
