/* fileobject.c -- file objects over a file descriptor: sys.stdin/stdout/
 * stderr and the files of open().  One type serves text and binary mode.
 *
 * Buffering follows CPython's observable behaviour: output to a terminal is
 * line buffered, to a pipe or file block buffered (8 KiB) and flushed at
 * exit; stderr is always line buffered; PYTHONUNBUFFERED or -u writes
 * through.  Text is UTF-8; reading in text mode turns "\r\n" and "\r" into
 * "\n" (universal newlines).  The GIL is released around every system call.
 */
#include "rp.h"
#include "modules/fileobject.h"
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/stat.h>

#define BUFSIZE 8192

typedef struct {
    RpObject_HEAD
    int fd;
    char binary, readable, writable, appending, closefd, closed, line_buffering;
    char write_through;
    RpObject *name;           /* str or int */
    RpObject *mode;           /* str */
    char *wbuf;               /* pending output */
    Rp_ssize_t wlen;
    char *rbuf;               /* input read ahead */
    Rp_ssize_t rpos, rlen, rcap;
    char pending_cr;          /* text read saw '\r' at a buffer end */
    RpObject *weakreflist;
} fileobject;

static int unbuffered_default;

void _RpFile_SetUnbuffered(int on)
{
    unbuffered_default = on;
}

static RpObject *err_closed(void)
{
    return RpErr_Format(RpExc_ValueError, "I/O operation on closed file.");
}

static RpObject *err_unsupported(const char *what)
{
    RpObject *mod = RpImport_ImportModule("io");
    RpObject *exc = mod ? RpObject_GetAttrString(mod, "UnsupportedOperation") : NULL;
    Rp_XDECREF(mod);
    if (exc == NULL) {
        RpErr_Clear();
        exc = Rp_NewRef(RpExc_OSError);
    }
    RpErr_SetString(exc, what);
    Rp_DECREF(exc);
    return NULL;
}

/* ---- low-level I/O ------------------------------------------------------ */

static int write_all(int fd, const char *p, Rp_ssize_t n)
{
    while (n > 0) {
        ssize_t w;
        RP_BEGIN_ALLOW_THREADS
        w = write(fd, p, (size_t)n);
        RP_END_ALLOW_THREADS
        if (w < 0) {
            if (errno == EINTR)
                continue;
            RpErr_SetFromErrno(RpExc_OSError);
            return -1;
        }
        p += w;
        n -= w;
    }
    return 0;
}

static int flush_buffer(fileobject *f)
{
    if (f->wlen == 0)
        return 0;
    Rp_ssize_t n = f->wlen;
    f->wlen = 0;   /* a failed write drops the data, as a broken pipe would */
    return write_all(f->fd, f->wbuf, n);
}

static int buffer_write(fileobject *f, const char *p, Rp_ssize_t n)
{
    if (f->write_through) {
        return write_all(f->fd, p, n);
    }
    if (f->wbuf == NULL && (f->wbuf = RpMem_Malloc(BUFSIZE)) == NULL) {
        RpErr_NoMemory();
        return -1;
    }
    if (f->wlen + n > BUFSIZE) {
        if (flush_buffer(f) < 0)
            return -1;
        if (n >= BUFSIZE)
            return write_all(f->fd, p, n);
    }
    memcpy(f->wbuf + f->wlen, p, (size_t)n);
    f->wlen += n;
    if (f->line_buffering && memchr(p, '\n', (size_t)n) != NULL)
        return flush_buffer(f);
    return 0;
}

/* Make at least one more byte available in rbuf; 0 at EOF, -1 error. */
static int fill_buffer(fileobject *f)
{
    if (f->rpos > 0 && f->rpos == f->rlen)
        f->rpos = f->rlen = 0;
    if (f->rlen == f->rcap) {
        Rp_ssize_t cap = f->rcap ? f->rcap * 2 : BUFSIZE;
        char *nb = RpMem_Realloc(f->rbuf, (size_t)cap);
        if (nb == NULL) {
            RpErr_NoMemory();
            return -1;
        }
        f->rbuf = nb;
        f->rcap = cap;
    }
    for (;;) {
        ssize_t r;
        /* Flush pending output first, so a prompt written with print(end='')
         * appears before input() blocks. */
        RP_BEGIN_ALLOW_THREADS
        r = read(f->fd, f->rbuf + f->rlen, (size_t)(f->rcap - f->rlen));
        RP_END_ALLOW_THREADS
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0) {
            RpErr_SetFromErrno(RpExc_OSError);
            return -1;
        }
        f->rlen += r;
        return r > 0;
    }
}

