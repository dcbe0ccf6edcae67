#!/usr/bin/python3
"""Sharded extraction on Dask distributed (Debian python3-distributed): a
LocalCluster of two worker processes each runs `clusterkg extract --format
ndjson` on one shard of the sample articles; `clusterkg merge` then combines
the shards, and the result must be byte for byte the output of one
`clusterkg extract` over all articles (docs/scale.md).

usage: dask_test.py CLUSTERKG ARTICLES_DIR OUT_DIR
"""
import os, subprocess, sys

cli, articles, out = sys.argv[1:4]
os.makedirs(out, exist_ok=True)


def extract_shard(cli, paths):
    """Runs on a worker: the shard's NDJSON, and who made it."""
    import socket, os as wos, subprocess as wsub
    r = wsub.run([cli, "extract", "--format", "ndjson", "--quiet", *paths], capture_output=True)
    return r.returncode, r.stdout, r.stderr, f"{socket.gethostname()}:{wos.getpid()}"


def main():
    from dask.distributed import Client, LocalCluster

    files = sorted(os.path.join(articles, f) for f in os.listdir(articles))
    shards = [files[0::2], files[1::2]]  # interleaved: each shard has every kind of input
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                      dashboard_address=None) as cluster, Client(cluster) as client:
        workers = sorted(client.scheduler_info()["workers"])
        if len(workers) != 2:
            sys.exit(f"expected 2 workers, got {workers}")
        # one shard per worker, so that both processes really run
        futures = [client.submit(extract_shard, cli, shard, workers=[w], pure=False)
                   for shard, w in zip(shards, workers)]
        results = client.gather(futures)
    outputs = []
    for i, (rc, stdout, stderr, who) in enumerate(results):
        if rc != 0:
            sys.exit(f"shard {i} failed on {who}: {stderr.decode()[-300:]}")
        path = os.path.join(out, f"shard-{i}.ndjson")
        with open(path, "wb") as f:
            f.write(stdout)
        outputs.append(path)
        n = stdout.count(b"\n")
        print(f"shard {i}: {len(shards[i])} inputs, {n} articles, on {who}")
    if results[0][3] == results[1][3]:
        sys.exit("both shards ran in one process")
    merged = subprocess.run([cli, "merge", "--quiet", *outputs], capture_output=True)
    single = subprocess.run([cli, "extract", "--quiet", *files], capture_output=True)
    if merged.returncode != 0 or single.returncode != 0:
        sys.exit(f"merge/extract failed: {merged.stderr[-300:]!r} {single.stderr[-300:]!r}")
    print(f"merged: {len(merged.stdout)} bytes, single process: {len(single.stdout)} bytes")
    if merged.stdout != single.stdout:
        open(os.path.join(out, "merged.jsonld"), "wb").write(merged.stdout)
        open(os.path.join(out, "single.jsonld"), "wb").write(single.stdout)
        sys.exit(f"merged output differs from the single-process output (see {out})")
    print("dask shards merged = single process")


if __name__ == "__main__":
    main()
