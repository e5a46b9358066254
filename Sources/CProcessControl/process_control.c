// See CProcessControl.h. Everything that may run in a forked child or a signal handler uses
// only async-signal-safe calls: no malloc, no stdio, no locks but the one around a fork.

#define _GNU_SOURCE
#include "CProcessControl.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#include <sys/syscall.h>
#endif

/// The children nnbook started on purpose. A fixed table, so that a signal handler can read it.
#define KEPT_SLOTS 1024
static _Atomic pid_t kept[KEPT_SLOTS];

/// Held while a child is forked and kept, and while adopted children are listed: a child
/// forked by one thread is never listed as adopted by another before it is kept, nor does it
/// inherit another's report pipe.
static pthread_mutex_t forking = PTHREAD_MUTEX_INITIALIZER;

void nnb_keep(pid_t pid) {
    for (int i = 0; i < KEPT_SLOTS; i++) {
        pid_t empty = 0;
        if (atomic_compare_exchange_strong(&kept[i], &empty, pid)) return;
    }
}

void nnb_release(pid_t pid) {
    for (int i = 0; i < KEPT_SLOTS; i++) {
        pid_t expected = pid;
        if (atomic_compare_exchange_strong(&kept[i], &expected, 0)) return;
    }
}

static int is_kept(pid_t pid) {
    for (int i = 0; i < KEPT_SLOTS; i++) {
        if (atomic_load(&kept[i]) == pid) return 1;
    }
    return 0;
}

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

/// Marks every descriptor above 2 close-on-exec, those nnbook itself inherited without the
/// flag included (a shell's `exec 7<secrets`): close_range where the kernel has it (5.11),
/// else each one /proc/self/fd lists. Not closed at once: the report pipe stays open until the
/// exec.
static void close_inherited_on_exec(void) {
#ifdef __linux__
    if (syscall(SYS_close_range, 3, ~0U, CLOSE_RANGE_CLOEXEC) == 0) return;
    int folder = open("/proc/self/fd", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder < 0) return;
    char entries[4096];
    long count;
    while ((count = syscall(SYS_getdents64, folder, entries, sizeof entries)) > 0) {
        for (long offset = 0; offset < count;) {
            struct dirent64 *entry = (struct dirent64 *)(entries + offset);
            offset += entry->d_reclen;
            int descriptor = 0;
            const char *c = entry->d_name;
            if (*c < '0' || *c > '9') continue;
            for (; *c >= '0' && *c <= '9'; c++) descriptor = descriptor * 10 + (*c - '0');
            if (descriptor > 2) fcntl(descriptor, F_SETFD, FD_CLOEXEC);
        }
    }
    close(folder);
#endif
}

int nnb_die_with_parent(pid_t parent, int death_signal) {
#ifdef __linux__
    // If the parent died before the request, the child has been adopted already.
    if (prctl(PR_SET_PDEATHSIG, death_signal) != 0 || getppid() != parent) return -1;
#else
    (void)parent;
    (void)death_signal;
#endif
    return 0;
}

/// The child's side of nnb_spawn: set up, exec, or report errno through `report` and exit.
static void start_child(pid_t parent, int death_signal, const char *path, char *const argv[], char *const envp[], const int descriptors[3], int report) {
    int error = 0;
    setpgid(0, 0);
    if (nnb_die_with_parent(parent, death_signal) != 0) _exit(127);
    struct sigaction standard;
    memset(&standard, 0, sizeof standard);
    standard.sa_handler = SIG_DFL;
    sigaction(SIGPIPE, &standard, NULL);
    sigaction(SIGINT, &standard, NULL);
    sigset_t none;
    sigemptyset(&none);
    sigprocmask(SIG_SETMASK, &none, NULL);
    // Moved above 2 first, so that a pipe that got descriptor 0, 1 or 2 (nnbook started with
    // one closed) is not overwritten by another's dup2.
    int moved[3];
    for (int i = 0; i < 3; i++) {
        moved[i] = fcntl(descriptors[i], F_DUPFD_CLOEXEC, 3);
        if (moved[i] < 0) goto failed;
    }
    for (int i = 0; i < 3; i++) {
        if (dup2(moved[i], i) < 0) goto failed;
    }
    close_inherited_on_exec();
    execve(path, argv, envp);
failed:
    error = errno;
    while (write(report, &error, sizeof error) < 0 && errno == EINTR) {}
    _exit(127);
}

