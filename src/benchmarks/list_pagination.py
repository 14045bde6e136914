#!/usr/bin/env python3
"""Fills a running glance-jee server with N images through the API, then times GET /v2/images.

Driven by list-pagination.sh, which starts and stops the server; standard library only. Prints a table
of timings (client side: request sent to body read, over one keep-alive connection) and checks that
walking every page sees each image exactly once.
"""
import argparse
import http.client
import json
import os
import statistics
import sys
import threading
import time
import urllib.parse

DISTROS = ["debian", "ubuntu", "fedora", "centos"]
RARE = 4242  # the one image with tag "rare"


def image_body(i):
    tags = ["bench", "grp-%d" % (i % 100)]
    if i == RARE:
        tags.append("rare")
    return {
        "name": "bench-%06d" % i,
        "tags": tags,
        "disk_format": "raw" if i % 2 else "qcow2",
        "container_format": "bare",
        "os_distro": DISTROS[i % len(DISTROS)],
        "bench_seq": str(i),
    }


class Client:
    def __init__(self, base):
        url = urllib.parse.urlsplit(base)
        self.host, self.port = url.hostname, url.port
        self.conn = None

    def request(self, method, path, body=None, content_type="application/json"):
        for attempt in range(3):
            try:
                if self.conn is None:
                    self.conn = http.client.HTTPConnection(self.host, self.port, timeout=120)
                headers = {"Content-Type": content_type} if body is not None else {}
                self.conn.request(method, path, body=body, headers=headers)
                response = self.conn.getresponse()
                return response.status, response.read()
            except (http.client.HTTPException, OSError):
                self.conn = None
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def get_json(self, path):
        status, body = self.request("GET", path)
        if status != 200:
            raise SystemExit("GET %s -> %d %s" % (path, status, body[:300]))
        return json.loads(body)


def create(base, start, count, threads):
    """POSTs images start..count-1 from several threads; returns the number created."""
    lock = threading.Lock()
    state = {"next": start, "done": 0, "failed": 0}
    began = time.perf_counter()

    def worker():
        client = Client(base)
        while True:
            with lock:
                i = state["next"]
                if i >= count:
                    return
                state["next"] += 1
            status, body = client.request("POST", "/v2/images", json.dumps(image_body(i)))
            with lock:
                if status == 201:
                    state["done"] += 1
                else:
                    state["failed"] += 1
                    if state["failed"] <= 5:
                        print("  create %d -> %d %s" % (i, status, body[:200]), file=sys.stderr)
                done = state["done"]
            if done and done % 10000 == 0:
                rate = done / (time.perf_counter() - began)
                print("  created %d/%d (%.0f/s)" % (start + done, count, rate), flush=True)

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for t in pool:
        t.start()
    for t in pool:
        t.join()
    elapsed = time.perf_counter() - began
    if state["failed"]:
        raise SystemExit("%d creates failed" % state["failed"])
    return state["done"], elapsed


class Toucher:
    """Changes one image (min_ram) between timed requests: H2 answers a repeated query from its result
    cache while nothing in the database changed, which would time the cache instead of the query."""

    def __init__(self, client):
        self.client = client
        self.id = client.get_json("/v2/images?name=bench-000000")["images"][0]["id"]
        self.count = 0

    def __call__(self):
        self.count += 1
        patch = json.dumps([{"op": "replace", "path": "/min_ram", "value": self.count % 1000}])
        status, body = self.client.request("PATCH", "/v2/images/" + self.id, patch,
                                           "application/openstack-images-v2.1-json-patch")
        if status != 200:
            raise SystemExit("PATCH -> %d %s" % (status, body[:300]))


def timed(client, path, runs, touch):
    """Median and max milliseconds of runs GETs (after one warm-up), and the last body."""
    body = client.get_json(path)
    times = []
    for _ in range(runs):
        touch()
        t0 = time.perf_counter()
        body = client.get_json(path)
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), max(times), body