/* ---- text helpers ---------------------------------------------------------- */

/* Universal newlines on a decoded chunk, in place: "\r\n" and "\r" -> "\n". */
static Rp_ssize_t translate_newlines(fileobject *f, char *p, Rp_ssize_t n)
{
    Rp_ssize_t o = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        if (f->pending_cr) {
            f->pending_cr = 0;
            if (p[i] == '\n')
                continue;
        }
        if (p[i] == '\r') {
            p[o++] = '\n';
            f->pending_cr = 1;
        } else {
            p[o++] = p[i];
        }
    }
    return o;
}

/* Build the result object from raw bytes: bytes, or str decoded as UTF-8. */
static RpObject *make_result(fileobject *f, char *p, Rp_ssize_t n)
{
    if (f->binary)
        return RpBytes_FromStringAndSize(p, n);
    n = translate_newlines(f, p, n);
    return RpUnicode_DecodeUTF8(p, n, "strict");
}

/* Keep a UTF-8 sequence whole at the end of a chunk. */
static Rp_ssize_t utf8_safe_cut(const char *p, Rp_ssize_t n)
{
    Rp_ssize_t i = n;
    int back = 0;
    while (i > 0 && back < 4 && (((unsigned char)p[i - 1]) & 0xC0) == 0x80) {
        i--;
        back++;
    }
    if (i > 0) {
        unsigned char lead = (unsigned char)p[i - 1];
        int need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (need > back + 1)
            return i - 1;
    }
    return n;
}

/* ---- methods ----------------------------------------------------------- */

static int check_open(fileobject *f)
{
    if (f->closed) {
        err_closed();
        return -1;
    }
    return 0;
}

static RpObject *file_write(RpObject *self, RpObject *arg)
{
    fileobject *f = (fileobject *)self;
    if (check_open(f) < 0)
        return NULL;
    if (!f->writable)
        return err_unsupported("not writable");
    if (f->binary) {
        /* any bytes-like object: bytes, bytearray, memoryview, array */
        const char *p;
        Rp_ssize_t n;
        if (!_RpBytes_View(arg, &p, &n) && _RpMemoryView_View(arg, &p, &n) <= 0) {
            if (RpErr_Occurred())
                return NULL;
            return RpErr_Format(RpExc_TypeError, "a bytes-like object is required, not '%s'",
                                _RpType_Name(Rp_TYPE(arg)));
        }
        if (buffer_write(f, p, n) < 0)
            return NULL;
        return RpLong_FromSsize_t(n);
    }
    if (!RpUnicode_Check(arg))
        return RpErr_Format(RpExc_TypeError, "write() argument must be str, not %s",
                            _RpType_Name(Rp_TYPE(arg)));
    Rp_ssize_t n;
    const char *p = RpUnicode_AsUTF8AndSize(arg, &n);
    if (p == NULL || buffer_write(f, p, n) < 0)
        return NULL;
    return RpLong_FromSsize_t(RpUnicode_GET_LENGTH(arg));
}

