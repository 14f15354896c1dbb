/* posixmodule.c -- the `posix` module: the operating-system calls behind
 * lib/os.py (files, directories, process ids, the environment).  Every
 * call that can block releases the GIL. */
#include "rp.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sched.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <math.h>
#include <sys/ioctl.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/syscall.h>

extern char **environ;
#define FAST(f) ((RpCFunction)(void (*)(void))(f))

/* A path argument: str (UTF-8) or bytes. Borrowed C string or NULL. */
static const char *path_arg(RpObject *o, const char *fn)
{
    if (RpUnicode_Check(o))
        return RpUnicode_AsUTF8(o);
    if (RpBytes_Check(o))
        return RpBytes_AS_STRING(o);
    RpErr_Format(RpExc_TypeError, "%s: path should be string, bytes or os.PathLike, not %s",
                 fn, _RpType_Name(Rp_TYPE(o)));
    return NULL;
}

static RpObject *posix_error(const char *path)
{
    return path ? RpErr_SetFromErrnoWithFilename(RpExc_OSError, path)
                : RpErr_SetFromErrno(RpExc_OSError);
}

static RpObject *p_getpid(RpObject *s, RpObject *u) { return RpLong_FromLong((long)getpid()); }
static RpObject *p_getppid(RpObject *s, RpObject *u) { return RpLong_FromLong((long)getppid()); }
static RpObject *p_getuid(RpObject *s, RpObject *u) { return RpLong_FromLong((long)getuid()); }

static RpObject *p_getcwd(RpObject *self, RpObject *unused)
{
    char buf[4096];
    if (getcwd(buf, sizeof buf) == NULL)
        return posix_error(NULL);
    return RpUnicode_FromString(buf);
}

/* One-path calls that return nothing: chdir, remove, rmdir. */
static RpObject *path_call(RpObject *arg, const char *fn, int (*call)(const char *))
{
    const char *p = path_arg(arg, fn);
    if (p == NULL)
        return NULL;
    int r;
    RP_BEGIN_ALLOW_THREADS
    r = call(p);
    RP_END_ALLOW_THREADS
    if (r != 0)
        return posix_error(p);
    Rp_RETURN_NONE;
}

static RpObject *p_chdir(RpObject *s, RpObject *a) { return path_call(a, "chdir", chdir); }
static RpObject *p_remove(RpObject *s, RpObject *a) { return path_call(a, "remove", unlink); }
static RpObject *p_rmdir(RpObject *s, RpObject *a) { return path_call(a, "rmdir", rmdir); }

static RpObject *p_mkdir(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                         RpObject *kwnames)
{
    static const char *const names[] = {"path", "mode", NULL};
    RpObject *a[2] = {NULL};
    if (_RpArg_ParseVector("mkdir", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    const char *p = path_arg(a[0], "mkdir");
    long mode = a[1] ? RpLong_AsLong(a[1]) : 0777;
    if (p == NULL || (mode == -1 && RpErr_Occurred()))
        return NULL;
    if (mkdir(p, (mode_t)mode) != 0)
        return posix_error(p);
    Rp_RETURN_NONE;
}

static RpObject *p_rename(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("rename", nargs, 2, 2))
        return NULL;
    const char *a = path_arg(args[0], "rename"), *b = a ? path_arg(args[1], "rename") : NULL;
    if (b == NULL)
        return NULL;
    if (rename(a, b) != 0)
        return posix_error(a);
    Rp_RETURN_NONE;
}

/* A directory entry's name: bytes when the directory was given as bytes. */
static RpObject *entry_name(const char *name, int as_bytes)
{
    if (as_bytes)
        return RpBytes_FromStringAndSize(name, (Rp_ssize_t)strlen(name));
    return RpUnicode_DecodeUTF8(name, (Rp_ssize_t)strlen(name), "surrogateescape");
}

/* (name, d_type, inode) of one entry, for os.scandir's DirEntry. */
static RpObject *scandir_item(struct dirent *e, int as_bytes)
{
    RpObject *n = entry_name(e->d_name, as_bytes);
    RpObject *t = RpLong_FromLong(e->d_type), *i = RpLong_FromUnsignedLongLong(e->d_ino);
    RpObject *tup = n && t && i ? RpTuple_Pack(3, n, t, i) : NULL;
    Rp_XDECREF(n);
    Rp_XDECREF(t);
    Rp_XDECREF(i);
    return tup;
}

/* _scandir(path) -> [(name, d_type, inode)], read at once (os.py iterates). */
static RpObject *p_scandir(RpObject *self, RpObject *arg)
{
    const char *p = path_arg(arg, "scandir");
    if (p == NULL)
        return NULL;
    DIR *d;
    RP_BEGIN_ALLOW_THREADS
    d = opendir(p);
    RP_END_ALLOW_THREADS
    if (d == NULL)
        return posix_error(p);
    RpObject *list = RpList_New(0);
    struct dirent *e;
    while (list && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        RpObject *item = scandir_item(e, RpBytes_Check(arg));
        if (item == NULL || RpList_Append(list, item) < 0)
            Rp_CLEAR(list);
        Rp_XDECREF(item);
    }
    closedir(d);
    return list;
}

static RpObject *p_listdir(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("listdir", nargs, 0, 1))
        return NULL;
    const char *p = nargs && args[0] != Rp_None ? path_arg(args[0], "listdir") : ".";
    if (p == NULL)
        return NULL;
    DIR *d = opendir(p);
    if (d == NULL)
        return posix_error(p);
    RpObject *list = RpList_New(0);
    struct dirent *e;
    while (list && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        RpObject *s = entry_name(e->d_name, nargs && RpBytes_Check(args[0]));
        if (s == NULL || RpList_Append(list, s) < 0)
            Rp_CLEAR(list);
        Rp_XDECREF(s);
    }
    closedir(d);
    return list;
}

static int set_num(RpObject *d, const char *k, long long v)
{
    RpObject *o = RpLong_FromLongLong(v);
    int r = o ? RpDict_SetItemString(d, k, o) : -1;
    Rp_XDECREF(o);
    return r;
}

