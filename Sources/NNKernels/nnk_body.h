// The body of every kernel, included once per code path (nnk_portable.c, nnk_x86_64_v3.c, …)
// with the target's instruction set switched on around it. Each path file defines:
//   NNK_TABLE   the name of the table of functions it exports;
//   NNK_WIDTH   floats per SIMD register (4: SSE2 or NEON, 8: AVX2, 16: AVX-512);
//   NNK_MR      rows of a product tile; a tile is NNK_MR rows by 2·NNK_WIDTH columns
//               (1·NNK_WIDTH when NNK_ONE_VECTOR is set).
//
// Why the bits cannot depend on the path:
// - no contraction: `a * b + c` is a rounded product, then a rounded sum, on every path (the
//   pragma below; nnbook never fuses, and Swift never does);
// - every sum runs in one order: a product's c[i][j] adds its k terms from k = 0 up, whatever the
//   tile size; other sums (softmax, column sums) run in index order and the compiler may not
//   reorder them (no -ffast-math), so SIMD only ever processes independent elements side by side;
// - no libm: exp, log and tanh are the functions below, made of +, −, ×, ÷ and bit moves.
#pragma STDC FP_CONTRACT OFF
#pragma clang fp contract(off)

#include <stdlib.h>
#include <string.h>

#include "nnk_table.h"

typedef float nnk_vector __attribute__((vector_size(NNK_WIDTH * 4), aligned(4)));

#ifdef NNK_ONE_VECTOR
#define NNK_NV 1
#else
#define NNK_NV 2
#endif
#define NNK_NR (NNK_NV * NNK_WIDTH)

static inline nnk_vector load(const float *p) {
    nnk_vector v;
    memcpy(&v, p, sizeof v);
    return v;
}

static inline void store(float *p, nnk_vector v) { memcpy(p, &v, sizeof v); }

static inline nnk_vector splat(float x) {
    nnk_vector v;
    for (int lane = 0; lane < NNK_WIDTH; lane++) v[lane] = x;
    return v;
}

static inline uint32_t bits_of(float x) {
    uint32_t u;
    memcpy(&u, &x, 4);
    return u;
}

static inline float float_of(uint32_t u) {
    float x;
    memcpy(&x, &u, 4);
    return x;
}

// ---------------------------------------------------------------------------------------------
// Elementary functions. Each mirrors `Elementary` in NNCore operation for operation; the error
// bounds are stated there and checked by ElementaryFunctionTests.

static inline float nnk_exp1(float x) {
    const float hi = 0x1.62e42ep+6f, lo = -0x1.5d589ep+6f;
    float xc = x > hi ? hi : (x < lo ? lo : x);
    xc = x != x ? 0.0f : xc;
    float t = xc * 0x1.715476p+0f;
    float shifted = t + 0x1.8p23f;
    float nf = shifted - 0x1.8p23f;
    int32_t n = (int32_t)bits_of(shifted) - 0x4B400000;
    float r = (xc - nf * 0x1.62e4p-1f) - nf * 0x1.7f7d1cp-20f;
    float p = 0x1.a01a02p-13f;
    p = p * r + 0x1.6c16c2p-10f;
    p = p * r + 0x1.111112p-7f;
    p = p * r + 0x1.555556p-5f;
    p = p * r + 0x1.555556p-3f;
    p = p * r + 0x1p-1f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    int32_t k = n > 0 ? n - 1 : n;
    float y = (p * float_of((uint32_t)(k + 127) << 23)) * (n > 0 ? 2.0f : 1.0f);
    return x != x ? x : (x > hi ? __builtin_inff() : (x < lo ? 0.0f : y));
}

