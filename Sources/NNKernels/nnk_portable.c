// The kernels for the instruction set every CPU of the architecture has: SSE2 on x86-64, NEON
// on arm64 (where the path is called `neon`), plain C elsewhere.
#if defined(__aarch64__)
#define NNK_TABLE nnk_neon
#else
#define NNK_TABLE nnk_portable
#endif
#define NNK_WIDTH 4
#define NNK_MR 4
#include "nnk_body.h"
