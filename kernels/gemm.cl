// C (+)= op(A) · op(B), tiled through local memory.
// Java twin: tensor.backend.Reference.gemm (same arguments; the same float sum over p in
// increasing order for every C element, tile by tile). transA: A is stored [k, m]; transB: B is
// stored [n, k]. The compiler may fuse acc + a·b into one fma, which the Java twin rounds twice:
// results agree within rounding, not bit for bit.
// Launch: 2-D, global (round_up(n, TILE), round_up(m, TILE)), local (TILE, TILE); work-items
// outside [m, n] load zeros into the tiles and write nothing.

#define TILE 16

__kernel void gemm(int transA, int transB, int m, int n, int k,
                   __global const float *a, int aOffset,
                   __global const float *b, int bOffset,
                   __global float *c, int cOffset, int accumulate) {
    __local float aTile[TILE][TILE];        // [i within tile][p within tile]
    __local float bTile[TILE][TILE + 1];    // [p within tile][j within tile]; +1 avoids bank conflicts
    const int tj = get_local_id(0), ti = get_local_id(1);
    const int j = get_group_id(0) * TILE + tj;
    const int i = get_group_id(1) * TILE + ti;
    float acc = 0.0f;
    for (int p0 = 0; p0 < k; p0 += TILE) {
        const int pa = p0 + tj;             // this work-item loads A[i, pa] and B[pb, j]
        const int pb = p0 + ti;
        aTile[ti][tj] = (i < m && pa < k) ? (transA ? a[aOffset + pa * m + i] : a[aOffset + i * k + pa]) : 0.0f;
        bTile[ti][tj] = (pb < k && j < n) ? (transB ? b[bOffset + j * k + pb] : b[bOffset + pb * n + j]) : 0.0f;
        barrier(CLK_LOCAL_MEM_FENCE);
        const int steps = min(TILE, k - p0); // the zero padding past k is never added
        for (int q = 0; q < steps; q++) acc += aTile[ti][q] * bTile[q][tj];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (i < m && j < n) {
        const int ci = cOffset + i * n + j;
        c[ci] = accumulate ? c[ci] + acc : acc;
    }
}
