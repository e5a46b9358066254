/* The one header Swift sees of Debian's OpenBLAS: cblas_sgemm for the core's matrix products. */
#include <cblas.h>