static inline float nnk_log1(float x) {
    float xs = x < 0x1p-126f ? x * 0x1p25f : x;
    int32_t adjust = x < 0x1p-126f ? -25 : 0;
    int32_t ix = (int32_t)bits_of(xs) - 0x3f3504f3;
    int32_t e = (ix >> 23) + adjust;
    float m = float_of((uint32_t)((ix & 0x007fffff) + 0x3f3504f3));
    float f = m - 1.0f;
    float s = f / (2.0f + f);
    float z = s * s;
    float w = z * z;
    float r = z * (0x1.555554p-1f + w * 0x1.23d3dcp-2f) + w * (0x1.999c26p-2f + w * 0x1.f13c4cp-3f);
    float hfsq = 0.5f * f * f;
    float dk = (float)e;
    float y = s * (hfsq + r) + dk * 0x1.2fefa2p-17f - hfsq + f + dk * 0x1.62e3p-1f;
    return x != x ? x : (x < 0.0f ? __builtin_nanf("") : (x == 0.0f ? -__builtin_inff() : (x == __builtin_inff() ? x : y)));
}

static inline float nnk_tanh1(float x) {
    float a = x < 0.0f ? -x : x;
    float z = x * x;
    float q = -0x1.7da364p-10f;
    q = q * z + 0x1.d6d3d0p-9f;
    q = q * z - 0x1.226e36p-7f;
    q = q * z + 0x1.664f48p-6f;
    q = q * z - 0x1.ba1ba2p-5f;
    q = q * z + 0x1.111112p-3f;
    q = q * z - 0x1.555556p-2f;
    float small = x + x * (z * q);
    float e = nnk_exp1(a + a);
    float t = 1.0f - 2.0f / (e + 1.0f);
    float large = x < 0.0f ? -t : t;
    return a < 0.4f ? (x == 0.0f ? x : small) : large;
}

static inline float nnk_sigmoid1(float x) {
    float e = nnk_exp1(x < 0.0f ? x : -x);
    return x >= 0.0f ? 1.0f / (1.0f + e) : e / (1.0f + e);
}

static void exp_array(const float *x, float *y, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = nnk_exp1(x[i]);
}

static void log_array(const float *x, float *y, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) y[i] = nnk_log1(x[i]);
}

// ---------------------------------------------------------------------------------------------
// Matrix products. The tile routine keeps NNK_MR × NNK_NR sums in registers for the whole k
// loop, starting from c (or 0), so each element's sum runs over k in order whatever the tile
// size. It reads both operands in place where their layout allows (rows of b stored k×n; a in
// either orientation); the edges, and b stored transposed, are first copied into zero-padded
// panels, so that one tile routine serves the three forms and every shape.

/// A scratch area per thread that only grows: products run thousands of times an epoch.
static float *scratch(size_t floats) {
    static _Thread_local float *buffer;
    static _Thread_local size_t capacity;
    if (floats > capacity) {
        free(buffer);
        buffer = malloc(floats * sizeof(float));
        if (buffer == NULL) abort();
        capacity = floats;
    }
    return buffer;
}

/// c[i][j] (NNK_MR × NNK_NR, rows ldc apart) += Σₚ a(i, p)·b(p, j), with a(i, p) at
/// a[i·a_row + p·a_step] and b(p, j) at b[p·ldb + j].
static void tile(const float *a, ptrdiff_t a_row, ptrdiff_t a_step, const float *b, ptrdiff_t ldb, ptrdiff_t k,
                 float *c, ptrdiff_t ldc, bool accumulate) {
    nnk_vector sum[NNK_MR][NNK_NV];
    for (int i = 0; i < NNK_MR; i++)
        for (int v = 0; v < NNK_NV; v++) sum[i][v] = accumulate ? load(c + i * ldc + v * NNK_WIDTH) : (nnk_vector){0};
    for (ptrdiff_t p = 0; p < k; p++) {
        nnk_vector row[NNK_NV];
        for (int v = 0; v < NNK_NV; v++) row[v] = load(b + p * ldb + v * NNK_WIDTH);
        for (int i = 0; i < NNK_MR; i++) {
            nnk_vector scale = splat(a[i * a_row + p * a_step]);
            for (int v = 0; v < NNK_NV; v++) {
                nnk_vector product = scale * row[v];
                sum[i][v] = sum[i][v] + product;
            }
        }
    }
    for (int i = 0; i < NNK_MR; i++)
        for (int v = 0; v < NNK_NV; v++) store(c + i * ldc + v * NNK_WIDTH, sum[i][v]);
}