pid_t nnb_spawn(const char *path, char *const argv[], char *const envp[], int input, int output, int errors, int death_signal) {
    const int descriptors[3] = {input, output, errors};
    pid_t parent = getpid();
    // The report pipe is made close-on-exec under the lock, before another thread's fork can
    // hand it to a program that would hold it open.
    pthread_mutex_lock(&forking);
    int report[2];
    if (pipe(report) != 0) {
        int pipeError = errno;
        pthread_mutex_unlock(&forking);
        return -pipeError;
    }
    fcntl(report[0], F_SETFD, FD_CLOEXEC);
    fcntl(report[1], F_SETFD, FD_CLOEXEC);
    pid_t pid = fork();
    if (pid == 0) start_child(parent, death_signal, path, argv, envp, descriptors, report[1]);
    int forkError = errno;
    if (pid > 0) nnb_keep(pid);
    pthread_mutex_unlock(&forking);
    close(report[1]);
    if (pid < 0) {
        close(report[0]);
        return -forkError;
    }
    // Also here, so that a signal sent to the group before the child ran a line finds it.
    setpgid(pid, pid);
    int error = 0;
    ssize_t count;
    while ((count = read(report[0], &error, sizeof error)) < 0 && errno == EINTR) {}
    close(report[0]);
    if (count == sizeof error) {
        int status;
        while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
        nnb_release(pid);
        return -error;
    }
    return pid;
}

int nnb_become_subreaper(void) {
#ifdef __linux__
    return prctl(PR_SET_CHILD_SUBREAPER, 1) == 0 ? 0 : -1;
#else
    return -1;
#endif
}

/// The state and parent of process `pid`, read from /proc/PID/stat (after the command name in
/// parentheses, which may itself hold spaces and parentheses); the parent is -1 when it cannot
/// be read.
static pid_t parent_of(const char *pid, char *state) {
    char path[64] = "/proc/";
    size_t length = strlen(path);
    for (const char *c = pid; *c && length < sizeof path - 6; c++) path[length++] = *c;
    memcpy(path + length, "/stat", 6);
    int file = open(path, O_RDONLY | O_CLOEXEC);
    if (file < 0) return -1;
    char text[512];
    ssize_t count = read(file, text, sizeof text - 1);
    close(file);
    if (count <= 0) return -1;
    text[count] = 0;
    char *end = strrchr(text, ')');
    // ") S 1234 …": the state, then the parent.
    if (end == NULL || end[1] != ' ' || end[2] == 0 || end[3] != ' ') return -1;
    *state = end[2];
    pid_t parent = 0;
    for (char *c = end + 4; *c >= '0' && *c <= '9'; c++) parent = parent * 10 + (*c - '0');
    return parent;
}

/// The children of this process that are not kept (dead ones, not yet reaped, only when
/// `dead`), at most `capacity`, read from /proc with getdents64 (opendir allocates).
static int adopted(pid_t *children, int capacity, int dead) {
    int found = 0;
#ifdef __linux__
    int folder = open("/proc", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder < 0) return 0;
    pid_t self = getpid();
    char entries[4096];
    long count;
    while (found < capacity && (count = syscall(SYS_getdents64, folder, entries, sizeof entries)) > 0) {
        for (long offset = 0; offset < count && found < capacity;) {
            struct dirent64 *entry = (struct dirent64 *)(entries + offset);
            offset += entry->d_reclen;
            if (entry->d_name[0] < '1' || entry->d_name[0] > '9') continue;
            char state = 0;
            if (parent_of(entry->d_name, &state) != self || (state == 'Z' && !dead)) continue;
            pid_t pid = 0;
            for (const char *c = entry->d_name; *c; c++) pid = pid * 10 + (*c - '0');
            if (!is_kept(pid)) children[found++] = pid;
        }
    }
    close(folder);
#else
    (void)children;
    (void)capacity;
    (void)dead;
#endif
    return found;
}

void nnb_end_adopted(int reap) {
    pid_t children[256];
    for (int round = 0; round < 64; round++) {
        if (reap) pthread_mutex_lock(&forking);
        int count = adopted(children, 256, reap);
        if (reap) pthread_mutex_unlock(&forking);
        if (count == 0) return;
        for (int i = 0; i < count; i++) kill(children[i], SIGKILL);
        for (int i = 0; i < count; i++) {
            if (reap) {
                int status;
                while (waitpid(children[i], &status, 0) < 0 && errno == EINTR) {}
            } else {
                siginfo_t info;
                while (waitid(P_PID, (id_t)children[i], &info, WEXITED | WNOWAIT) < 0 && errno == EINTR) {}
            }
        }
    }
}