static int set_time(RpObject *d, const char *k, struct timespec ts)
{
    RpObject *o = RpFloat_FromDouble((double)ts.tv_sec + ts.tv_nsec * 1e-9);
    int r = o ? RpDict_SetItemString(d, k, o) : -1;
    Rp_XDECREF(o);
    return r;
}

/* stat_result as a namespace with the st_* fields. */
static RpObject *stat_result(const struct stat *st)
{
    RpObject *d = RpDict_New();
    if (d == NULL)
        return NULL;
    RpObject *res = NULL;
    if (set_num(d, "st_mode", st->st_mode) == 0 && set_num(d, "st_ino", (long long)st->st_ino) == 0 &&
        set_num(d, "st_dev", (long long)st->st_dev) == 0 && set_num(d, "st_nlink", (long long)st->st_nlink) == 0 &&
        set_num(d, "st_uid", st->st_uid) == 0 && set_num(d, "st_gid", st->st_gid) == 0 &&
        set_num(d, "st_size", (long long)st->st_size) == 0 &&
        set_time(d, "st_atime", st->st_atim) == 0 && set_time(d, "st_mtime", st->st_mtim) == 0 &&
        set_time(d, "st_ctime", st->st_ctim) == 0)
        res = _RpNamespace_New(d);
    Rp_DECREF(d);
    return res;
}

static RpObject *do_stat(RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames,
                         const char *fn, int follow)
{
    static const char *const names[] = {"path", "dir_fd", "follow_symlinks", NULL};
    RpObject *a[3] = {NULL};
    if (_RpArg_ParseVector(fn, args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    if (a[2] != NULL) {
        int f = RpObject_IsTrue(a[2]);
        if (f < 0)
            return NULL;
        follow = f;
    }
    struct stat st;
    int r;
    if (RpLong_Check(a[0])) {
        r = fstat((int)RpLong_AsLong(a[0]), &st);
        if (r != 0)
            return posix_error(NULL);
        return stat_result(&st);
    }
    const char *p = path_arg(a[0], fn);
    if (p == NULL)
        return NULL;
    RP_BEGIN_ALLOW_THREADS
    r = follow ? stat(p, &st) : lstat(p, &st);
    RP_END_ALLOW_THREADS
    if (r != 0)
        return posix_error(p);
    return stat_result(&st);
}

static RpObject *p_stat(RpObject *s, RpObject *const *a, Rp_ssize_t n, RpObject *k)
{
    return do_stat(a, n, k, "stat", 1);
}

static RpObject *p_lstat(RpObject *s, RpObject *const *a, Rp_ssize_t n, RpObject *k)
{
    return do_stat(a, n, k, "lstat", 0);
}

static RpObject *p_access(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("access", nargs, 2, 2))
        return NULL;
    const char *p = path_arg(args[0], "access");
    long mode = RpLong_AsLong(args[1]);
    if (p == NULL || (mode == -1 && RpErr_Occurred()))
        return NULL;
    return RpBool_FromLong(access(p, (int)mode) == 0);
}

static RpObject *p_strerror(RpObject *self, RpObject *code)
{
    long c = RpLong_AsLong(code);
    if (c == -1 && RpErr_Occurred())
        return NULL;
    return RpUnicode_FromString(strerror((int)c));
}

static RpObject *p_urandom(RpObject *self, RpObject *arg)
{
    Rp_ssize_t n = RpNumber_AsSsize_t(arg, RpExc_OverflowError);
    if (n == -1 && RpErr_Occurred())
        return NULL;
    if (n < 0)
        return RpErr_Format(RpExc_ValueError, "negative argument not allowed");
    RpObject *b = RpBytes_FromStringAndSize(NULL, n);
    if (b == NULL)
        return NULL;
    int fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
    Rp_ssize_t got = 0;
    while (fd >= 0 && got < n) {
        ssize_t r = read(fd, RpBytes_AS_STRING(b) + got, (size_t)(n - got));
        if (r <= 0)
            break;
        got += r;
    }
    if (fd >= 0)
        close(fd);
    if (got < n) {
        Rp_DECREF(b);
        return posix_error(NULL);
    }
    return b;
}

static RpObject *p_cpu_count(RpObject *self, RpObject *unused)
{
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        Rp_RETURN_NONE;
    return RpLong_FromLong(n);
}

static RpObject *p__exit(RpObject *self, RpObject *code)
{
    long c = RpLong_AsLong(code);
    if (c == -1 && RpErr_Occurred())
        return NULL;
    _exit((int)c);
}

static RpObject *p_putenv(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("putenv", nargs, 2, 2))
        return NULL;
    const char *k = path_arg(args[0], "putenv"), *v = k ? path_arg(args[1], "putenv") : NULL;
    if (v == NULL)
        return NULL;
    if (*k == '\0' || strchr(k, '=') != NULL)
        return RpErr_Format(RpExc_ValueError, "illegal environment variable name");
    if (setenv(k, v, 1) != 0)
        return posix_error(NULL);
    Rp_RETURN_NONE;
}

static RpObject *p_unsetenv(RpObject *self, RpObject *arg)
{
    const char *k = path_arg(arg, "unsetenv");
    if (k == NULL)
        return NULL;
    if (unsetenv(k) != 0)
        return posix_error(NULL);
    Rp_RETURN_NONE;
}

static RpObject *p_isatty(RpObject *self, RpObject *fd)
{
    long f = RpLong_AsLong(fd);
    if (f == -1 && RpErr_Occurred())
        return NULL;
    return RpBool_FromLong(isatty((int)f));
}

static RpObject *p_close(RpObject *self, RpObject *fd)
{
    long f = RpLong_AsLong(fd);
    if (f == -1 && RpErr_Occurred())
        return NULL;
    if (close((int)f) != 0)
        return posix_error(NULL);
    Rp_RETURN_NONE;
}