static void matrix_product(const float *a, const float *b, float *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                           nnk_transpose transpose, bool accumulate) {
    if (m <= 0 || n <= 0) return;
    ptrdiff_t whole = n / NNK_NR, panels = (n + NNK_NR - 1) / NNK_NR;
    // Panels of b read in place: every whole one, unless b is stored transposed.
    ptrdiff_t direct = transpose == NNK_TRANSPOSE_SECOND ? 0 : whole;
    float *packed = scratch((size_t)((panels - direct) * NNK_NR * k + NNK_MR * k + NNK_MR * NNK_NR));
    float *a_edge = packed + (panels - direct) * NNK_NR * k;
    float *c_edge = a_edge + NNK_MR * k;
    for (ptrdiff_t panel = direct; panel < panels; panel++) {
        float *to = packed + (panel - direct) * NNK_NR * k;
        for (ptrdiff_t p = 0; p < k; p++)
            for (ptrdiff_t jj = 0; jj < NNK_NR; jj++) {
                ptrdiff_t j = panel * NNK_NR + jj;
                to[p * NNK_NR + jj] = j >= n ? 0.0f : (transpose == NNK_TRANSPOSE_SECOND ? b[j * k + p] : b[p * n + j]);
            }
    }
    bool a_transposed = transpose == NNK_TRANSPOSE_FIRST;
    for (ptrdiff_t i0 = 0; i0 < m; i0 += NNK_MR) {
        ptrdiff_t rows = m - i0 < NNK_MR ? m - i0 : NNK_MR;
        const float *ai = a_transposed ? a + i0 : a + i0 * k;
        ptrdiff_t a_row = a_transposed ? 1 : k, a_step = a_transposed ? m : 1;
        if (rows < NNK_MR) {
            for (ptrdiff_t p = 0; p < k; p++)
                for (ptrdiff_t ii = 0; ii < NNK_MR; ii++)
                    a_edge[p * NNK_MR + ii] = ii < rows ? ai[ii * a_row + p * a_step] : 0.0f;
            ai = a_edge;
            a_row = 1;
            a_step = NNK_MR;
        }
        for (ptrdiff_t panel = 0; panel < panels; panel++) {
            ptrdiff_t j0 = panel * NNK_NR;
            ptrdiff_t columns = n - j0 < NNK_NR ? n - j0 : NNK_NR;
            const float *bj = panel < direct ? b + j0 : packed + (panel - direct) * NNK_NR * k;
            ptrdiff_t ldb = panel < direct ? n : NNK_NR;
            if (rows == NNK_MR && columns == NNK_NR) {
                tile(ai, a_row, a_step, bj, ldb, k, c + i0 * n + j0, n, accumulate);
                continue;
            }
            for (ptrdiff_t ii = 0; ii < NNK_MR; ii++)
                for (ptrdiff_t jj = 0; jj < NNK_NR; jj++)
                    c_edge[ii * NNK_NR + jj] = (ii < rows && jj < columns && accumulate) ? c[(i0 + ii) * n + j0 + jj] : 0.0f;
            tile(ai, a_row, a_step, bj, ldb, k, c_edge, NNK_NR, true);
            for (ptrdiff_t ii = 0; ii < rows; ii++)
                for (ptrdiff_t jj = 0; jj < columns; jj++) c[(i0 + ii) * n + j0 + jj] = c_edge[ii * NNK_NR + jj];
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Layer and optimizer loops: each element on its own, or sums in index order.

static void add_bias(float *values, const float *bias, ptrdiff_t rows, ptrdiff_t columns) {
    for (ptrdiff_t r = 0; r < rows; r++)
        for (ptrdiff_t j = 0; j < columns; j++) values[r * columns + j] = values[r * columns + j] + bias[j];
}

static void column_sums(const float *values, float *sums, ptrdiff_t rows, ptrdiff_t columns) {
    for (ptrdiff_t j = 0; j < columns; j++) sums[j] = 0.0f;
    for (ptrdiff_t r = 0; r < rows; r++)
        for (ptrdiff_t j = 0; j < columns; j++) sums[j] = sums[j] + values[r * columns + j];
}

static void gather_rows(const float *source, const int64_t *indices, ptrdiff_t count, ptrdiff_t width, float *target) {
    for (ptrdiff_t r = 0; r < count; r++) memcpy(target + r * width, source + indices[r] * width, (size_t)width * sizeof(float));
}

static void relu_forward(float *values, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) values[i] = values[i] < 0.0f ? 0.0f : values[i];
}

static void relu_backward(const float *output, float *gradient, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) gradient[i] = output[i] <= 0.0f ? 0.0f : gradient[i];
}

static void leaky_relu_forward(float *values, ptrdiff_t count, float slope) {
    for (ptrdiff_t i = 0; i < count; i++) values[i] = values[i] < 0.0f ? values[i] * slope : values[i];
}

static void leaky_relu_backward(const float *output, float *gradient, ptrdiff_t count, float slope) {
    for (ptrdiff_t i = 0; i < count; i++) gradient[i] = output[i] <= 0.0f ? gradient[i] * slope : gradient[i];
}

static void sigmoid_forward(float *values, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) values[i] = nnk_sigmoid1(values[i]);
}

