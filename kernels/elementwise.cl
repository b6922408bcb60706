// Element-wise kernels: y = f(x; p) and its backward pass, broadcasting binary ops, and the
// reverse of broadcasting (sumTo). One work-item per output element; launch: 1-D, global =
// round_up(items, local), work-items past the last element do nothing. Shape arrays passed as
// int buffers are padded to length >= 1 (OpenCL has no zero-size buffers); rank 0 = a scalar.

// The ordinals of tensor.backend.Unary and tensor.backend.Binary, in enum order
// (OpenClElementwiseTest checks that these match the enums).
#define UNARY_NEG          0
#define UNARY_EXP          1
#define UNARY_LOG          2
#define UNARY_SQRT         3
#define UNARY_ABS          4
#define UNARY_POW          5
#define UNARY_SIGMOID      6
#define UNARY_LOG_SIGMOID  7
#define UNARY_RELU         8
#define UNARY_CLAMP_MIN    9
#define UNARY_SCALE        10
#define UNARY_ADD_SCALAR   11

#define BINARY_ADD 0
#define BINARY_SUB 1
#define BINARY_MUL 2
#define BINARY_DIV 3

// Java twin: Unary.sigmoid (no overflow for either sign).
float sigmoid(float x) {
    if (x >= 0.0f) return 1.0f / (1.0f + exp(-x));
    const float e = exp(x);
    return e / (1.0f + e);
}

// Java twin: Unary.apply, case by case.
float unaryApply(int f, float x, float p) {
    switch (f) {
        case UNARY_NEG:         return -x;
        case UNARY_EXP:         return exp(x);
        case UNARY_LOG:         return log(x);
        case UNARY_SQRT:        return sqrt(x);
        case UNARY_ABS:         return fabs(x);
        case UNARY_POW:         return pow(x, p);
        case UNARY_SIGMOID:     return sigmoid(x);
        case UNARY_LOG_SIGMOID: return fmin(x, 0.0f) - log1p(exp(-fabs(x)));
        case UNARY_RELU:        return x > 0.0f ? x : 0.0f;
        case UNARY_CLAMP_MIN:   return x > p ? x : p;
        case UNARY_SCALE:       return p * x;
        case UNARY_ADD_SCALAR:  return x + p;
        default:                return NAN;   // unreachable: the launcher passes an enum ordinal
    }
}

// Java twin: Unary.derivative (dy/dx at x, given y = f(x; p)), case by case.
float unaryDerivative(int f, float x, float y, float p) {
    switch (f) {
        case UNARY_NEG:         return -1.0f;
        case UNARY_EXP:         return y;
        case UNARY_LOG:         return 1.0f / x;
        case UNARY_SQRT:        return 0.5f / y;
        case UNARY_ABS:         return sign(x);
        case UNARY_POW:         return p * pow(x, p - 1.0f);
        case UNARY_SIGMOID:     return y * (1.0f - y);
        case UNARY_LOG_SIGMOID: return sigmoid(-x);
        case UNARY_RELU:        return x > 0.0f ? 1.0f : 0.0f;
        case UNARY_CLAMP_MIN:   return x > p ? 1.0f : 0.0f;
        case UNARY_SCALE:       return p;
        case UNARY_ADD_SCALAR:  return 1.0f;
        default:                return NAN;
    }
}

// Java twin: Reference.unary. y[i] = f(x[i]; p).
__kernel void unary(int f, float p, __global const float *x, __global float *y, int n) {
    const int i = get_global_id(0);
    if (i < n) y[i] = unaryApply(f, x[i], p);
}

// Java twin: Reference.unaryBackward. dx[i] += dy[i] · f'(x[i]) with y = f(x; p).
__kernel void unaryBackward(int f, float p, __global const float *x, __global const float *y,
                            __global const float *dy, __global float *dx, int n) {
    const int i = get_global_id(0);
    if (i < n) dx[i] += dy[i] * unaryDerivative(f, x[i], y[i], p);
}

// Java twin: Reference.binary, given the broadcast strides it computes (0 along the axes where
// an input has 1 or is missing). out[idx] = f(a[ai], b[bi]).
__kernel void binary(int f, __global const float *a, __global const float *b, __global float *out, int n,
                     int rank, __global const int *outDims, __global const int *aStrides, __global const int *bStrides) {
    const int idx = get_global_id(0);
    if (idx >= n) return;
    int rem = idx, ai = 0, bi = 0;
    for (int d = rank - 1; d >= 0; d--) {
        const int coord = rem % outDims[d];
        rem /= outDims[d];
        ai += coord * aStrides[d];
        bi += coord * bStrides[d];
    }
    const float av = a[ai], bv = b[bi];
    float r;
    switch (f) {
        case BINARY_ADD: r = av + bv; break;
        case BINARY_SUB: r = av - bv; break;
        case BINARY_MUL: r = av * bv; break;
        case BINARY_DIV: r = av / bv; break;
        default:         r = NAN;      // unreachable: the launcher passes an enum ordinal
    }
    out[idx] = r;
}

// Java twin: Reference.sumTo, out += x summed down to out's shape. The twin scatters x in
// increasing index order; here one work-item gathers for one out element, adding the same x
// elements in the same increasing order, so every sum is rounded exactly as in the twin.
// outDims is out's shape aligned to x's rank (1 along missing leading axes); the reduced axes are
// those where outDims is 1.
__kernel void sumTo(__global const float *x, __global float *out, int nOut, int rank,
                    __global const int *xDims, __global const int *xStrides, __global const int *outDims) {
    const int o = get_global_id(0);
    if (o >= nOut) return;
    int rem = o, base = 0, reduced = 1;
    for (int d = rank - 1; d >= 0; d--) {
        if (outDims[d] == 1) {
            reduced *= xDims[d];
        } else {
            base += (rem % outDims[d]) * xStrides[d];
            rem /= outDims[d];
        }
    }
    float acc = out[o];
    for (int t = 0; t < reduced; t++) {      // row-major over the reduced axes: x index increases with t
        int r = t, xi = base;
        for (int d = rank - 1; d >= 0; d--) {
            if (outDims[d] != 1) continue;
            xi += (r % xDims[d]) * xStrides[d];
            r /= xDims[d];
        }
        acc += x[xi];
    }
    out[o] = acc;
}
