// The kernels for x86-64-v3 CPUs (AVX2; Haswell, Zen and later): eight floats a register.
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx2"))), apply_to = function)
#define NNK_TABLE nnk_x86_64_v3
#define NNK_WIDTH 8
#define NNK_MR 4
#include "nnk_body.h"
#pragma clang attribute pop
#endif
