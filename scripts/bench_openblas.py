"""The OpenBLAS side of scripts/bench (benchmarks only, never tests).

measure THREADS sgemm_N...: times numpy's float32 matmul for each named sgemm_N workload, with
    the protocol of lassi.bench.Timing (bench_protocol.timed), and prints one JSON line per size
    named sgemm_N_openblas. Prints nothing (and says why on stderr) when numpy's BLAS is not
    OpenBLAS. bench_protocol.py merge adds them to the Java lines.
"""
import ctypes
import sys

from bench_protocol import line, timed


def loaded_openblas():
    """Path of the OpenBLAS library numpy loaded, or None."""
    with open("/proc/self/maps") as maps:
        for entry in maps:
            path = entry.split()[-1]
            if "openblas" in path and ".so" in path:
                return path
    return None


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
        print(line(name + "_openblas", median, minimum, reps, 2.0 * n ** 3 / median / 1e9, "openblas", threads,
                   openblas_core=core), flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "measure":
        sys.exit("usage: bench_openblas.py measure THREADS sgemm_N...")
    measure(int(sys.argv[2]), sys.argv[3:])
