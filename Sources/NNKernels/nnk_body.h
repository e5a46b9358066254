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
// Matrix products. The columns of c are done in strips: as many whole tiles (NNK_NR columns) as
// fit, then single vectors of 8 and of 4 columns, so that no vector computes columns that do not
// exist; only the last 1–3 columns are done 4 wide, from a zero-padded copy of b. Each strip runs
// a tile routine (nnk_tile.h) down the rows of a, NNK_MR rows at a time, that keeps its sums in
// registers for the whole k loop, starting from c (or 0), so each element's sum runs over k in
// order whatever the strip's width. Both operands are read in place where their layout allows
// (rows of b stored k×n; a in either orientation); a strip of b stored transposed, and a's last
// rows when m is not a multiple of NNK_MR, are first copied into zero-padded panels.

typedef float nnk_vector4 __attribute__((vector_size(16), aligned(4)));
#define NNK_TILE tile_4
#define NNK_TILE_VECTOR nnk_vector4
#define NNK_TILE_VECTORS 1
#include "nnk_tile.h"

#if NNK_WIDTH >= 8
typedef float nnk_vector8 __attribute__((vector_size(32), aligned(4)));
#define NNK_TILE tile_8
#define NNK_TILE_VECTOR nnk_vector8
#define NNK_TILE_VECTORS 1
#include "nnk_tile.h"
#endif

#define NNK_TILE tile_whole
#define NNK_TILE_VECTOR nnk_vector
#define NNK_TILE_VECTORS NNK_NV
#include "nnk_tile.h"

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

/// The width of the next strip when `remaining` columns are left: a whole tile, else the widest
/// single vector that fits (8 where the path has it, then 4), else 4 for the last 1–3 columns.
static ptrdiff_t strip_width(ptrdiff_t remaining) {
    if (remaining >= NNK_NR) return NNK_NR;
    if (NNK_WIDTH >= 8 && NNK_NR > 8 && remaining >= 8) return 8;
    return 4;
}

/// Copies columns j0 ..< j0 + columns of b (b(p, j) at b[j·k + p] when `transposed`, else at
/// b[p·n + j]) into `to` as k rows of `width`, zero beyond `columns`.
static void pack_strip(const float *b, ptrdiff_t k, ptrdiff_t n, bool transposed, ptrdiff_t j0, ptrdiff_t columns,
                       ptrdiff_t width, float *restrict to) {
    if (transposed) {
        for (ptrdiff_t jj = 0; jj < columns; jj++) {
            const float *column = b + (j0 + jj) * k;
            for (ptrdiff_t p = 0; p < k; p++) to[p * width + jj] = column[p];
        }
    } else {
        for (ptrdiff_t p = 0; p < k; p++)
            for (ptrdiff_t jj = 0; jj < columns; jj++) to[p * width + jj] = b[p * n + j0 + jj];
    }
    for (ptrdiff_t p = 0; p < k; p++)
        for (ptrdiff_t jj = columns; jj < width; jj++) to[p * width + jj] = 0.0f;
}

