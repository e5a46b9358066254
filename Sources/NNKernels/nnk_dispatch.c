// Chooses the code path: the fastest the CPU supports, unless nnbook is told otherwise
// (NNBOOK_KERNEL, read by the nnbook command). Every exported kernel forwards to the path's table.
#include "nnk_table.h"

struct nnk_path {
    const char *name;
    const struct nnk_table *table;
};

#if defined(__x86_64__)
static const struct nnk_path paths[] = {
    {"portable", &nnk_portable}, {"x86-64-v3", &nnk_x86_64_v3}, {"x86-64-v4", &nnk_x86_64_v4}};
#elif defined(__aarch64__)
static const struct nnk_path paths[] = {{"neon", &nnk_neon}};
#else
static const struct nnk_path paths[] = {{"portable", &nnk_portable}};
#endif

static const int count = (int)(sizeof paths / sizeof paths[0]);

int nnk_path_count(void) { return count; }

const char *nnk_path_name(int path) { return path >= 0 && path < count ? paths[path].name : ""; }

bool nnk_path_supported(int path) {
    if (path < 0 || path >= count) return false;
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (path == 1) return __builtin_cpu_supports("avx2");
    if (path == 2)
        return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512vl") &&
               __builtin_cpu_supports("avx512bw") && __builtin_cpu_supports("avx512dq");
#endif
    return true;
}

static int current = -1;

int nnk_path_current(void) {
    if (current < 0) {
        int best = 0;
        for (int path = 1; path < count; path++)
            if (nnk_path_supported(path)) best = path;
        current = best;
    }
    return current;
}

bool nnk_path_use(int path) {
    if (!nnk_path_supported(path)) return false;
    current = path;
    return true;
}

static const struct nnk_table *table(void) { return paths[nnk_path_current()].table; }

void nnk_matrix_product(const float *a, const float *b, float *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n,
                        nnk_transpose transpose, bool accumulate) {
    table()->matrix_product(a, b, c, m, k, n, transpose, accumulate);
}
void nnk_add_bias(float *values, const float *bias, ptrdiff_t rows, ptrdiff_t columns) {
    table()->add_bias(values, bias, rows, columns);
}
void nnk_column_sums(const float *values, float *sums, ptrdiff_t rows, ptrdiff_t columns) {
    table()->column_sums(values, sums, rows, columns);
}
void nnk_gather_rows(const float *source, const int64_t *indices, ptrdiff_t count, ptrdiff_t width, float *target) {
    table()->gather_rows(source, indices, count, width, target);
}
void nnk_prefetch_rows(const float *source, const int64_t *indices, ptrdiff_t count, ptrdiff_t width) {
    table()->prefetch_rows(source, indices, count, width);
}
void nnk_relu_forward(float *values, ptrdiff_t count) { table()->relu_forward(values, count); }
void nnk_relu_backward(const float *output, float *gradient, ptrdiff_t count) {
    table()->relu_backward(output, gradient, count);
}
void nnk_leaky_relu_forward(float *values, ptrdiff_t count, float slope) {
    table()->leaky_relu_forward(values, count, slope);
}
void nnk_leaky_relu_backward(const float *output, float *gradient, ptrdiff_t count, float slope) {
    table()->leaky_relu_backward(output, gradient, count, slope);
}
void nnk_sigmoid_forward(float *values, ptrdiff_t count) { table()->sigmoid_forward(values, count); }
void nnk_sigmoid_backward(const float *output, float *gradient, ptrdiff_t count) {
    table()->sigmoid_backward(output, gradient, count);
}
void nnk_tanh_forward(float *values, ptrdiff_t count) { table()->tanh_forward(values, count); }
void nnk_tanh_backward(const float *output, float *gradient, ptrdiff_t count) {
    table()->tanh_backward(output, gradient, count);
}
void nnk_softmax_rows(float *values, ptrdiff_t rows, ptrdiff_t columns) { table()->softmax_rows(values, rows, columns); }
float nnk_sparse_softmax_cross_entropy(const float *logits, const float *labels, float *gradient, ptrdiff_t rows,
                                       ptrdiff_t columns) {
    return table()->sparse_softmax_cross_entropy(logits, labels, gradient, rows, columns);
}
void nnk_exp(const float *x, float *y, ptrdiff_t count) { table()->exp(x, y, count); }
void nnk_log(const float *x, float *y, ptrdiff_t count) { table()->log(x, y, count); }
void nnk_sgd_update(float *w, const float *g, ptrdiff_t count, float rate) { table()->sgd_update(w, g, count, rate); }
void nnk_momentum_update(float *w, float *velocity, const float *g, ptrdiff_t count, float rate, float momentum) {
    table()->momentum_update(w, velocity, g, count, rate, momentum);
}
void nnk_rmsprop_update(float *w, float *average, const float *g, ptrdiff_t count, float rate, float rho, float epsilon) {
    table()->rmsprop_update(w, average, g, count, rate, rho, epsilon);
}
void nnk_adam_update(float *w, float *m, float *v, const float *g, ptrdiff_t count,
                     float alpha, float keep1, float keep2, float epsilon) {
    table()->adam_update(w, m, v, g, count, alpha, keep1, keep2, epsilon);
}