static RpObject *p_write(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("write", nargs, 2, 2))
        return NULL;
    long fd = RpLong_AsLong(args[0]);
    if (fd == -1 && RpErr_Occurred())
        return NULL;
    if (!RpBytes_Check(args[1]))
        return RpErr_Format(RpExc_TypeError, "a bytes-like object is required, not '%s'",
                            _RpType_Name(Rp_TYPE(args[1])));
    ssize_t r;
    RP_BEGIN_ALLOW_THREADS
    r = write((int)fd, RpBytes_AS_STRING(args[1]), (size_t)RpBytes_GET_SIZE(args[1]));
    RP_END_ALLOW_THREADS
    if (r < 0)
        return posix_error(NULL);
    return RpLong_FromSsize_t(r);
}

static RpObject *p_read(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("read", nargs, 2, 2))
        return NULL;
    long fd = RpLong_AsLong(args[0]);
    Rp_ssize_t n = RpNumber_AsSsize_t(args[1], RpExc_OverflowError);
    if ((fd == -1 || n == -1) && RpErr_Occurred())
        return NULL;
    RpObject *b = RpBytes_FromStringAndSize(NULL, n);
    if (b == NULL)
        return NULL;
    ssize_t r;
    RP_BEGIN_ALLOW_THREADS
    r = read((int)fd, RpBytes_AS_STRING(b), (size_t)n);
    RP_END_ALLOW_THREADS
    if (r < 0) {
        Rp_DECREF(b);
        return posix_error(NULL);
    }
    if (_RpBytes_Resize(&b, r) < 0)
        return NULL;
    return b;
}

static RpObject *p_open(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                        RpObject *kwnames)
{
    static const char *const names[] = {"path", "flags", "mode", NULL};
    RpObject *a[3] = {NULL};
    if (_RpArg_ParseVector("open", args, nargs, kwnames, names, 3, 2, a) < 0)
        return NULL;
    const char *p = path_arg(a[0], "open");
    long flags = RpLong_AsLong(a[1]);
    long mode = a[2] ? RpLong_AsLong(a[2]) : 0777;
    if (p == NULL || RpErr_Occurred())
        return NULL;
    int fd;
    RP_BEGIN_ALLOW_THREADS
    fd = open(p, (int)flags | O_CLOEXEC, (mode_t)mode);
    RP_END_ALLOW_THREADS
    if (fd < 0)
        return posix_error(p);
    return RpLong_FromLong(fd);
}

/* ---- processes: fork, wait, signals, pipes ------------------------------- */

static int fd_arg(RpObject *o, int *fd)
{
    long v = RpLong_AsLong(o);
    if (v == -1 && RpErr_Occurred())
        return -1;
    *fd = (int)v;
    return 0;
}

/* In the child after fork(), as CPython's PyOS_AfterFork_Child: rebuild the
 * GIL (only this thread survives), then let threading forget the others. */
static int after_fork_child(void)
{
    RpGIL_AfterFork(RpInterp_Get());
    RpObject *name = RpUnicode_FromString("threading");
    if (name == NULL)
        return -1;
    RpObject *mod = RpImport_GetModule(name);
    Rp_DECREF(name);
    if (mod == NULL)
        return RpErr_Occurred() ? -1 : 0;
    RpObject *r = RpObject_CallMethod0(mod, "_after_fork");
    Rp_DECREF(mod);
    if (r == NULL) {
        RpErr_WriteUnraisable(NULL);
        return 0;
    }
    Rp_DECREF(r);
    return 0;
}

/* fork() with the GIL held: no other thread can be touching objects or the
 * allocator, so the child's heap is consistent. */
static RpObject *p_fork(RpObject *self, RpObject *unused)
{
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid < 0)
        return posix_error(NULL);
    if (pid == 0 && after_fork_child() < 0)
        return NULL;
    return RpLong_FromLong((long)pid);
}

static RpObject *p_waitpid(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("waitpid", nargs, 2, 2))
        return NULL;
    long pid = RpLong_AsLong(args[0]), options = RpLong_AsLong(args[1]);
    if ((pid == -1 || options == -1) && RpErr_Occurred())
        return NULL;
    int status = 0;
    pid_t r;
    for (;;) {
        RP_BEGIN_ALLOW_THREADS
        r = waitpid((pid_t)pid, &status, (int)options);
        RP_END_ALLOW_THREADS
        if (r >= 0 || errno != EINTR)
            break;
    }
    if (r < 0)
        return posix_error(NULL);
    RpObject *a = RpLong_FromLong((long)r), *b = RpLong_FromLong(status);
    RpObject *t = a && b ? RpTuple_Pack(2, a, b) : NULL;
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    return t;
}

/* WIFEXITED and friends: int status -> int or bool. */
#define STATUS_FN(NAME, EXPR, MAKE)                                     \
    static RpObject *p_##NAME(RpObject *self, RpObject *arg)            \
    {                                                                   \
        long status = RpLong_AsLong(arg);                               \
        if (status == -1 && RpErr_Occurred())                           \
            return NULL;                                                \
        int st = (int)status;                                           \
        return MAKE(EXPR);                                              \
    }
STATUS_FN(WIFEXITED, WIFEXITED(st), RpBool_FromLong)
STATUS_FN(WEXITSTATUS, WEXITSTATUS(st), RpLong_FromLong)
STATUS_FN(WIFSIGNALED, WIFSIGNALED(st), RpBool_FromLong)
STATUS_FN(WTERMSIG, WTERMSIG(st), RpLong_FromLong)
STATUS_FN(WIFSTOPPED, WIFSTOPPED(st), RpBool_FromLong)
STATUS_FN(WSTOPSIG, WSTOPSIG(st), RpLong_FromLong)

static RpObject *p_waitstatus_to_exitcode(RpObject *self, RpObject *arg)
{
    long status = RpLong_AsLong(arg);
    if (status == -1 && RpErr_Occurred())
        return NULL;
    int st = (int)status;
    if (WIFEXITED(st))
        return RpLong_FromLong(WEXITSTATUS(st));
    if (WIFSIGNALED(st))
        return RpLong_FromLong(-WTERMSIG(st));
    return RpErr_Format(RpExc_ValueError, "invalid wait status: %ld", status);
}

static RpObject *p_kill(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("kill", nargs, 2, 2))
        return NULL;
    long pid = RpLong_AsLong(args[0]), sig = RpLong_AsLong(args[1]);
    if ((pid == -1 || sig == -1) && RpErr_Occurred())
        return NULL;
    if (kill((pid_t)pid, (int)sig) != 0)
        return posix_error(NULL);
    Rp_RETURN_NONE;
}