static RpObject *file_flush(RpObject *self, RpObject *unused)
{
    fileobject *f = (fileobject *)self;
    if (check_open(f) < 0)
        return NULL;
    if (flush_buffer(f) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *read_all(fileobject *f)
{
    int r;
    while ((r = fill_buffer(f)) > 0)
        ;
    if (r < 0)
        return NULL;
    RpObject *res = make_result(f, f->rbuf + f->rpos, f->rlen - f->rpos);
    f->rpos = f->rlen = 0;
    return res;
}

/* Bytes of the read-ahead that hold n units (bytes, or code points in
 * text mode); *enough tells whether all n are there. */
static Rp_ssize_t span_for(fileobject *f, Rp_ssize_t n, int *enough)
{
    Rp_ssize_t avail = f->rlen - f->rpos;
    if (f->binary) {
        *enough = avail >= n;
        return *enough ? n : avail;
    }
    const unsigned char *p = (const unsigned char *)f->rbuf + f->rpos;
    Rp_ssize_t chars = 0, i = 0;
    while (i < avail && chars < n) {
        i++;
        while (i < avail && (p[i] & 0xC0) == 0x80)
            i++;
        chars++;
    }
    *enough = chars == n && (i < avail || (p[i - 1] & 0x80) == 0 || utf8_safe_cut((const char *)p, i) == i);
    return i;
}

/* read(n): n counts bytes in binary mode and characters in text mode. */
static RpObject *read_n(fileobject *f, Rp_ssize_t n)
{
    for (;;) {
        int enough;
        Rp_ssize_t take = span_for(f, n, &enough);
        if (enough || n == 0) {
            RpObject *res = make_result(f, f->rbuf + f->rpos, take);
            f->rpos += take;
            return res;
        }
        int r = fill_buffer(f);
        if (r < 0)
            return NULL;
        if (r == 0) {
            Rp_ssize_t left = f->rlen - f->rpos;
            RpObject *res = make_result(f, f->rbuf + f->rpos, left);
            f->rpos += left;
            return res;
        }
    }
}

static RpObject *file_read(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    fileobject *f = (fileobject *)self;
    if (!_RpArg_CheckPositional("read", nargs, 0, 1) || check_open(f) < 0)
        return NULL;
    if (!f->readable)
        return err_unsupported("not readable");
    if (flush_buffer(f) < 0)
        return NULL;
    Rp_ssize_t n = -1;
    if (nargs == 1 && args[0] != Rp_None) {
        n = RpNumber_AsSsize_t(args[0], RpExc_OverflowError);
        if (n == -1 && RpErr_Occurred())
            return NULL;
    }
    return n < 0 ? read_all(f) : read_n(f, n);
}

/* One line including its newline; limit < 0 means no limit (in bytes). */
static RpObject *read_line(fileobject *f, Rp_ssize_t limit)
{
    Rp_ssize_t scanned = 0;
    for (;;) {
        char *start = f->rbuf + f->rpos;
        Rp_ssize_t avail = f->rlen - f->rpos;
        Rp_ssize_t i;
        for (i = scanned; i < avail; i++) {
            if (start[i] == '\n' || (!f->binary && start[i] == '\r' && i + 1 < avail))
                break;
            if (limit >= 0 && i >= limit)
                break;
        }
        int found = i < avail;
        if (found) {
            Rp_ssize_t len = i + (limit >= 0 && i >= limit ? 0 : 1);
            if (!f->binary && start[i] == '\r' && start[i + 1] == '\n')
                len++;
            RpObject *res = make_result(f, start, len);
            f->rpos += len;
            return res;
        }
        scanned = avail;
        int r = fill_buffer(f);
        if (r < 0)
            return NULL;
        if (r == 0) {
            RpObject *res = make_result(f, f->rbuf + f->rpos, f->rlen - f->rpos);
            f->rpos = f->rlen;
            return res;
        }
    }
}

static RpObject *file_readline(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    fileobject *f = (fileobject *)self;
    if (!_RpArg_CheckPositional("readline", nargs, 0, 1) || check_open(f) < 0)
        return NULL;
    if (!f->readable)
        return err_unsupported("not readable");
    Rp_ssize_t limit = -1;
    if (nargs == 1 && args[0] != Rp_None) {
        limit = RpNumber_AsSsize_t(args[0], RpExc_OverflowError);
        if (limit == -1 && RpErr_Occurred())
            return NULL;
    }
    return read_line(f, limit);
}

static RpObject *file_iternext(RpObject *self)
{
    fileobject *f = (fileobject *)self;
    if (check_open(f) < 0)
        return NULL;
    if (!f->readable)
        return err_unsupported("not readable");
    RpObject *line = read_line(f, -1);
    if (line != NULL && Rp_SIZE(line) == 0 && !RpUnicode_Check(line)) {
        Rp_DECREF(line);
        return NULL;
    }
    if (line != NULL && RpUnicode_Check(line) && RpUnicode_GET_LENGTH(line) == 0) {
        Rp_DECREF(line);
        return NULL;
    }
    return line;
}

static RpObject *file_readlines(RpObject *self, RpObject *unused)
{
    RpObject *list = RpList_New(0);
    RpObject *line;
    if (list == NULL)
        return NULL;
    while ((line = file_iternext(self)) != NULL) {
        int r = RpList_Append(list, line);
        Rp_DECREF(line);
        if (r < 0)
            goto error;
    }
    if (RpErr_Occurred())
        goto error;
    return list;
error:
    Rp_DECREF(list);
    return NULL;
}

static RpObject *file_writelines(RpObject *self, RpObject *lines)
{
    RpObject *it = RpObject_GetIter(lines), *item;
    if (it == NULL)
        return NULL;
    while ((item = RpIter_Next(it)) != NULL) {
        RpObject *r = file_write(self, item);
        Rp_DECREF(item);
        if (r == NULL) {
            Rp_DECREF(it);
            return NULL;
        }
        Rp_DECREF(r);
    }
    Rp_DECREF(it);
    if (RpErr_Occurred())
        return NULL;
    Rp_RETURN_NONE;
}

static int do_close(fileobject *f)
{
    if (f->closed)
        return 0;
    int r = f->writable ? flush_buffer(f) : 0;
    f->closed = 1;
    if (f->closefd && f->fd >= 0 && close(f->fd) < 0 && r == 0) {
        RpErr_SetFromErrno(RpExc_OSError);
        r = -1;
    }
    return r;
}

static RpObject *file_close(RpObject *self, RpObject *unused)
{
    if (do_close((fileobject *)self) < 0)
        return NULL;
    Rp_RETURN_NONE;
}

static RpObject *file_fileno(RpObject *self, RpObject *unused)
{
    fileobject *f = (fileobject *)self;
    if (check_open(f) < 0)
        return NULL;
    return RpLong_FromLong(f->fd);
}

static RpObject *file_isatty(RpObject *self, RpObject *unused)
{
    fileobject *f = (fileobject *)self;
    if (check_open(f) < 0)
        return NULL;
    return RpBool_FromLong(isatty(f->fd));
}

static RpObject *file_seek(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    fileobject *f = (fileobject *)self;
    if (!_RpArg_CheckPositional("seek", nargs, 1, 2) || check_open(f) < 0)
        return NULL;
    long long off = RpLong_AsLongLong(args[0]);
    long whence = nargs > 1 ? RpLong_AsLong(args[1]) : 0;
    if (RpErr_Occurred())
        return NULL;
    if (flush_buffer(f) < 0)
        return NULL;
    if (whence == 1)
        off -= f->rlen - f->rpos;  /* the logical position is behind the read-ahead */
    f->rpos = f->rlen = 0;
    f->pending_cr = 0;
    off_t pos = lseek(f->fd, (off_t)off, (int)whence);
    if (pos < 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    return RpLong_FromLongLong((long long)pos);
}

static RpObject *file_tell(RpObject *self, RpObject *unused)
{
    fileobject *f = (fileobject *)self;
    if (check_open(f) < 0)
        return NULL;
    off_t pos = lseek(f->fd, 0, SEEK_CUR);
    if (pos < 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    return RpLong_FromLongLong((long long)pos + f->wlen - (f->rlen - f->rpos));
}

static RpObject *file_truncate(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    fileobject *f = (fileobject *)self;
    if (!_RpArg_CheckPositional("truncate", nargs, 0, 1) || check_open(f) < 0)
        return NULL;
    if (flush_buffer(f) < 0)
        return NULL;
    off_t size = nargs ? (off_t)RpLong_AsLongLong(args[0]) : lseek(f->fd, 0, SEEK_CUR);
    if (RpErr_Occurred())
        return NULL;
    if (ftruncate(f->fd, size) < 0)
        return RpErr_SetFromErrno(RpExc_OSError);
    return RpLong_FromLongLong((long long)size);
}

static RpObject *file_enter(RpObject *self, RpObject *unused)
{
    if (check_open((fileobject *)self) < 0)
        return NULL;
    return Rp_NewRef(self);
}

static RpObject *file_exit(RpObject *self, RpObject *const *args, Rp_ssize_t nargs)
{
    return file_close(self, NULL);
}

static RpObject *file_readable(RpObject *self, RpObject *unused)
{
    if (check_open((fileobject *)self) < 0)
        return NULL;
    return RpBool_FromLong(((fileobject *)self)->readable);
}

static RpObject *file_writable(RpObject *self, RpObject *unused)
{
    if (check_open((fileobject *)self) < 0)
        return NULL;
    return RpBool_FromLong(((fileobject *)self)->writable);
}

static RpObject *file_seekable(RpObject *self, RpObject *unused)
{
    fileobject *f = (fileobject *)self;
    if (check_open(f) < 0)
        return NULL;
    return RpBool_FromLong(lseek(f->fd, 0, SEEK_CUR) >= 0);
}

static RpMethodDef file_methods[] = {
    {"write", (RpCFunction)file_write, RP_METH_O, NULL},
    {"writelines", (RpCFunction)file_writelines, RP_METH_O, NULL},
    {"flush", (RpCFunction)file_flush, RP_METH_NOARGS, NULL},
    {"read", (RpCFunction)(void (*)(void))file_read, RP_METH_FASTCALL, NULL},
    {"readline", (RpCFunction)(void (*)(void))file_readline, RP_METH_FASTCALL, NULL},
    {"readlines", (RpCFunction)file_readlines, RP_METH_NOARGS, NULL},
    {"close", (RpCFunction)file_close, RP_METH_NOARGS, NULL},
    {"fileno", (RpCFunction)file_fileno, RP_METH_NOARGS, NULL},
    {"isatty", (RpCFunction)file_isatty, RP_METH_NOARGS, NULL},
    {"seek", (RpCFunction)(void (*)(void))file_seek, RP_METH_FASTCALL, NULL},
    {"tell", (RpCFunction)file_tell, RP_METH_NOARGS, NULL},
    {"truncate", (RpCFunction)(void (*)(void))file_truncate, RP_METH_FASTCALL, NULL},
    {"readable", (RpCFunction)file_readable, RP_METH_NOARGS, NULL},
    {"writable", (RpCFunction)file_writable, RP_METH_NOARGS, NULL},
    {"seekable", (RpCFunction)file_seekable, RP_METH_NOARGS, NULL},
    {"__enter__", (RpCFunction)file_enter, RP_METH_NOARGS, NULL},
    {"__exit__", (RpCFunction)(void (*)(void))file_exit, RP_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL}
};

static RpObject *get_closed(RpObject *self, void *c)
{
    return RpBool_FromLong(((fileobject *)self)->closed);
}

static RpObject *get_encoding(RpObject *self, void *c)
{
    if (((fileobject *)self)->binary)
        return RpErr_Format(RpExc_AttributeError,
                            "'_io.BufferedReader' object has no attribute 'encoding'");
    return RpUnicode_FromString("utf-8");
}

static RpObject *get_errors(RpObject *self, void *c)
{
    return RpUnicode_FromString("strict");
}

static RpObject *get_line_buffering(RpObject *self, void *c)
{
    return RpBool_FromLong(((fileobject *)self)->line_buffering);
}

static RpGetSetDef file_getset[] = {
    {"closed", get_closed, NULL, NULL, NULL},
    {"encoding", get_encoding, NULL, NULL, NULL},
    {"errors", get_errors, NULL, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpMemberDef file_members[] = {
    {"name", RP_T_OBJECT, offsetof(fileobject, name), RP_READONLY, NULL},
    {"mode", RP_T_OBJECT, offsetof(fileobject, mode), RP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

static RpObject *file_repr(RpObject *self)
{
    fileobject *f = (fileobject *)self;
    if (f->binary)
        return RpUnicode_FromFormat("<_io.Buffered%s name=%R>",
                                    f->writable ? "Writer" : "Reader", f->name);
    return RpUnicode_FromFormat("<_io.TextIOWrapper name=%R mode=%R encoding='utf-8'>",
                                f->name, f->mode);
}

static void file_dealloc(RpObject *self)
{
    fileobject *f = (fileobject *)self;
    if (f->weakreflist != NULL)
        RpObject_ClearWeakRefs(self);
    if (do_close(f) < 0)
        RpErr_Clear();
    RpMem_Free(f->wbuf);
    RpMem_Free(f->rbuf);
    Rp_XDECREF(f->name);
    Rp_XDECREF(f->mode);
    RpObject_Free(self);
}

RpTypeObject RpFile_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(fileobject),
    .tp_dealloc = file_dealloc,
    .tp_repr = file_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT,
    .tp_weaklistoffset = offsetof(fileobject, weakreflist),
    .tp_iter = RpObject_SelfIter,
    .tp_iternext = file_iternext,
    .tp_methods = file_methods,
    .tp_members = file_members,
    .tp_getset = file_getset,
};

/* ---- construction ----------------------------------------------------------- */

static fileobject *new_file(int fd, RpObject *name, const char *mode, int binary)
{
    if (!(RpFile_Type.tp_flags & RP_TPFLAGS_READY) && RpType_Ready(&RpFile_Type) < 0)
        return NULL;
    fileobject *f = (fileobject *)RpObject_Malloc(sizeof(fileobject));
    if (f == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    memset(f, 0, sizeof *f);
    RpObject_Init((RpObject *)f, &RpFile_Type);
    f->fd = fd;
    f->binary = (char)binary;
    f->closefd = 1;
    f->name = Rp_NewRef(name);
    f->mode = RpUnicode_FromString(mode);
    if (f->mode == NULL) {
        Rp_DECREF(f);
        return NULL;
    }
    return f;
}

RpObject *RpFile_FromFd(int fd, const char *name, const char *mode, int closefd)
{
    RpObject *n = RpUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    fileobject *f = new_file(fd, n, mode, strchr(mode, 'b') != NULL);
    Rp_DECREF(n);
    if (f == NULL)
        return NULL;
    f->readable = strchr(mode, 'r') != NULL || strchr(mode, '+') != NULL;
    f->writable = strchr(mode, 'w') != NULL || strchr(mode, 'a') != NULL ||
                  strchr(mode, '+') != NULL;
    f->closefd = (char)closefd;
    f->line_buffering = isatty(fd) || fd == 2;
    f->write_through = (char)unbuffered_default;
    return (RpObject *)f;
}

/* Parse open()'s mode string: 0 ok, -1 with ValueError. */
static int parse_mode(const char *mode, int *flags, int *binary, int *rd, int *wr)
{
    int r = 0, w = 0, a = 0, x = 0, plus = 0, b = 0, t = 0;
    for (const char *c = mode; *c; c++) {
        int *slot = *c == 'r' ? &r : *c == 'w' ? &w : *c == 'a' ? &a : *c == 'x' ? &x
                  : *c == '+' ? &plus : *c == 'b' ? &b : *c == 't' ? &t : NULL;
        if (slot == NULL || *slot) {
            RpErr_Format(RpExc_ValueError, "invalid mode: '%s'", mode);
            return -1;
        }
        *slot = 1;
    }
    if (r + w + a + x != 1 || (b && t)) {
        if (b && t)
            RpErr_SetString(RpExc_ValueError, "can't have text and binary mode at once");
        else
            RpErr_SetString(RpExc_ValueError, "must have exactly one of create/read/write/append mode");
        return -1;
    }
    *binary = b;
    *rd = r || plus;
    *wr = w || a || x || plus;
    *flags = (*rd && *wr) ? O_RDWR : *wr ? O_WRONLY : O_RDONLY;
    if (w)
        *flags |= O_CREAT | O_TRUNC;
    if (a)
        *flags |= O_CREAT | O_APPEND;
    if (x)
        *flags |= O_CREAT | O_EXCL;
    *flags |= O_CLOEXEC;
    return 0;
}

/* open(path) for an os.PathLike path (pathlib.Path): open its __fspath__(),
 * as io.open does; NULL without exception if PATH has no __fspath__. */
static RpObject *open_pathlike(RpObject *file, const char *mode, int buffering, int closefd)
{
    RpObject *name = RpUnicode_InternFromString("__fspath__");
    if (name == NULL)
        return NULL;
    RpObject *meth = _RpObject_LookupSpecial(file, name);
    Rp_DECREF(name);
    if (meth == NULL)
        return NULL;
    RpObject *path = RpObject_CallNoArgs(meth);
    Rp_DECREF(meth);
    if (path == NULL)
        return NULL;
    RpObject *res = NULL;
    if (RpUnicode_Check(path) || RpBytes_Check(path))
        res = RpFile_Open(path, mode, buffering, closefd);
    else
        RpErr_Format(RpExc_TypeError, "expected %s.__fspath__() to return str or bytes, not %s",
                     _RpType_Name(Rp_TYPE(file)), _RpType_Name(Rp_TYPE(path)));
    Rp_DECREF(path);
    return res;
}

RpObject *RpFile_Open(RpObject *file, const char *mode, int buffering, int closefd)
{
    int flags, binary, rd, wr, fd;
    if (parse_mode(mode, &flags, &binary, &rd, &wr) < 0)
        return NULL;
    if (!RpLong_Check(file) && !RpUnicode_Check(file) && !RpBytes_Check(file)) {
        RpObject *res = open_pathlike(file, mode, buffering, closefd);
        if (res != NULL || RpErr_Occurred())
            return res;
    }
    if (RpLong_Check(file)) {
        fd = (int)RpLong_AsLong(file);
        if (fd == -1 && RpErr_Occurred())
            return NULL;
    } else if (RpUnicode_Check(file)) {
        const char *path = RpUnicode_AsUTF8(file);
        RP_BEGIN_ALLOW_THREADS
        fd = open(path, flags, 0666);
        RP_END_ALLOW_THREADS
        if (fd < 0)
            return RpErr_SetFromErrnoWithFilename(RpExc_OSError, path);
        struct stat st;
        if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
            close(fd);
            errno = EISDIR;
            return RpErr_SetFromErrnoWithFilename(RpExc_OSError, path);
        }
        closefd = 1;
    } else {
        return RpErr_Format(RpExc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                            _RpType_Name(Rp_TYPE(file)));
    }
    fileobject *f = new_file(fd, file, mode, binary);
    if (f == NULL)
        return NULL;
    f->readable = (char)rd;
    f->writable = (char)wr;
    f->closefd = (char)closefd;
    f->line_buffering = buffering == 1 && !binary;
    f->write_through = buffering == 0;
    return (RpObject *)f;
}

int RpFile_Check(RpObject *o)
{
    return Rp_IS_TYPE(o, &RpFile_Type);
}

/* Write str(v) (RP_PRINT_RAW) or repr(v) to a file-like object. */
int RpFile_WriteObject(RpObject *v, RpObject *file, int flags)
{
    RpObject *s = (flags & RP_PRINT_RAW) ? RpObject_Str(v) : RpObject_Repr(v);
    if (s == NULL)
        return -1;
    RpObject *r;
    if (RpFile_Check(file))
        r = file_write(file, s);
    else
        r = RpObject_CallMethodObjArgs(file, RP_ID(write), s, NULL);
    Rp_DECREF(s);
    if (r == NULL)
        return -1;
    Rp_DECREF(r);
    return 0;
}

int RpFile_WriteString(const char *s, RpObject *file)
{
    RpObject *str = RpUnicode_FromString(s);
    if (str == NULL)
        return -1;
    int r = RpFile_WriteObject(str, file, RP_PRINT_RAW);
    Rp_DECREF(str);
    return r;
}

/* Write a C string directly to one of our file objects (fast path for
 * print); falls back to .write() for any other object. */
int _RpFile_WriteUTF8(RpObject *file, const char *s, Rp_ssize_t n)
{
    if (RpFile_Check(file) && !((fileobject *)file)->binary) {
        fileobject *f = (fileobject *)file;
        if (check_open(f) < 0)
            return -1;
        return buffer_write(f, s, n);
    }
    RpObject *str = RpUnicode_FromStringAndSize(s, n);
    if (str == NULL)
        return -1;
    RpObject *r = RpObject_CallMethodObjArgs(file, RP_ID(write), str, NULL);
    Rp_DECREF(str);
    if (r == NULL)
        return -1;
    Rp_DECREF(r);
    return 0;
}

int _RpFile_Flush(RpObject *file)
{
    if (RpFile_Check(file)) {
        fileobject *f = (fileobject *)file;
        return f->closed ? 0 : flush_buffer(f);
    }
    RpObject *r = RpObject_CallMethod0(file, "flush");
    if (r == NULL)
        return -1;
    Rp_DECREF(r);
    return 0;
}
