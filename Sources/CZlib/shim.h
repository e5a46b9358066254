/* The one header Swift sees of zlib: gzip decompression for MNIST's .gz files and .npz archives. */
#include <zlib.h>