static RpObject *p_getpgid(RpObject *self, RpObject *arg)
{
    long pid = RpLong_AsLong(arg);
    if (pid == -1 && RpErr_Occurred())
        return NULL;
    pid_t r = getpgid((pid_t)pid);
    if (r < 0)
        return posix_error(NULL);
    return RpLong_FromLong((long)r);
}

static RpObject *p_getpgrp(RpObject *s, RpObject *u) { return RpLong_FromLong((long)getpgrp()); }

/* pipe() -> (r, w), both close-on-exec as in CPython (non-inheritable). */
static RpObject *p_pipe(RpObject *self, RpObject *unused)
{
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0)
        return posix_error(NULL);
    RpObject *a = RpLong_FromLong(fds[0]), *b = RpLong_FromLong(fds[1]);
    RpObject *t = a && b ? RpTuple_Pack(2, a, b) : NULL;
    Rp_XDECREF(a);
    Rp_XDECREF(b);
    return t;
}

static RpObject *p_dup(RpObject *self, RpObject *arg)
{
    int fd;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0)
        return posix_error(NULL);
    return RpLong_FromLong(r);
}

static RpObject *p_dup2(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                        RpObject *kwnames)
{
    static const char *const names[] = {"fd", "fd2", "inheritable", NULL};
    RpObject *a[3] = {NULL};
    if (_RpArg_ParseVector("dup2", args, nargs, kwnames, names, 3, 2, a) < 0)
        return NULL;
    int fd, fd2, inh = a[2] ? RpObject_IsTrue(a[2]) : 1;
    if (fd_arg(a[0], &fd) < 0 || fd_arg(a[1], &fd2) < 0 || inh < 0)
        return NULL;
    int r = inh ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
    if (r < 0)
        return posix_error(NULL);
    return RpLong_FromLong(r);
}

static RpObject *p_sched_getaffinity(RpObject *self, RpObject *arg)
{
    long pid = RpLong_AsLong(arg);
    if (pid == -1 && RpErr_Occurred())
        return NULL;
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity((pid_t)pid, sizeof set, &set) != 0)
        return posix_error(NULL);
    RpObject *res = RpSet_New(NULL);
    for (int i = 0; res != NULL && i < CPU_SETSIZE; i++) {
        if (!CPU_ISSET(i, &set))
            continue;
        RpObject *n = RpLong_FromLong(i);
        if (n == NULL || RpSet_Add(res, n) < 0)
            Rp_CLEAR(res);
        Rp_XDECREF(n);
    }
    return res;
}

static RpObject *make_environ(void)
{
    RpObject *d = RpDict_New();
    for (char **e = environ; d && e && *e; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL)
            continue;
        RpObject *k = RpUnicode_DecodeUTF8(*e, eq - *e, "surrogateescape");
        RpObject *v = RpUnicode_DecodeUTF8(eq + 1, (Rp_ssize_t)strlen(eq + 1), "surrogateescape");
        if (k == NULL || v == NULL || RpDict_SetItem(d, k, v) < 0)
            Rp_CLEAR(d);
        Rp_XDECREF(k);
        Rp_XDECREF(v);
    }
    return d;
}

/* ---- exec, permissions, links, terminal, uname, times, _fork_exec -------- */

/* A NULL-terminated array of C strings from a list or tuple of str/bytes.
 * The strings are borrowed from *keep (a new reference the caller drops
 * after use); the array comes from RpMem_Malloc.  NULL with an error. */
static char **str_array(RpObject *seq, const char *fn, RpObject **keep)
{
    *keep = NULL;
    if (!RpList_Check(seq) && !RpTuple_Check(seq)) {
        RpErr_Format(RpExc_TypeError, "%s() arg 2 must be a tuple or list", fn);
        return NULL;
    }
    RpObject *fast = RpSequence_Tuple(seq);
    if (fast == NULL)
        return NULL;
    Rp_ssize_t n = RpTuple_GET_SIZE(fast);
    char **arr = RpMem_Malloc(sizeof(char *) * (size_t)(n + 1));
    for (Rp_ssize_t i = 0; arr != NULL && i < n; i++) {
        const char *s = path_arg(RpTuple_GET_ITEM(fast, i), fn);
        if (s == NULL) {
            RpMem_Free(arr);
            Rp_DECREF(fast);
            return NULL;
        }
        arr[i] = (char *)s;
    }
    if (arr == NULL) {
        Rp_DECREF(fast);
        RpErr_NoMemory();
        return NULL;
    }
    arr[n] = NULL;
    *keep = fast;
    return arr;
}

/* bytes "KEY=VALUE" */
static RpObject *key_value(const char *k, const char *v)
{
    size_t lk = strlen(k), lv = strlen(v);
    RpObject *b = RpBytes_FromStringAndSize(NULL, (Rp_ssize_t)(lk + 1 + lv));
    if (b == NULL)
        return NULL;
    char *p = RpBytes_AS_STRING(b);
    memcpy(p, k, lk);
    p[lk] = '=';
    memcpy(p + lk + 1, v, lv);
    return b;
}

