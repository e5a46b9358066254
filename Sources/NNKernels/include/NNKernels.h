// nnbook's kernels: the loops training spends its time in, written once in C and built for
// several instruction sets (x86-64 baseline, AVX2, AVX-512; NEON on arm64), with one chosen at
// run time. Every path computes every output with the same sequence of IEEE operations, so all
// paths give the same bits: see "Why every machine gets the same page" in the NNCore docs.
// NNCore's Swift interface (`Kernels`) is what the rest of nnbook calls; the readable Swift
// version of each kernel lives beside that interface.
#ifndef NNKERNELS_H
#define NNKERNELS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/// Which operand of a product is read transposed.
typedef enum {
    NNK_TRANSPOSE_NONE = 0,
    NNK_TRANSPOSE_FIRST = 1,
    NNK_TRANSPOSE_SECOND = 2,
} nnk_transpose;

/// The code paths this build holds, by index; only the ones the CPU supports can be used.
int nnk_path_count(void);
const char *nnk_path_name(int path);
bool nnk_path_supported(int path);
/// The path in use: the fastest supported one until `nnk_path_use` chooses another.
int nnk_path_current(void);
/// Uses `path` from now on; returns false (and changes nothing) when the CPU lacks it.
bool nnk_path_use(int path);

/// c = a·b (m×k times k×n), or with one operand stored transposed; `accumulate` adds to c.
/// Every c[i][j] is c (or 0) plus a[i][0]·b[0][j], then plus a[i][1]·b[1][j], …, in that order,
/// each product rounded before it is added.
void nnk_matrix_product(const float *a, const float *b, float *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                        nnk_transpose transpose, bool accumulate);

/// values[r][j] += bias[j] for every row r.
void nnk_add_bias(float *values, const float *bias, ptrdiff_t rows, ptrdiff_t columns);
/// sums[j] = values[0][j] + values[1][j] + … (rows in order): a bias gradient.
void nnk_column_sums(const float *values, float *sums, ptrdiff_t rows, ptrdiff_t columns);
/// Copies rows `indices[0]`, `indices[1]`, … of `source` (rows of `width`) into `target`.
void nnk_gather_rows(const float *source, const int64_t *indices, ptrdiff_t count, ptrdiff_t width, float *target);
/// Asks the memory system to bring those rows near (a hint: reads and changes nothing), so that a
/// later gather of them does not wait on main memory.
void nnk_prefetch_rows(const float *source, const int64_t *indices, ptrdiff_t count, ptrdiff_t width);

/// Activations in place, and their derivatives applied to a gradient given the outputs.
void nnk_relu_forward(float *values, ptrdiff_t count);
void nnk_relu_backward(const float *output, float *gradient, ptrdiff_t count);
void nnk_leaky_relu_forward(float *values, ptrdiff_t count, float slope);
void nnk_leaky_relu_backward(const float *output, float *gradient, ptrdiff_t count, float slope);
void nnk_sigmoid_forward(float *values, ptrdiff_t count);
void nnk_sigmoid_backward(const float *output, float *gradient, ptrdiff_t count);
void nnk_tanh_forward(float *values, ptrdiff_t count);
void nnk_tanh_backward(const float *output, float *gradient, ptrdiff_t count);
void nnk_softmax_rows(float *values, ptrdiff_t rows, ptrdiff_t columns);
/// The mean softmax cross-entropy of `rows` rows of scores against their class numbers
/// (`labels`, one per row, each below `columns`), with ∂(mean)/∂score written to `gradient`.
float nnk_sparse_softmax_cross_entropy(const float *logits, const float *labels, float *gradient, ptrdiff_t rows,
                                       ptrdiff_t columns);

/// nnbook's own elementary functions over arrays (the Swift `Elementary` functions, element by
/// element): used by tests to hold every path to the Swift version.
void nnk_exp(const float *x, float *y, ptrdiff_t count);
void nnk_log(const float *x, float *y, ptrdiff_t count);

/// The optimizers' update rules (see each optimizer's Swift type for the formula). The arrays
/// must not overlap.
void nnk_sgd_update(float *w, const float *g, ptrdiff_t count, float rate);
void nnk_momentum_update(float *w, float *velocity, const float *g, ptrdiff_t count, float rate, float momentum);
void nnk_rmsprop_update(float *w, float *average, const float *g, ptrdiff_t count, float rate, float rho, float epsilon);
void nnk_adam_update(float *w, float *m, float *v, const float *g, ptrdiff_t count,
                     float alpha, float keep1, float keep2, float epsilon);

/// Runs `iterations` rounds of independent fused multiply-adds on the widest registers the CPU
/// has and returns the floating-point operations done (writing a result to `sink` so the work
/// cannot be skipped): nnbook-bench times it as this machine's arithmetic peak.
double nnk_fma_peak_work(long iterations, float *sink);

#endif
