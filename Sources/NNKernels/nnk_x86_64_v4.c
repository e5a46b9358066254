// The kernels for x86-64-v4 CPUs (AVX-512; Skylake-X, Zen 4 and later): sixteen floats a
// register, one register a tile row, eight rows a tile.
#if defined(__x86_64__)
#pragma clang attribute push(__attribute__((target("avx512f,avx512vl,avx512bw,avx512dq,avx2"))), apply_to = function)
#define NNK_TABLE nnk_x86_64_v4
#define NNK_WIDTH 16
#define NNK_MR 8
#define NNK_ONE_VECTOR
#include "nnk_body.h"
#pragma clang attribute pop
#endif