/* "KEY=VALUE" strings of an env mapping, as bytes kept alive in *keep. */
static char **env_array(RpObject *env, RpObject **keep)
{
    *keep = NULL;
    RpObject *keys = RpMapping_Keys(env), *list = keys ? RpList_New(0) : NULL;
    if (list == NULL) {
        Rp_XDECREF(keys);
        return NULL;
    }
    Rp_ssize_t n = RpList_GET_SIZE(keys);
    for (Rp_ssize_t i = 0; i < n; i++) {
        RpObject *k = RpList_GET_ITEM(keys, i), *v = RpObject_GetItem(env, k);
        const char *ks = path_arg(k, "execve"), *vs = v ? path_arg(v, "execve") : NULL;
        RpObject *kv = NULL;
        if (ks != NULL && vs != NULL && (*ks == '\0' || strchr(ks, '=') != NULL))
            RpErr_Format(RpExc_ValueError, "illegal environment variable name");
        else if (ks != NULL && vs != NULL)
            kv = key_value(ks, vs);
        Rp_XDECREF(v);
        if (kv == NULL || RpList_Append(list, kv) < 0) {
            Rp_XDECREF(kv);
            Rp_DECREF(keys);
            Rp_DECREF(list);
            return NULL;
        }
        Rp_DECREF(kv);
    }
    Rp_DECREF(keys);
    char **arr = RpMem_Malloc(sizeof(char *) * (size_t)(n + 1));
    if (arr == NULL) {
        Rp_DECREF(list);
        RpErr_NoMemory();
        return NULL;
    }
    for (Rp_ssize_t i = 0; i < n; i++)
        arr[i] = RpBytes_AS_STRING(RpList_GET_ITEM(list, i));
    arr[n] = NULL;
    *keep = list;
    return arr;
}

/* execv(path, argv) / execve(path, argv, env): only returns on error. */
static RpObject *do_exec(RpObject *const *args, Rp_ssize_t nargs, const char *fn, int with_env)
{
    if (!_RpArg_CheckPositional(fn, nargs, 2 + with_env, 2 + with_env))
        return NULL;
    const char *p = path_arg(args[0], fn);
    RpObject *keep_argv = NULL, *keep_env = NULL;
    char **argv = p ? str_array(args[1], fn, &keep_argv) : NULL, **envp = NULL;
    if (argv == NULL)
        return NULL;
    if (argv[0] == NULL || argv[0][0] == '\0') {
        RpErr_Format(RpExc_ValueError, argv[0] == NULL ? "%s() arg 2 must not be empty"
                                                       : "%s() arg 2 first element cannot be empty", fn);
        goto done;
    }
    if (with_env && !RpMapping_Check(args[2])) {
        RpErr_Format(RpExc_TypeError, "execve: environment must be a mapping object");
        goto done;
    }
    if (with_env && (envp = env_array(args[2], &keep_env)) == NULL)
        goto done;
    fflush(stdout);
    fflush(stderr);
    if (with_env)
        execve(p, argv, envp);
    else
        execv(p, argv);
    posix_error(NULL);
done:
    RpMem_Free(argv);
    if (envp)
        RpMem_Free(envp);
    Rp_XDECREF(keep_argv);
    Rp_XDECREF(keep_env);
    return NULL;
}

static RpObject *p_execv(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return do_exec(a, n, "execv", 0); }
static RpObject *p_execve(RpObject *s, RpObject *const *a, Rp_ssize_t n) { return do_exec(a, n, "execve", 1); }

