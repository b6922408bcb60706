// 2-D convolution (cross-correlation, zero padding), forward and both backward passes.
// Java twins: tensor.backend.Reference.conv2dForward, conv2dBackwardInput, conv2dBackwardWeight
// (the dBias part of the latter is conv2dBackwardBias here). One work-item per output element,
// running the twin's inner loops in the twin's order; the geometry is ConvGeometry's fields
// (n, cIn, height = h, width = w, cOut, kh, kw, stride, pad) plus its hOut() and wOut().
// Shapes: x [n, cIn, h, w], weight [cOut, cIn, kh, kw], y and dy [n, cOut, hOut, wOut].
// Launch: 1-D, global = round_up(items, local); work-items past the last element do nothing.

// y[b,o,i,j] = bias[o] + Σ_{c,p,q} weight[o,c,p,q] · x_pad[b, c, i·stride + p, j·stride + q]
__kernel void conv2dForward(int n, int cIn, int height, int width, int cOut, int kh, int kw,
                            int stride, int pad, int ho, int wo,
                            __global const float *x, __global const float *weight,
                            __global const float *bias, int hasBias, __global float *y) {
    const int item = get_global_id(0);
    if (item >= n * cOut * ho * wo) return;
    const int j = item % wo, i = (item / wo) % ho, o = (item / (wo * ho)) % cOut, b = item / (wo * ho * cOut);
    float acc = hasBias ? bias[o] : 0.0f;
    for (int c = 0; c < cIn; c++)
        for (int p = 0; p < kh; p++) {
            const int r = i * stride + p - pad;
            if (r < 0 || r >= height) continue;
            for (int q = 0; q < kw; q++) {
                const int s = j * stride + q - pad;
                if (s < 0 || s >= width) continue;
                acc += weight[((o * cIn + c) * kh + p) * kw + q] * x[((b * cIn + c) * height + r) * width + s];
            }
        }
    y[item] = acc;
}

// dx[b,c,r,s] += Σ_{o,p,q : r = i·stride + p − pad, s = j·stride + q − pad} weight[o,c,p,q] · dy[b,o,i,j]
__kernel void conv2dBackwardInput(int n, int cIn, int height, int width, int cOut, int kh, int kw,
                                  int stride, int pad, int ho, int wo,
                                  __global const float *dy, __global const float *weight, __global float *dx) {
    const int item = get_global_id(0);
    if (item >= n * cIn * height * width) return;
    const int s = item % width, r = (item / width) % height, c = (item / (width * height)) % cIn;
    const int b = item / (width * height * cIn);
    float acc = 0.0f;
    for (int o = 0; o < cOut; o++)
        for (int p = 0; p < kh; p++) {
            const int ti = r + pad - p;
            if (ti < 0 || ti % stride != 0 || ti / stride >= ho) continue;
            const int i = ti / stride;
            for (int q = 0; q < kw; q++) {
                const int tj = s + pad - q;
                if (tj < 0 || tj % stride != 0 || tj / stride >= wo) continue;
                const int j = tj / stride;
                acc += weight[((o * cIn + c) * kh + p) * kw + q] * dy[((b * cOut + o) * ho + i) * wo + j];
            }
        }
    dx[item] += acc;
}

// dw[o,c,p,q] += Σ_{b,i,j} dy[b,o,i,j] · x_pad[b, c, i·stride + p, j·stride + q]
__kernel void conv2dBackwardWeight(int n, int cIn, int height, int width, int cOut, int kh, int kw,
                                   int stride, int pad, int ho, int wo,
                                   __global const float *x, __global const float *dy, __global float *dw) {
    const int item = get_global_id(0);
    if (item >= cOut * cIn * kh * kw) return;
    const int q = item % kw, p = (item / kw) % kh, c = (item / (kw * kh)) % cIn, o = item / (kw * kh * cIn);
    float acc = 0.0f;
    for (int b = 0; b < n; b++)
        for (int i = 0; i < ho; i++) {
            const int r = i * stride + p - pad;
            if (r < 0 || r >= height) continue;
            for (int j = 0; j < wo; j++) {
                const int s = j * stride + q - pad;
                if (s < 0 || s >= width) continue;
                acc += dy[((b * cOut + o) * ho + i) * wo + j] * x[((b * cIn + c) * height + r) * width + s];
            }
        }
    dw[item] += acc;
}

// dBias[o] += Σ_{b,i,j} dy[b,o,i,j]
__kernel void conv2dBackwardBias(int n, int cOut, int ho, int wo, __global const float *dy, __global float *dBias) {
    const int o = get_global_id(0);
    if (o >= cOut) return;
    float acc = 0.0f;
    for (int b = 0; b < n; b++)
        for (int t = 0; t < ho * wo; t++) acc += dy[(b * cOut + o) * ho * wo + t];
    dBias[o] += acc;
}
