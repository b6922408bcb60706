"""What the Python sides of scripts/bench share (benchmarks only, never tests).

timed(run, warmups=3): the protocol of lassi.bench.Timing: warm-up >= warmups runs and >= 1 s,
    then >= 5 and up to 50 timed runs until they take 2 s; returns (median, minimum, reps) in
    seconds.
line(...): one result line in the format of shared/bench/WORKLOADS.md.
merge FILE...: copies the Java bench's JSON lines from stdin to stdout, adding the comparison
    fields from the reference lines in FILE...:
      <name>_openblas (gflops)  -> "openblas_gflops" and "ratio" = gflops / openblas_gflops
      <name>_torch (seconds)    -> "torch_seconds" and "ratio" = seconds_median / torch_seconds,
                                   "torch_seconds_min" and "ratio_min" = seconds_min / torch_seconds_min
    (so ratio >= 1 means as fast as OpenBLAS, ratio <= 1 means no slower than PyTorch). Other
    programs on a shared machine only ever add time, so ratio_min, of the fastest repetitions,
    is the steadier comparison of the two programs themselves.
"""
import json
import sys
import time

SUFFIXES = ("_openblas", "_torch")


def timed(run, warmups=3):
    start = time.perf_counter()
    done = 0
    while done < warmups or time.perf_counter() - start < 1.0:
        run()
        done += 1
    seconds = []
    while len(seconds) < 5 or (len(seconds) < 50 and sum(seconds) < 2.0):
        t = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - t)
    seconds.sort()
    r = len(seconds)
    median = seconds[r // 2] if r % 2 else 0.5 * (seconds[r // 2 - 1] + seconds[r // 2])
    return median, seconds[0], r


def line(name, median, minimum, reps, gflops, device, threads, **extra):
    """A result line; numbers with 6 significant digits, gflops None prints as null."""
    row = {"name": name, "seconds_median": float("%.6g" % median), "seconds_min": float("%.6g" % minimum),
           "reps": reps, "gflops": None if gflops is None else float("%.6g" % gflops),
           "device": device, "threads": threads}
    row.update(extra)
    return json.dumps(row)


def merge(paths):
    reference = {}                                   # (workload name, suffix) -> reference row
    for path in paths:
        with open(path) as f:
            for text in f:
                row = json.loads(text)
                for suffix in SUFFIXES:
                    if row["name"].endswith(suffix):
                        reference[(row["name"][: -len(suffix)], suffix)] = row
    for text in sys.stdin:
        row = json.loads(text)
        blas = reference.get((row["name"], "_openblas"))
        if blas is not None and row.get("gflops") is not None:
            row["openblas_gflops"] = blas["gflops"]
            row["ratio"] = round(row["gflops"] / blas["gflops"], 3)
        torch = reference.get((row["name"], "_torch"))
        if torch is not None:
            row["torch_seconds"] = torch["seconds_median"]
            row["ratio"] = round(row["seconds_median"] / torch["seconds_median"], 3)
            row["torch_seconds_min"] = torch["seconds_min"]
            row["ratio_min"] = round(row["seconds_min"] / torch["seconds_min"], 3)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 2 or sys.argv[1] != "merge":
        sys.exit("usage: bench_protocol.py merge FILE...")
    merge(sys.argv[2:])