/* system(command) -> the wait status, as CPython returns it. */
static RpObject *p_system(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                          RpObject *kwnames)
{
    static const char *const names[] = {"command", NULL};
    RpObject *a[1] = {NULL};
    if (_RpArg_ParseVector("system", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    const char *cmd = path_arg(a[0], "system");
    if (cmd == NULL)
        return NULL;
    fflush(stdout);
    fflush(stderr);
    int r;
    RP_BEGIN_ALLOW_THREADS
    r = system(cmd);
    RP_END_ALLOW_THREADS
    return RpLong_FromLong(r);
}

static RpObject *p_umask(RpObject *self, RpObject *arg)
{
    long m = RpLong_AsLong(arg);
    if (m == -1 && RpErr_Occurred())
        return NULL;
    return RpLong_FromLong((long)umask((mode_t)m));
}

static RpObject *p_chmod(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                         RpObject *kwnames)
{
    static const char *const names[] = {"path", "mode", "dir_fd", "follow_symlinks", NULL};
    RpObject *a[4] = {NULL};
    if (_RpArg_ParseVector("chmod", args, nargs, kwnames, names, 2, 2, a) < 0)
        return NULL;
    long mode = RpLong_AsLong(a[1]);
    if (mode == -1 && RpErr_Occurred())
        return NULL;
    if (RpLong_Check(a[0])) {
        if (fchmod((int)RpLong_AsLong(a[0]), (mode_t)mode) != 0)
            return posix_error(NULL);
        Rp_RETURN_NONE;
    }
    const char *p = path_arg(a[0], "chmod");
    if (p == NULL)
        return NULL;
    if (chmod(p, (mode_t)mode) != 0)
        return posix_error(p);
    Rp_RETURN_NONE;
}

/* One number of utime's times/ns pair as a timespec. */
static int time_arg(RpObject *o, int ns, struct timespec *ts)
{
    if (ns) {
        long long v = RpLong_AsLongLong(o);
        if (v == -1 && RpErr_Occurred())
            return -1;
        ts->tv_sec = (time_t)(v / 1000000000LL);
        ts->tv_nsec = (long)(v % 1000000000LL);
        if (ts->tv_nsec < 0) {
            ts->tv_nsec += 1000000000L;
            ts->tv_sec--;
        }
        return 0;
    }
    double d = RpFloat_AsDouble(o);
    if (d == -1.0 && RpErr_Occurred())
        return -1;
    double whole = floor(d);
    ts->tv_sec = (time_t)whole;
    ts->tv_nsec = (long)((d - whole) * 1e9);
    return 0;
}

/* utime's (atime, mtime) pair from `times` or `ns`; 1 = now. */
static int utime_pair(RpObject *times, RpObject *ns, struct timespec ts[2])
{
    if (times != NULL && times != Rp_None && ns != NULL) {
        RpErr_Format(RpExc_ValueError, "utime: you may specify either 'times' or 'ns' but not both");
        return -1;
    }
    RpObject *pair = ns ? ns : times;
    if (pair == NULL || pair == Rp_None)
        return 1;
    if (!RpTuple_Check(pair) || RpTuple_GET_SIZE(pair) != 2) {
        RpErr_Format(RpExc_TypeError, ns ? "utime: 'ns' must be a tuple of two ints"
                                         : "utime: 'times' must be either a tuple of two ints or None");
        return -1;
    }
    if (time_arg(RpTuple_GET_ITEM(pair, 0), ns != NULL, &ts[0]) < 0 ||
        time_arg(RpTuple_GET_ITEM(pair, 1), ns != NULL, &ts[1]) < 0)
        return -1;
    return 0;
}

static RpObject *p_utime(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                         RpObject *kwnames)
{
    static const char *const names[] = {"path", "times", "ns", "dir_fd", "follow_symlinks", NULL};
    RpObject *a[5] = {NULL};
    if (_RpArg_ParseVector("utime", args, nargs, kwnames, names, 2, 1, a) < 0)
        return NULL;
    const char *p = path_arg(a[0], "utime");
    struct timespec ts[2];
    int now = p ? utime_pair(a[1], a[2], ts) : -1;
    if (now < 0)
        return NULL;
    int follow = a[4] ? RpObject_IsTrue(a[4]) : 1;
    if (follow < 0)
        return NULL;
    if (utimensat(AT_FDCWD, p, now ? NULL : ts, follow ? 0 : AT_SYMLINK_NOFOLLOW) != 0)
        return posix_error(p);
    Rp_RETURN_NONE;
}

/* Two-path calls: symlink(src, dst), link(src, dst). */
static RpObject *two_paths(RpObject *const *args, Rp_ssize_t nargs, RpObject *kwnames,
                           const char *fn, int (*call)(const char *, const char *))
{
    static const char *const names[] = {"src", "dst", "target_is_directory", NULL};
    RpObject *a[3] = {NULL};
    if (_RpArg_ParseVector(fn, args, nargs, kwnames, names, 3, 2, a) < 0)
        return NULL;
    const char *s = path_arg(a[0], fn), *d = s ? path_arg(a[1], fn) : NULL;
    if (d == NULL)
        return NULL;
    if (call(s, d) != 0)
        return posix_error(s);
    Rp_RETURN_NONE;
}

static RpObject *p_symlink(RpObject *s, RpObject *const *a, Rp_ssize_t n, RpObject *k)
{
    return two_paths(a, n, k, "symlink", symlink);
}

static RpObject *p_link(RpObject *s, RpObject *const *a, Rp_ssize_t n, RpObject *k)
{
    return two_paths(a, n, k, "link", link);
}

/* readlink(path): str for a str path, bytes for bytes. */
static RpObject *p_readlink(RpObject *self, RpObject *const *args, Rp_ssize_t nargs,
                            RpObject *kwnames)
{
    static const char *const names[] = {"path", "dir_fd", NULL};
    RpObject *a[2] = {NULL};
    if (_RpArg_ParseVector("readlink", args, nargs, kwnames, names, 1, 1, a) < 0)
        return NULL;
    const char *p = path_arg(a[0], "readlink");
    if (p == NULL)
        return NULL;
    char buf[4096];
    ssize_t n = readlink(p, buf, sizeof buf);
    if (n < 0)
        return posix_error(p);
    if (RpBytes_Check(a[0]))
        return RpBytes_FromStringAndSize(buf, n);
    return RpUnicode_DecodeUTF8(buf, n, "surrogateescape");
}

/* _get_terminal_size(fd) -> (columns, lines); os.py wraps it. */
static RpObject *p_get_terminal_size(RpObject *self, RpObject *arg)
{
    int fd;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    struct winsize w;
    if (ioctl(fd, TIOCGWINSZ, &w) != 0)
        return posix_error(NULL);
    RpObject *c = RpLong_FromLong(w.ws_col), *l = RpLong_FromLong(w.ws_row);
    RpObject *t = c && l ? RpTuple_Pack(2, c, l) : NULL;
    Rp_XDECREF(c);
    Rp_XDECREF(l);
    return t;
}

/* _times() -> (user, system, children_user, children_system, elapsed). */
static RpObject *p_times(RpObject *self, RpObject *unused)
{
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return posix_error(NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    double v[5] = {t.tms_utime / tick, t.tms_stime / tick, t.tms_cutime / tick,
                   t.tms_cstime / tick, c / tick};
    RpObject *tup = RpTuple_New(5);
    for (int i = 0; tup != NULL && i < 5; i++) {
        RpObject *f = RpFloat_FromDouble(v[i]);
        if (f == NULL)
            Rp_CLEAR(tup);
        else
            RpTuple_SET_ITEM(tup, i, f);
    }
    return tup;
}

/* _uname() -> (sysname, nodename, release, version, machine). */
static RpObject *p_uname(RpObject *self, RpObject *unused)
{
    struct utsname u;
    if (uname(&u) != 0)
        return posix_error(NULL);
    const char *f[5] = {u.sysname, u.nodename, u.release, u.version, u.machine};
    RpObject *tup = RpTuple_New(5);
    for (int i = 0; tup != NULL && i < 5; i++) {
        RpObject *s = RpUnicode_DecodeUTF8(f[i], (Rp_ssize_t)strlen(f[i]), "surrogateescape");
        if (s == NULL)
            Rp_CLEAR(tup);
        else
            RpTuple_SET_ITEM(tup, i, s);
    }
    return tup;
}

static RpObject *p_getlogin(RpObject *self, RpObject *unused)
{
    errno = 0;
    const char *name = getlogin();
    if (name == NULL) {
        if (errno == 0)
            return RpErr_Format(RpExc_OSError, "unable to determine login name");
        return posix_error(NULL);
    }
    return RpUnicode_FromString(name);
}

static RpObject *p_getgid(RpObject *s, RpObject *u) { return RpLong_FromLong((long)getgid()); }
static RpObject *p_geteuid(RpObject *s, RpObject *u) { return RpLong_FromLong((long)geteuid()); }
static RpObject *p_getegid(RpObject *s, RpObject *u) { return RpLong_FromLong((long)getegid()); }

/* What _fork_exec hands the child: everything converted before fork() so
 * the child allocates nothing and runs no Python before exec. */
typedef struct {
    char **argv, **envp, **exes;
    const char *cwd;
    int fds[6];   /* p2cread p2cwrite c2pread c2pwrite errread errwrite */
    int errpipe, close_fds, new_session;
} spawn_plan;

/* Report errno (hex) and the failing step through the error pipe, then
 * die.  Formatted by hand: after fork() only async-signal-safe calls. */
static void child_fail(const spawn_plan *sp, int err, const char *where)
{
    char msg[64], digits[16];
    size_t n = 0, nd = 0;
    unsigned v = (unsigned)err;
    do {
        digits[nd++] = "0123456789abcdef"[v % 16];
        v /= 16;
    } while (v && nd < sizeof digits);
    while (nd)
        msg[n++] = digits[--nd];
    msg[n++] = ':';
    while (*where && n < sizeof msg)
        msg[n++] = *where++;
    if (write(sp->errpipe, msg, n) < 0) {
        /* nothing more to do: the parent sees an empty pipe */
    }
    _exit(255);
}

/* Make `fd` the child's descriptor `target` (inheritable), or leave the
 * parent's one alone when fd is -1. */
static int child_dup(int fd, int target)
{
    if (fd < 0)
        return 0;
    if (fd == target) {
        int fl = fcntl(fd, F_GETFD);
        return fl < 0 ? -1 : fcntl(fd, F_SETFD, fl & ~FD_CLOEXEC);
    }
    return dup2(fd, target) < 0 ? -1 : 0;
}

/* Close every descriptor from 3 up except the error pipe. */
static void child_close_fds(int keep)
{
#ifdef SYS_close_range
    /* One system call when the kernel has it (Linux 5.9+). */
    if ((keep <= 3 || syscall(SYS_close_range, 3, keep - 1, 0) == 0) &&
        syscall(SYS_close_range, keep + 1 > 3 ? keep + 1 : 3, ~0U, 0) == 0)
        return;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536)
        max = 65536;
    for (int fd = 3; fd < max; fd++)
        if (fd != keep)
            close(fd);
}

static void child_exec(spawn_plan *sp)
{
    int *f = sp->fds;
    signal(SIGPIPE, SIG_DFL);   /* the interpreter ignores it; children must not */
    if (sp->new_session)
        setsid();
    /* Keep the child's pipe ends off 0..2 before dup2 overwrites them. */
    if (f[3] == 0)
        f[3] = dup(f[3]);
    while (f[5] == 0 || f[5] == 1)
        f[5] = dup(f[5]);
    if (child_dup(f[0], 0) < 0 || child_dup(f[3], 1) < 0 || child_dup(f[5], 2) < 0)
        child_fail(sp, errno, "noexec");
    if (sp->cwd != NULL && chdir(sp->cwd) != 0)
        child_fail(sp, errno, "noexec:chdir");
    if (sp->close_fds)
        child_close_fds(sp->errpipe);
    int saved = 0;
    for (char **e = sp->exes; *e; e++) {
        if (sp->envp)
            execve(*e, sp->argv, sp->envp);
        else
            execv(*e, sp->argv);
        if (errno != ENOENT && errno != ENOTDIR && saved == 0)
            saved = errno;
    }
    child_fail(sp, saved ? saved : errno, "exec");
}

/* Fill the plan's descriptors and flags from the Python arguments. */
static int plan_ints(spawn_plan *sp, RpObject *fds, RpObject *errpipe, RpObject *cf, RpObject *ns)
{
    if (!RpTuple_Check(fds) || RpTuple_GET_SIZE(fds) != 6) {
        RpErr_Format(RpExc_TypeError, "_fork_exec: fds must be a 6-tuple");
        return -1;
    }
    for (int i = 0; i < 6; i++)
        if (fd_arg(RpTuple_GET_ITEM(fds, i), &sp->fds[i]) < 0)
            return -1;
    if (fd_arg(errpipe, &sp->errpipe) < 0)
        return -1;
    sp->close_fds = RpObject_IsTrue(cf);
    sp->new_session = RpObject_IsTrue(ns);
    return sp->close_fds < 0 || sp->new_session < 0 ? -1 : 0;
}

/* _fork_exec(args, executables, env, cwd, fds, errpipe_write, close_fds,
 * start_new_session) -> pid: subprocess.Popen's child, all in C. */
static RpObject *p_fork_exec(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    if (!_RpArg_CheckPositional("_fork_exec", nargs, 8, 8))
        return NULL;
    spawn_plan sp = {0};
    RpObject *k_argv = NULL, *k_exes = NULL, *k_env = NULL, *res = NULL;
    if ((sp.argv = str_array(args[0], "_fork_exec", &k_argv)) == NULL ||
        (sp.exes = str_array(args[1], "_fork_exec", &k_exes)) == NULL)
        goto done;
    if (args[2] != Rp_None && (sp.envp = env_array(args[2], &k_env)) == NULL)
        goto done;
    if (args[3] != Rp_None && (sp.cwd = path_arg(args[3], "_fork_exec")) == NULL)
        goto done;
    if (plan_ints(&sp, args[4], args[5], args[6], args[7]) < 0)
        goto done;
    fflush(stdout);
    fflush(stderr);
    pid_t pid = fork();
    if (pid == 0)
        child_exec(&sp);
    res = pid < 0 ? posix_error(NULL) : RpLong_FromLong((long)pid);
done:
    if (sp.argv)
        RpMem_Free(sp.argv);
    if (sp.exes)
        RpMem_Free(sp.exes);
    if (sp.envp)
        RpMem_Free(sp.envp);
    Rp_XDECREF(k_argv);
    Rp_XDECREF(k_exes);
    Rp_XDECREF(k_env);
    return res;
}

#define FASTKW (RP_METH_FASTCALL | RP_METH_KEYWORDS)
static RpMethodDef posix_methods[] = {
    {"getpid", p_getpid, RP_METH_NOARGS, NULL},
    {"getppid", p_getppid, RP_METH_NOARGS, NULL},
    {"getuid", p_getuid, RP_METH_NOARGS, NULL},
    {"getcwd", p_getcwd, RP_METH_NOARGS, NULL},
    {"chdir", p_chdir, RP_METH_O, NULL},
    {"remove", p_remove, RP_METH_O, NULL},
    {"unlink", p_remove, RP_METH_O, NULL},
    {"rmdir", p_rmdir, RP_METH_O, NULL},
    {"mkdir", FAST(p_mkdir), FASTKW, NULL},
    {"rename", FAST(p_rename), RP_METH_FASTCALL, NULL},
    {"replace", FAST(p_rename), RP_METH_FASTCALL, NULL},
    {"listdir", FAST(p_listdir), RP_METH_FASTCALL, NULL},
    {"stat", FAST(p_stat), FASTKW, NULL},
    {"lstat", FAST(p_lstat), FASTKW, NULL},
    {"access", FAST(p_access), RP_METH_FASTCALL, NULL},
    {"strerror", p_strerror, RP_METH_O, NULL},
    {"urandom", p_urandom, RP_METH_O, NULL},
    {"cpu_count", p_cpu_count, RP_METH_NOARGS, NULL},
    {"_exit", p__exit, RP_METH_O, NULL},
    {"putenv", FAST(p_putenv), RP_METH_FASTCALL, NULL},
    {"unsetenv", p_unsetenv, RP_METH_O, NULL},
    {"isatty", p_isatty, RP_METH_O, NULL},
    {"close", p_close, RP_METH_O, NULL},
    {"write", FAST(p_write), RP_METH_FASTCALL, NULL},
    {"read", FAST(p_read), RP_METH_FASTCALL, NULL},
    {"open", FAST(p_open), FASTKW, NULL},
    {"fork", p_fork, RP_METH_NOARGS, NULL},
    {"waitpid", FAST(p_waitpid), RP_METH_FASTCALL, NULL},
    {"WIFEXITED", p_WIFEXITED, RP_METH_O, NULL},
    {"WEXITSTATUS", p_WEXITSTATUS, RP_METH_O, NULL},
    {"WIFSIGNALED", p_WIFSIGNALED, RP_METH_O, NULL},
    {"WTERMSIG", p_WTERMSIG, RP_METH_O, NULL},
    {"WIFSTOPPED", p_WIFSTOPPED, RP_METH_O, NULL},
    {"WSTOPSIG", p_WSTOPSIG, RP_METH_O, NULL},
    {"waitstatus_to_exitcode", p_waitstatus_to_exitcode, RP_METH_O, NULL},
    {"kill", FAST(p_kill), RP_METH_FASTCALL, NULL},
    {"getpgid", p_getpgid, RP_METH_O, NULL},
    {"getpgrp", p_getpgrp, RP_METH_NOARGS, NULL},
    {"pipe", p_pipe, RP_METH_NOARGS, NULL},
    {"dup", p_dup, RP_METH_O, NULL},
    {"dup2", FAST(p_dup2), FASTKW, NULL},
    {"sched_getaffinity", p_sched_getaffinity, RP_METH_O, NULL},
    {"execv", FAST(p_execv), RP_METH_FASTCALL, NULL},
    {"execve", FAST(p_execve), RP_METH_FASTCALL, NULL},
    {"system", FAST(p_system), FASTKW, NULL},
    {"umask", p_umask, RP_METH_O, NULL},
    {"chmod", FAST(p_chmod), FASTKW, NULL},
    {"utime", FAST(p_utime), FASTKW, NULL},
    {"symlink", FAST(p_symlink), FASTKW, NULL},
    {"link", FAST(p_link), FASTKW, NULL},
    {"readlink", FAST(p_readlink), FASTKW, NULL},
    {"_get_terminal_size", p_get_terminal_size, RP_METH_O, NULL},
    {"_times", p_times, RP_METH_NOARGS, NULL},
    {"_uname", p_uname, RP_METH_NOARGS, NULL},
    {"getlogin", p_getlogin, RP_METH_NOARGS, NULL},
    {"getgid", p_getgid, RP_METH_NOARGS, NULL},
    {"geteuid", p_geteuid, RP_METH_NOARGS, NULL},
    {"getegid", p_getegid, RP_METH_NOARGS, NULL},
    {"_fork_exec", FAST(p_fork_exec), RP_METH_FASTCALL, NULL},
    {"_scandir", p_scandir, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit_posix(void)
{
    RpObject *m = RpModule_New("posix");
    if (m == NULL)
        return NULL;
    RpObject *env = make_environ();
    static const struct { const char *n; long v; } consts[] = {
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
        {"O_CREAT", O_CREAT}, {"O_TRUNC", O_TRUNC}, {"O_APPEND", O_APPEND},
        {"O_EXCL", O_EXCL}, {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
        {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"O_NONBLOCK", O_NONBLOCK},
        {"O_CLOEXEC", O_CLOEXEC},
        {"WCONTINUED", WCONTINUED}, {"WNOWAIT", WNOWAIT}, {"WEXITED", WEXITED},
        {"WSTOPPED", WSTOPPED}, {"O_NOCTTY", O_NOCTTY}, {"O_SYNC", O_SYNC},
        {"O_DSYNC", O_DSYNC}, {"O_NDELAY", O_NDELAY}, {"O_DIRECTORY", O_DIRECTORY},
        {"O_NOFOLLOW", O_NOFOLLOW}, {"O_ACCMODE", O_ACCMODE}, {"O_ASYNC", O_ASYNC},
        {"EX_OK", 0}, {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66},
        {"EX_NOUSER", 67}, {"EX_NOHOST", 68}, {"EX_UNAVAILABLE", 69}, {"EX_SOFTWARE", 70},
        {"EX_OSERR", 71}, {"EX_OSFILE", 72}, {"EX_CANTCREAT", 73}, {"EX_IOERR", 74},
        {"EX_TEMPFAIL", 75}, {"EX_PROTOCOL", 76}, {"EX_NOPERM", 77}, {"EX_CONFIG", 78},
        {"F_LOCK", F_LOCK}, {"F_TLOCK", F_TLOCK}, {"F_ULOCK", F_ULOCK}, {"F_TEST", F_TEST},
    };
    int bad = env == NULL || RpModule_AddFunctions(m, posix_methods) < 0 ||
              RpModule_AddObjectRef(m, "environ", env) < 0;
    for (size_t i = 0; !bad && i < sizeof consts / sizeof consts[0]; i++)
        bad = RpModule_AddIntConstant(m, consts[i].n, consts[i].v) < 0;
    Rp_XDECREF(env);
    if (bad)
        Rp_CLEAR(m);
    return m;
}
