// The table of kernels each code path exports, and the paths the dispatcher chooses between.
#ifndef NNK_TABLE_H
#define NNK_TABLE_H

#include "include/NNKernels.h"

struct nnk_table {
    void (*matrix_product)(const float *, const float *, float *, ptrdiff_t, ptrdiff_t, ptrdiff_t, nnk_transpose, bool);
    void (*add_bias)(float *, const float *, ptrdiff_t, ptrdiff_t);
    void (*column_sums)(const float *, float *, ptrdiff_t, ptrdiff_t);
    void (*gather_rows)(const float *, const int64_t *, ptrdiff_t, ptrdiff_t, float *);
    void (*prefetch_rows)(const float *, const int64_t *, ptrdiff_t, ptrdiff_t);
    void (*relu_forward)(float *, ptrdiff_t);
    void (*relu_backward)(const float *, float *, ptrdiff_t);
    void (*leaky_relu_forward)(float *, ptrdiff_t, float);
    void (*leaky_relu_backward)(const float *, float *, ptrdiff_t, float);
    void (*sigmoid_forward)(float *, ptrdiff_t);
    void (*sigmoid_backward)(const float *, float *, ptrdiff_t);
    void (*tanh_forward)(float *, ptrdiff_t);
    void (*tanh_backward)(const float *, float *, ptrdiff_t);
    void (*softmax_rows)(float *, ptrdiff_t, ptrdiff_t);
    float (*sparse_softmax_cross_entropy)(const float *, const float *, float *, ptrdiff_t, ptrdiff_t);
    void (*exp)(const float *, float *, ptrdiff_t);
    void (*log)(const float *, float *, ptrdiff_t);
    void (*sgd_update)(float *, const float *, ptrdiff_t, float);
    void (*momentum_update)(float *, float *, const float *, ptrdiff_t, float, float);
    void (*rmsprop_update)(float *, float *, const float *, ptrdiff_t, float, float, float);
    void (*adam_update)(float *, float *, float *, const float *, ptrdiff_t, float, float, float, float);
};

#if defined(__x86_64__)
extern const struct nnk_table nnk_portable, nnk_x86_64_v3, nnk_x86_64_v4;
#elif defined(__aarch64__)
extern const struct nnk_table nnk_neon;
#else
extern const struct nnk_table nnk_portable;
#endif

#endif
