// One product tile routine, included by nnk_body.h once for each strip width the path computes.
// Before including, define NNK_TILE (the function's name), NNK_TILE_VECTOR (its vector type) and
// NNK_TILE_VECTORS (vectors side by side in a row of the tile).

/// c[i][j] for NNK_MR rows (ldc apart) and NNK_TILE_VECTORS vectors of columns = c (when
/// `accumulate`, else 0) + a(i, 0)·b(0, j) + a(i, 1)·b(1, j) + … in that order, each product
/// rounded before it is added, with a(i, p) at a[i·a_row + p·a_step] and b(p, j) at b[p·ldb + j].
/// The sums stay in registers for the whole k loop; the vector width only decides how many j are
/// done at once, never the order of one element's sum.
static void NNK_TILE(const float *a, ptrdiff_t a_row, ptrdiff_t a_step, const float *b, ptrdiff_t ldb, ptrdiff_t k,
                     float *c, ptrdiff_t ldc, bool accumulate) {
    enum { lanes = sizeof(NNK_TILE_VECTOR) / sizeof(float) };
    NNK_TILE_VECTOR sum[NNK_MR][NNK_TILE_VECTORS];
    for (int i = 0; i < NNK_MR; i++)
        for (int v = 0; v < NNK_TILE_VECTORS; v++) {
            sum[i][v] = (NNK_TILE_VECTOR){0};
            if (accumulate) memcpy(&sum[i][v], c + i * ldc + v * lanes, sizeof sum[i][v]);
        }
    for (ptrdiff_t p = 0; p < k; p++) {
        NNK_TILE_VECTOR row[NNK_TILE_VECTORS];
        for (int v = 0; v < NNK_TILE_VECTORS; v++) memcpy(&row[v], b + p * ldb + v * lanes, sizeof row[v]);
        for (int i = 0; i < NNK_MR; i++) {
            NNK_TILE_VECTOR scale;
            for (int lane = 0; lane < lanes; lane++) scale[lane] = a[i * a_row + p * a_step];
            for (int v = 0; v < NNK_TILE_VECTORS; v++) {
                NNK_TILE_VECTOR product = scale * row[v];
                sum[i][v] = sum[i][v] + product;
            }
        }
    }
    for (int i = 0; i < NNK_MR; i++)
        for (int v = 0; v < NNK_TILE_VECTORS; v++) memcpy(c + i * ldc + v * lanes, &sum[i][v], sizeof sum[i][v]);
}

#undef NNK_TILE
#undef NNK_TILE_VECTOR
#undef NNK_TILE_VECTORS