static void sigmoid_backward(const float *output, float *gradient, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) gradient[i] = gradient[i] * (output[i] * (1.0f - output[i]));
}

static void tanh_forward(float *values, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) values[i] = nnk_tanh1(values[i]);
}

static void tanh_backward(const float *output, float *gradient, ptrdiff_t count) {
    for (ptrdiff_t i = 0; i < count; i++) gradient[i] = gradient[i] * (1.0f - output[i] * output[i]);
}

static void softmax_rows(float *values, ptrdiff_t rows, ptrdiff_t columns) {
    for (ptrdiff_t r = 0; r < rows; r++) {
        float *row = values + r * columns;
        float top = row[0];
        for (ptrdiff_t j = 1; j < columns; j++) top = row[j] > top ? row[j] : top;
        for (ptrdiff_t j = 0; j < columns; j++) row[j] = nnk_exp1(row[j] - top);
        float total = 0.0f;
        for (ptrdiff_t j = 0; j < columns; j++) total = total + row[j];
        for (ptrdiff_t j = 0; j < columns; j++) row[j] = row[j] / total;
    }
}

static void sgd_update(float *w, const float *g, ptrdiff_t count, float rate) {
    for (ptrdiff_t i = 0; i < count; i++) w[i] = w[i] - rate * g[i];
}

static void momentum_update(float *w, float *velocity, const float *g, ptrdiff_t count, float rate, float momentum) {
    for (ptrdiff_t i = 0; i < count; i++) {
        velocity[i] = momentum * velocity[i] - rate * g[i];
        w[i] = w[i] + velocity[i];
    }
}

static void rmsprop_update(float *w, float *average, const float *g, ptrdiff_t count, float rate, float rho, float epsilon) {
    for (ptrdiff_t i = 0; i < count; i++) {
        average[i] = rho * average[i] + (1.0f - rho) * g[i] * g[i];
        w[i] = w[i] - rate * g[i] / __builtin_elementwise_sqrt(average[i] + epsilon);
    }
}

static void adam_update(float *w, float *m, float *v, const float *g, ptrdiff_t count,
                        float alpha, float keep1, float keep2, float epsilon) {
    for (ptrdiff_t i = 0; i < count; i++) {
        m[i] = m[i] + (g[i] - m[i]) * keep1;
        v[i] = v[i] + (g[i] * g[i] - v[i]) * keep2;
        w[i] = w[i] - alpha * m[i] / (__builtin_elementwise_sqrt(v[i]) + epsilon);
    }
}

const struct nnk_table NNK_TABLE = {
    matrix_product, add_bias, column_sums, gather_rows,
    relu_forward, relu_backward, leaky_relu_forward, leaky_relu_backward,
    sigmoid_forward, sigmoid_backward, tanh_forward, tanh_backward, softmax_rows,
    exp_array, log_array,
    sgd_update, momentum_update, rmsprop_update, adam_update,
};
