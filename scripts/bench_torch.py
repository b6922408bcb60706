"""The PyTorch side of scripts/bench (benchmarks only, never tests).

measure THREADS glow_...: times each named glow_* workload of shared/bench/WORKLOADS.md with
    PyTorch on THREADS threads, with the protocol of lassi.bench.Timing (bench_protocol.timed, with
    the same warm-up runs as lassi.bench.GlowWorkloads), and
    prints one JSON line per workload named <workload>_torch (device "torch", gflops null).
    bench_protocol.py merge adds them to the Java lines as torch_seconds and ratio.

The model is the rosinality/glow-pytorch Glow of fixtures/reference_glow.py (the reference LASSI
trains), built for the §10.3 profile like lassi.bench.GlowWorkloads: additive coupling, LU 1x1
convolutions, a batch of 64 random images on the 5-bit grid, ActNorm initialised on another batch
before timing, the profile's Adam learning rate. Per repetition:
    glow_*_latents      the forward pass under torch.no_grad() (log p, logdet, latents)
    glow_*_train_step   dequantise with fresh noise, forward, bits/dim loss, backward, Adam step
"""
import math
import os
import sys
import zlib

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from bench_protocol import line, timed                      # noqa: E402
from fixtures.reference_glow import Glow                    # noqa: E402

BATCH, N_BINS = 64, 32
# side, blocks L, steps K, width F, learning rate: lassi.glow.GlowProfile; the warm-up runs of
# lassi.bench.GlowWorkloads (WARMUPS_S16, WARMUPS_M32), so that both sides are timed alike
PROFILES = {"s16": (16, 3, 4, 64, 5e-4, 30), "m32": (32, 3, 8, 128, 2e-4, 20)}


def quantised_images(gen, side):
    return torch.randint(0, N_BINS, (BATCH, 3, side, side), generator=gen).float() / N_BINS - 0.5


def dequantize(x, gen):
    return x + torch.rand(x.shape, generator=gen) / N_BINS


def bits_per_dim(log_p, logdet, d):
    """The loss of lassi.glow.BitsPerDim: the batch mean of −(log p + logdet − d·ln n_bins) / (d·ln 2)."""
    return (-(log_p + logdet - d * math.log(N_BINS)) / (d * math.log(2))).mean()


def workload(name):
    """The timed repetition of a glow_<profile>_<kind> workload, after building its inputs."""
    _, profile, kind = name.split("_", 2)
    side, n_block, n_flow, width, lr, _ = PROFILES[profile]
    seed = zlib.crc32(name.encode())
    torch.manual_seed(seed)                                          # init of the model
    gen = torch.Generator().manual_seed(seed + 1)                    # images and noise
    model = Glow(3, n_flow, n_block, affine=False, conv_lu=True, filter_size=width)
    with torch.no_grad():
        model(dequantize(quantised_images(gen, side), gen))         # ActNorm data-dependent init
    images = quantised_images(gen, side)
    if kind == "latents":
        x = dequantize(images, gen)

        def latents():
            with torch.no_grad():
                model(x)
        return latents
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    d = 3 * side * side

    def train_step():
        x = dequantize(images, gen)
        optimizer.zero_grad()
        log_p, logdet, _ = model(x)
        bits_per_dim(log_p, logdet, d).backward()
        optimizer.step()
    return train_step


def measure(threads, names):
    torch.set_num_threads(threads)
    for name in names:
        print("bench: %s_torch ..." % name, file=sys.stderr)
        median, minimum, reps = timed(workload(name), PROFILES[name.split("_")[1]][5])
        print(line(name + "_torch", median, minimum, reps, None, "torch", threads), flush=True)


if __name__ == "__main__":
    if len(sys.argv) < 3 or sys.argv[1] != "measure":
        sys.exit("usage: bench_torch.py measure THREADS glow_...")
    measure(int(sys.argv[2]), sys.argv[3:])
