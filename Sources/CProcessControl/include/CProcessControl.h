// Starting and ending child processes where Swift's and POSIX's spawning cannot: a plugin that
// dies with nnbook, and the processes a plugin leaves behind when it ends, found and killed.

#ifndef C_PROCESS_CONTROL_H
#define C_PROCESS_CONTROL_H

#include <sys/types.h>

/// Starts `path` with `argv` and `envp` in a process group of its own, its standard input,
/// output and error the descriptors given and no other descriptor, SIGPIPE and SIGINT at their
/// defaults and no signal blocked. On Linux the child is sent `death_signal` when nnbook dies,
/// even by SIGKILL, which no handler can catch: posix_spawn cannot ask for that, so the child
/// is forked and set up here, with only async-signal-safe calls between the fork and the exec.
/// The child is kept (see nnb_keep) from the moment it exists. Returns its pid, or -errno when
/// it could not start.
pid_t nnb_spawn(const char *path, char *const argv[], char *const envp[], int input, int output, int errors, int death_signal);

/// For a child forked without an exec (a sweep's run): asks for `death_signal` when `parent`
/// dies (Linux). Returns 0, or -1 when `parent` has died already.
int nnb_die_with_parent(pid_t parent, int death_signal);

/// Makes this process the reaper of its orphaned descendants (Linux): a process that a plugin
/// started, that left the plugin's process group (`setsid`) and whose parent ended, becomes
/// nnbook's child instead of init's, so that nnbook can find it and end it. Returns 0, or -1
/// where the system has no such thing.
int nnb_become_subreaper(void);

/// Marks `pid`, a child nnbook started on purpose (a plugin under way, a sweep's run), as one
/// that nnb_end_adopted leaves alone; nnb_release forgets it once it is reaped.
/// Safe in a signal handler and from any thread.
void nnb_keep(pid_t pid);
void nnb_release(pid_t pid);

/// Ends every child of this process that is not kept (processes adopted as their reaper) and,
/// round after round, the children they leave in turn, within a bound of rounds (a process
/// that forks without end is not chased for ever). Each is sent SIGKILL; with `reap`, it is
/// then reaped. Without `reap` (in a signal handler that ends nnbook at once; async-signal-safe,
/// and so taking no lock) each is waited for until it has died, so that its own children have
/// come to this process before the next round looks.
void nnb_end_adopted(int reap);

#endif
