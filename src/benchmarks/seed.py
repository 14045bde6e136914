#!/usr/bin/env python3
"""Fills an image catalogue: seed.py BASE_URL COUNT [THREADS] creates COUNT image records through
POST /v2/images over keep-alive connections and prints how many it made. Standard library only."""
import http.client
import json
import sys
import threading
import time
import urllib.parse

base, count = sys.argv[1], int(sys.argv[2])
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 4
url = urllib.parse.urlsplit(base)
lock = threading.Lock()
state = {"next": 0, "made": 0, "failed": 0}


def body(i):
    return json.dumps({
        "name": "bench-%05d" % i,
        "disk_format": ("qcow2", "raw", "iso")[i % 3],
        "container_format": "bare",
        "min_disk": i % 20,
        "tags": ["bench", "batch-%d" % (i % 10)],
        "os_distro": "debian",
        "bench_index": str(i),
    })


def worker():
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
    while True:
        with lock:
            i = state["next"]
            if i >= count:
                break
            state["next"] += 1
        try:
            conn.request("POST", "/v2/images", body(i), {"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            ok = r.status == 201
        except (OSError, http.client.HTTPException):
            conn.close()
            conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
            ok = False
        with lock:
            state["made" if ok else "failed"] += 1
    conn.close()


start = time.monotonic()
workers = [threading.Thread(target=worker) for _ in range(threads)]
for t in workers:
    t.start()
for t in workers:
    t.join()
elapsed = time.monotonic() - start
print("%d %d %.1f" % (state["made"], state["failed"], elapsed))
