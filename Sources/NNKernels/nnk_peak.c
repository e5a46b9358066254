// The arithmetic peak of one core, for nnbook-bench to compare the products with: twelve
// independent chains of fused multiply-adds (enough to cover the FMA latency on every CPU nnbook
// knows) on the widest registers the CPU has. Training never calls it.
#include "nnk_table.h"

#define NNK_CHAINS 12

#define NNK_FMA_LOOP(name, bytes, target_attribute)                                          \
    target_attribute static double name(long iterations, float *sink) {                   \
        typedef float vector __attribute__((vector_size(bytes)));                         \
        vector sum[NNK_CHAINS], scale, shift;                                             \
        for (int lane = 0; lane < (bytes) / 4; lane++) {                                  \
            scale[lane] = 0.999f;                                                         \
            shift[lane] = 0.001f;                                                         \
        }                                                                                 \
        for (int chain = 0; chain < NNK_CHAINS; chain++) sum[chain] = shift * (float)chain; \
        for (long i = 0; i < iterations; i++)                                             \
            for (int chain = 0; chain < NNK_CHAINS; chain++)                              \
                sum[chain] = __builtin_elementwise_fma(sum[chain], scale, shift);         \
        float total = 0;                                                                  \
        for (int chain = 0; chain < NNK_CHAINS; chain++) total += sum[chain][0];          \
        *sink = total;                                                                    \
        return (double)iterations * NNK_CHAINS * ((bytes) / 4) * 2;                       \
    }

#if defined(__x86_64__)
NNK_FMA_LOOP(fma512, 64, __attribute__((target("avx512f,fma"))))
NNK_FMA_LOOP(fma256, 32, __attribute__((target("avx2,fma"))))
#else
NNK_FMA_LOOP(fma128, 16, )
#endif

double nnk_fma_peak_work(long iterations, float *sink) {
#if defined(__x86_64__)
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) return fma512(iterations, sink);
    if (__builtin_cpu_supports("fma")) return fma256(iterations, sink);
    *sink = 0;
    return 0;
#else
    return fma128(iterations, sink);
#endif
}
