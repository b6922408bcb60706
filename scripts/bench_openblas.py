"""The OpenBLAS side of scripts/bench (benchmarks only, never tests).

measure THREADS sgemm_N...: times numpy's float32 matmul for each named sgemm_N workload, with
    the protocol of lassi.bench.Timing (warm-up >= 3 runs and 1 s, then >= 5 and up to
    50 timed runs until 2 s), and prints one JSON line per size named sgemm_N_openblas. Prints
    nothing (and says why on stderr) when numpy's BLAS is not OpenBLAS.
merge FILE: copies the Java bench's JSON lines from stdin to stdout, adding "openblas_gflops" and
    "ratio" to each sgemm_N line that FILE has a sgemm_N_openblas line for.
"""
import ctypes
import json
import sys
import time

def loaded_openblas():
    """Path of the OpenBLAS library numpy loaded, or None."""
    with open("/proc/self/maps") as maps:
        for line in maps:
            path = line.split()[-1]
            if "openblas" in path and ".so" in path:
                return path
    return None


def timed(run):
    start = time.perf_counter()
    warmups = 0
    while warmups < 3 or time.perf_counter() - start < 1.0:
        run()
        warmups += 1
    seconds = []
    while len(seconds) < 5 or (len(seconds) < 50 and sum(seconds) < 2.0):
        t = time.perf_counter()
        run()
        seconds.append(time.perf_counter() - t)
    seconds.sort()
    r = len(seconds)
    median = seconds[r // 2] if r % 2 else 0.5 * (seconds[r // 2 - 1] + seconds[r // 2])
    return median, seconds[0], r


def measure(threads, names):
    import numpy as np
    np.ones((2, 2), np.float32) @ np.ones((2, 2), np.float32)      # loads the BLAS
    library = loaded_openblas()
    if library is None:
        print("bench: numpy's BLAS is not OpenBLAS (see shared/TOOLCHAIN.md): no OpenBLAS comparison", file=sys.stderr)
        return
    try:
        get_core = ctypes.CDLL(library).openblas_get_corename
        get_core.restype = ctypes.c_char_p
        core = get_core().decode()
    except (OSError, AttributeError):
        core = None
    for name in names:
        n = int(name[len("sgemm_"):])
        print("bench: %s_openblas ..." % name, file=sys.stderr)
        rng = np.random.default_rng(n)
        a = rng.standard_normal((n, n), dtype=np.float32)
        b = rng.standard_normal((n, n), dtype=np.float32)
        c = np.empty((n, n), dtype=np.float32)
        median, minimum, reps = timed(lambda: np.matmul(a, b, out=c))
        print(json.dumps({"name": name + "_openblas", "seconds_median": float("%.6g" % median),
                          "seconds_min": float("%.6g" % minimum), "reps": reps,
                          "gflops": float("%.6g" % (2.0 * n ** 3 / median / 1e9)), "device": "openblas",
                          "threads": threads, "openblas_core": core}), flush=True)


def merge(path):
    reference = {}
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            reference[row["name"][: -len("_openblas")]] = row["gflops"]
    for line in sys.stdin:
        row = json.loads(line)
        if row["name"] in reference and row.get("gflops") is not None:
            row["openblas_gflops"] = reference[row["name"]]
            row["ratio"] = round(row["gflops"] / reference[row["name"]], 3)
        print(json.dumps(row), flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "measure":
        measure(int(sys.argv[2]), sys.argv[3:])
    else:
        merge(sys.argv[2])
