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
        RpObject *s = RpUnicode_DecodeUTF8(e->d_name, (Rp_ssize_t)strlen(e->d_name), "surrogateescape");
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