static void matrix_product(const float *a, const float *b, float *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                           nnk_transpose transpose, bool accumulate) {
    if (m <= 0 || n <= 0) return;
    bool a_transposed = transpose == NNK_TRANSPOSE_FIRST, b_transposed = transpose == NNK_TRANSPOSE_SECOND;
    // Every strip of b packed one after the other when b is stored transposed (strip j0 then
    // starts at j0·k, all strips before it being full), else only the last 1–3 columns.
    ptrdiff_t tail = n % 4, packed_columns = b_transposed ? n + (tail ? 4 - tail : 0) : (tail ? 4 : 0);
    float *packed = scratch((size_t)(packed_columns * k + NNK_MR * k + NNK_MR * NNK_NR));
    float *a_edge = packed + packed_columns * k;
    float *c_edge = a_edge + NNK_MR * k;
    for (ptrdiff_t j0 = 0; j0 < n;) {
        ptrdiff_t width = strip_width(n - j0), columns = n - j0 < width ? n - j0 : width;
        if (b_transposed) pack_strip(b, k, n, true, j0, columns, width, packed + j0 * k);
        else if (columns < width) pack_strip(b, k, n, false, j0, columns, width, packed);
        j0 += columns;
    }
    // a's last m % NNK_MR rows, zero-padded to NNK_MR, as a(i, p) = a_edge[p·NNK_MR + i].
    ptrdiff_t a_row = a_transposed ? 1 : k, a_step = a_transposed ? m : 1;
    ptrdiff_t whole_rows = m - m % NNK_MR;
    if (whole_rows < m)
        for (ptrdiff_t p = 0; p < k; p++)
            for (ptrdiff_t ii = 0; ii < NNK_MR; ii++)
                a_edge[p * NNK_MR + ii] = whole_rows + ii < m ? a[(whole_rows + ii) * a_row + p * a_step] : 0.0f;
    for (ptrdiff_t i0 = 0; i0 < m; i0 += NNK_MR) {
        ptrdiff_t rows = m - i0 < NNK_MR ? m - i0 : NNK_MR;
        bool edge = i0 == whole_rows;
        const float *ai = edge ? a_edge : a + i0 * a_row;
        ptrdiff_t ai_row = edge ? 1 : a_row, ai_step = edge ? NNK_MR : a_step;
        for (ptrdiff_t j0 = 0; j0 < n;) {
            ptrdiff_t width = strip_width(n - j0), columns = n - j0 < width ? n - j0 : width;
            const float *bj = b_transposed ? packed + j0 * k : (columns < width ? packed : b + j0);
            ptrdiff_t ldb = b_transposed || columns < width ? width : n;
            // A tile that covers c exactly works on it in place; any other goes through c_edge.
            bool direct = rows == NNK_MR && columns == width;
            float *target = direct ? c + i0 * n + j0 : c_edge;
            ptrdiff_t ldc = direct ? n : width;
            if (!direct)
                for (ptrdiff_t ii = 0; ii < NNK_MR; ii++)
                    for (ptrdiff_t jj = 0; jj < width; jj++)
                        c_edge[ii * width + jj] = (ii < rows && jj < columns && accumulate) ? c[(i0 + ii) * n + j0 + jj] : 0.0f;
            bool from_target = accumulate || !direct;
            if (width == NNK_NR)
                tile_whole(ai, ai_row, ai_step, bj, ldb, k, target, ldc, from_target);
#if NNK_WIDTH >= 8
            else if (width == 8)
                tile_8(ai, ai_row, ai_step, bj, ldb, k, target, ldc, from_target);
#endif
            else
                tile_4(ai, ai_row, ai_step, bj, ldb, k, target, ldc, from_target);
            if (!direct)
                for (ptrdiff_t ii = 0; ii < rows; ii++)
                    for (ptrdiff_t jj = 0; jj < columns; jj++) c[(i0 + ii) * n + j0 + jj] = c_edge[ii * width + jj];
            j0 += columns;
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

/// Starts bringing rows `indices[…]` of `source` towards the cache without waiting for them: the
/// training loop asks for the next batch's rows, scattered over the whole data set, while it
/// computes on this one, so that the next gather finds them near. Nothing is read or changed.
static void prefetch_rows(const float *source, const int64_t *indices, ptrdiff_t count, ptrdiff_t width) {
    const ptrdiff_t line = 64 / (ptrdiff_t)sizeof(float);
    for (ptrdiff_t r = 0; r < count; r++) {
        const float *row = source + indices[r] * width;
        for (ptrdiff_t offset = 0; offset < width; offset += line) __builtin_prefetch(row + offset, 0, 2);
        __builtin_prefetch(row + width - 1, 0, 2);
    }
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

/// Mean softmax cross-entropy of a batch against class numbers, from the scores: for each row,
/// lse = top + log Σⱼ e^(zⱼ − top) (top its largest score, the sum in order of j), the row's loss
/// lse − z_label, and ∂/∂zⱼ = (e^(zⱼ − lse) − [j = label]) / rows. Returns the mean, the rows'
/// losses summed in order; the operations are those of SparseCategoricalCrossEntropy's Swift.
/// The exponentials run over the whole batch at once (in `gradient`, which holds them until it
/// is overwritten), so that they are computed a vector at a time.
static float sparse_softmax_cross_entropy(const float *restrict logits, const float *restrict labels, float *restrict gradient,
                                          ptrdiff_t rows, ptrdiff_t columns) {
    float *top = scratch((size_t)(2 * rows)), *lse = top + rows;
    ptrdiff_t count = rows * columns;
    for (ptrdiff_t r = 0; r < rows; r++) {
        const float *z = logits + r * columns;
        float largest = z[0];
        for (ptrdiff_t j = 1; j < columns; j++) largest = largest < z[j] ? z[j] : largest;
        top[r] = largest;
    }
    for (ptrdiff_t r = 0; r < rows; r++)
        for (ptrdiff_t j = 0; j < columns; j++) gradient[r * columns + j] = logits[r * columns + j] - top[r];
    for (ptrdiff_t i = 0; i < count; i++) gradient[i] = nnk_exp1(gradient[i]);
    for (ptrdiff_t r = 0; r < rows; r++) {
        float sum = 0.0f;
        for (ptrdiff_t j = 0; j < columns; j++) sum = sum + gradient[r * columns + j];
        lse[r] = sum;
    }
    for (ptrdiff_t r = 0; r < rows; r++) lse[r] = top[r] + nnk_log1(lse[r]);
    for (ptrdiff_t r = 0; r < rows; r++)
        for (ptrdiff_t j = 0; j < columns; j++) gradient[r * columns + j] = logits[r * columns + j] - lse[r];
    for (ptrdiff_t i = 0; i < count; i++) gradient[i] = nnk_exp1(gradient[i]);
    float total = 0.0f;
    for (ptrdiff_t r = 0; r < rows; r++) {
        ptrdiff_t label = (ptrdiff_t)labels[r];
        gradient[r * columns + label] = gradient[r * columns + label] - 1.0f;
        total = total + (lse[r] - logits[r * columns + label]);
    }
    float scale = 1.0f / (float)rows;
    for (ptrdiff_t i = 0; i < count; i++) gradient[i] = gradient[i] * scale;
    return total * scale;
}

// The updates' arrays never overlap (weights, gradient and each state array are separate
// allocations): `restrict` says so, which lets each element's new state stay in registers for the
// weight's update instead of being stored and read back. The operations are the same.

static void sgd_update(float *restrict w, const float *restrict g, ptrdiff_t count, float rate) {
    for (ptrdiff_t i = 0; i < count; i++) w[i] = w[i] - rate * g[i];
}

static void momentum_update(float *restrict w, float *restrict velocity, const float *restrict g, ptrdiff_t count, float rate,
                            float momentum) {
    for (ptrdiff_t i = 0; i < count; i++) {
        float step = momentum * velocity[i] - rate * g[i];
        velocity[i] = step;
        w[i] = w[i] + step;
    }
}

static void rmsprop_update(float *restrict w, float *restrict average, const float *restrict g, ptrdiff_t count, float rate,
                           float rho, float epsilon) {
    for (ptrdiff_t i = 0; i < count; i++) {
        float mean = rho * average[i] + (1.0f - rho) * g[i] * g[i];
        average[i] = mean;
        w[i] = w[i] - rate * g[i] / __builtin_elementwise_sqrt(mean + epsilon);
    }
}

static void adam_update(float *restrict w, float *restrict m, float *restrict v, const float *restrict g, ptrdiff_t count,
                        float alpha, float keep1, float keep2, float epsilon) {
    for (ptrdiff_t i = 0; i < count; i++) {
        float gradient = g[i];
        float first = m[i] + (gradient - m[i]) * keep1;
        float second = v[i] + (gradient * gradient - v[i]) * keep2;
        m[i] = first;
        v[i] = second;
        w[i] = w[i] - alpha * first / (__builtin_elementwise_sqrt(second) + epsilon);
    }
}

const struct nnk_table NNK_TABLE = {
    matrix_product, add_bias, column_sums, gather_rows, prefetch_rows,
    relu_forward, relu_backward, leaky_relu_forward, leaky_relu_backward,
    sigmoid_forward, sigmoid_backward, tanh_forward, tanh_backward, softmax_rows, sparse_softmax_cross_entropy,
    exp_array, log_array,
    sgd_update, momentum_update, rmsprop_update, adam_update,
};
