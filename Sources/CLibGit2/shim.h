/* The one header Swift sees of libgit2. git_libgit2_opts is variadic, so each option nnbook
   needs is wrapped here as a plain function Swift can call. */
#include <git2.h>

static inline int nnbook_git_enable_fsync(int enabled) {
    return git_libgit2_opts(GIT_OPT_ENABLE_FSYNC_GITDIR, enabled);
}