def walk(client, query):
    """Follows next links from /v2/images?query; returns (ids, pages, seconds, slowest page ms)."""
    ids, pages, slowest = [], 0, 0.0
    path = "/v2/images?" + query
    began = time.perf_counter()
    while path:
        t0 = time.perf_counter()
        body = client.get_json(path)
        slowest = max(slowest, (time.perf_counter() - t0) * 1000)
        ids.extend(i["id"] for i in body["images"])
        pages += 1
        path = body.get("next")
    return ids, pages, time.perf_counter() - began, slowest


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--base", required=True)
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--threads", type=int, default=16)
    ap.add_argument("--runs", type=int, default=9)
    ap.add_argument("--state", help="file remembering how many images this data directory already has")
    args = ap.parse_args()
    n = args.count

    have = 0
    if args.state and os.path.exists(args.state):
        have = int(open(args.state).read().strip() or 0)
    if have < n:
        print("creating images %d..%d through the API with %d threads" % (have, n - 1, args.threads), flush=True)
        made, seconds = create(args.base, have, n, args.threads)
        print("created %d images in %.1f s (%.0f/s)" % (made, seconds, made / seconds), flush=True)
        if args.state:
            with open(args.state, "w") as f:
                f.write(str(n))
    else:
        print("data directory already holds %d bench images" % have, flush=True)
        n = have

    client = Client(args.base)
    touch = Toucher(client)
    rows = []  # (what, median ms, max ms, result)

    ids, pages, seconds, slowest = walk(client, "limit=1000")
    unique = len(set(ids))
    ok = unique == len(ids) == n
    rows.append(("walk all, default order, limit=1000", seconds * 1000, slowest,
                 "%d pages, %d ids, %d distinct: %s" % (pages, len(ids), unique, "OK" if ok else "WRONG")))
    if not ok:
        print("walk saw %d ids, %d distinct, expected %d" % (len(ids), unique, n), file=sys.stderr)

    named, pages2, seconds2, slowest2 = walk(client, "limit=1000&sort=name:asc")
    ok2 = len(named) == len(set(named)) == n and set(named) == set(ids)
    rows.append(("walk all, sort=name:asc, limit=1000", seconds2 * 1000, slowest2,
                 "%d pages, %d ids: %s" % (pages2, len(named), "OK" if ok2 else "WRONG")))

    deep = min(90000, n - 1)
    queries = [
        ("first page, limit=25", "/v2/images?limit=25", 25),
        ("first page, sort=name:asc", "/v2/images?limit=25&sort=name:asc", 25),
        ("page after #%d (marker), limit=25" % deep, "/v2/images?limit=25&marker=" + ids[deep - 1], None),
        ("page after #%d, sort=name:asc" % deep, "/v2/images?limit=25&sort=name:asc&marker=" + named[deep - 1],
         None),
        None,  # a page deep in sort=size:asc, filled in below
        ("name=bench-%06d" % RARE, "/v2/images?name=bench-%06d" % RARE, 1),
        ("tag=grp-7 (1%), limit=25", "/v2/images?tag=grp-7&limit=25", 25),
        ("tag=rare (1 image)", "/v2/images?tag=rare", 1),
        ("os_distro=debian (25%), limit=25", "/v2/images?os_distro=debian&limit=25", 25),
        ("bench_seq=%d (1 image)" % RARE, "/v2/images?bench_seq=%d" % RARE, 1),
        ("tag=grp-7&os_distro=fedora (no match)", "/v2/images?tag=grp-7&os_distro=fedora&limit=25", 0),
    ]
    sized = client.get_json("/v2/images?limit=1000&sort=size:asc")
    queries[4] = ("page after #1000, sort=size:asc (all NULL)",
                  "/v2/images?limit=25&sort=size:asc&marker=" + sized["images"][-1]["id"], 25)
    for what, path, expect in queries:
        if RARE >= n and expect == 1:
            expect = 0  # too few images for the rare one

        median, worst, body = timed(client, path, args.runs, touch)
        got = len(body["images"])
        note = "%d images" % got
        if expect is not None and got != expect:
            note += " (expected %d!)" % expect
        rows.append((what, median, worst, note))

    print()
    print("GET /v2/images with %d images (%s); ms = client-side, median and max of %d runs" % (
        n, args.base, args.runs))
    width = max(len(r[0]) for r in rows)
    print("%-*s | %10s | %10s | %s" % (width, "query", "median ms", "max ms", "result"))
    print("-" * width + "-+-" + "-" * 10 + "-+-" + "-" * 10 + "-+-" + "-" * 40)
    for what, median, worst, note in rows:
        if what.startswith("walk"):
            print("%-*s | %10s | %10.1f | total %.1f s; %s" % (width, what, "-", worst, median / 1000, note))
        else:
            print("%-*s | %10.1f | %10.1f | %s" % (width, what, median, worst, note))
    print("(walk rows: max ms is the slowest single page)")
    if not (ok and ok2):
        sys.exit(1)


if __name__ == "__main__":
    main()
