/* pythonrun.c -- the life cycle of the interpreter (Rp_Initialize /
 * Rp_Finalize) and running code as __main__ (files, strings, the REPL).
 *
 * Finalization follows CPython 3.11 because users watch it: __del__
 * methods print at exit.  After the atexit callbacks and a flush of the
 * standard streams, every entry of sys.modules is replaced by None (a
 * module nobody else holds dies right then, its dict in insertion order),
 * sys.modules is emptied, the collector runs, and the modules that are
 * still alive get their dicts wiped in reverse import order -- names with
 * a single leading underscore first, then the rest except __builtins__.
 * sys and builtins go last, then the runtime frees its own objects.
 */
#include "rp.h"
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

int _Rp_OptimizeFlag;
int _Rp_ShowRefCount;
int _Rp_InteractiveFlag;

static int initialized;
static RpThreadState *main_ts;
static RpObject *sys_module;   /* interp->sysdict is borrowed from it */

/* ---- start-up -------------------------------------------------------------------- */

static int add_module(RpInterpreterState *interp, const char *name, RpObject *m)
{
    return RpDict_SetItemString(interp->modules, name, m);
}

static int create_main(RpInterpreterState *interp)
{
    RpObject *m = RpModule_New("__main__");
    if (m == NULL)
        return -1;
    RpObject *d = RpModule_GetDict(m);
    int rc = RpDict_SetItem(d, RP_ID(__builtins__), interp->builtins_module);
    if (rc == 0)
        rc = RpDict_SetItem(d, RP_ID(__doc__), Rp_None);
    if (rc == 0)
        rc = RpDict_SetItem(d, RP_ID(__spec__), Rp_None);
    if (rc == 0)
        rc = RpDict_SetItem(d, RP_ID(__loader__), Rp_None);
    if (rc == 0)
        rc = RpDict_SetItem(d, RP_ID(__package__), Rp_None);
    if (rc == 0)
        rc = add_module(interp, "__main__", m);
    Rp_DECREF(m);
    return rc;
}

static int init_core_modules(RpInterpreterState *interp)
{
    if ((interp->modules = RpDict_New()) == NULL)
        return -1;
    RpObject *b = RpInit_builtins();
    if (b == NULL)
        return -1;
    interp->builtins_module = b;
    interp->builtins = Rp_NewRef(RpModule_GetDict(b));
    if ((sys_module = RpInit_sys()) == NULL)
        return -1;
    if (add_module(interp, "builtins", b) < 0 || add_module(interp, "sys", sys_module) < 0)
        return -1;
    return create_main(interp);
}

int Rp_Initialize(void)
{
    if (initialized)
        return 0;
    RpMem_Init();
    RpInterpreterState *interp = _RpInterp_New();
    if (interp == NULL)
        return -1;
    main_ts = RpThreadState_New(interp);
    if (main_ts == NULL)
        return -1;
    RpGIL_Init(&interp->gil);
    RpGIL_Acquire(main_ts);
    RpGC_InitState(&interp->gc);
    if (_RpUnicode_Init() < 0 || _RpLong_Init() < 0 || _RpObjects_InitTypes() < 0 ||
        _RpExc_Init() < 0 || init_core_modules(interp) < 0) {
        if (RpErr_Occurred())
            RpErr_Print();
        fprintf(stderr, "refpy: initialization failed\n");
        return -1;
    }
    _RpEval_InitSignals();
    initialized = 1;
    return 0;
}

int Rp_IsInitialized(void)
{
    return initialized;
}

/* ---- sys.argv and sys.path[0] ---------------------------------------------------------- */

RpObject *_RpRun_AbsPath(const char *filename)
{
    if (filename[0] == '/')
        return RpUnicode_FromString(filename);
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == NULL)
        return RpUnicode_FromString(filename);
    return RpUnicode_FromFormat("%s/%s", cwd, filename);
}

/* CPython's rule: '' for -c, the REPL and stdin; the current directory
 * for -m; else the directory of the script (symlinks resolved). */
static RpObject *compute_path0(const char *arg0)
{
    char buf[PATH_MAX];
    if (arg0 == NULL || arg0[0] == '\0' || strcmp(arg0, "-c") == 0 || strcmp(arg0, "-") == 0)
        return RpUnicode_FromString("");
    if (strcmp(arg0, "-m") == 0)
        return getcwd(buf, sizeof buf) ? RpUnicode_FromString(buf) : RpUnicode_FromString("");
    if (realpath(arg0, buf) == NULL)
        return RpUnicode_FromString("");
    char *slash = strrchr(buf, '/');
    if (slash != NULL)
        *(slash == buf ? slash + 1 : slash) = '\0';
    return RpUnicode_FromString(buf);
}

int Rp_SetArgv(int argc, char **argv)
{
    RpObject *list = RpList_New(0);
    if (list == NULL)
        return -1;
    for (int i = 0; i < argc; i++) {
        RpObject *s = RpUnicode_DecodeUTF8(argv[i], (Rp_ssize_t)strlen(argv[i]), "surrogateescape");
        if (s == NULL || RpList_Append(list, s) < 0) {
            Rp_XDECREF(s);
            Rp_DECREF(list);
            return -1;
        }
        Rp_DECREF(s);
    }
    if (argc == 0 && RpList_Append(list, _RpUnicode_Empty()) < 0) {
        Rp_DECREF(list);
        return -1;
    }
    int rc = RpSys_SetObject("argv", list);
    Rp_DECREF(list);
    RpObject *path = RpSys_GetObject("path");
    RpObject *p0 = compute_path0(argc > 0 ? argv[0] : NULL);
    if (rc == 0 && path != NULL && RpList_Check(path) && p0 != NULL)
        rc = RpList_Insert(path, 0, p0);
    Rp_XDECREF(p0);
    return rc;
}

/* ---- running code in __main__ ----------------------------------------------------------- */

static RpObject *main_dict(void)
{
    RpObject *m = RpDict_GetItemString(RpInterp_Get()->modules, "__main__");
    return m != NULL ? RpModule_GetDict(m) : NULL;
}

RpObject *RpMain_GetGlobal(const char *name)
{
    RpObject *d = main_dict();
    return d ? RpDict_GetItemString(d, name) : NULL;
}

int RpMain_SetGlobal(const char *name, RpObject *value)
{
    RpObject *d = main_dict();
    if (d == NULL) {
        RpErr_SetString(RpExc_RuntimeError, "no __main__ module");
        return -1;
    }
    return RpDict_SetItemString(d, name, value);
}

static void flush_std(void)
{
    static const char *const names[] = {"stderr", "stdout"};
    RpObject *exc = RpErr_GetRaisedException();
    for (int i = 1; i >= 0; i--) {
        RpObject *f = RpSys_GetObject(names[i]);
        if (f == NULL || f == Rp_None)
            continue;
        RpObject *r = RpObject_CallMethod0(f, "flush");
        if (r == NULL)
            RpErr_Clear();
        Rp_XDECREF(r);
    }
    fflush(stdout);
    fflush(stderr);
    RpErr_SetRaisedException(exc);
}

/* An uncaught exception: SystemExit stays pending for the caller, any
 * other one is printed. */
static int report_error(void)
{
    if (!RpErr_ExceptionMatches(RpExc_SystemExit))
        RpErr_Print();
    flush_std();
    return -1;
}

/* Compile source as `filename` and run it in __main__. */
static int run_source(const char *src, Rp_ssize_t len, const char *filename, RpCompileMode mode)
{
    RpObject *d = main_dict();
    if (d == NULL) {
        RpErr_SetString(RpExc_RuntimeError, "no __main__ module");
        return report_error();
    }
    RpObject *code = RpCompile_String(src, len, filename, mode, _Rp_OptimizeFlag);
    if (code == NULL)
        return report_error();
    RpObject *res = RpEval_EvalCode(code, d, d);
    Rp_DECREF(code);
    if (res == NULL)
        return report_error();
    Rp_DECREF(res);
    flush_std();
    return 0;
}

int RpRun_SimpleString(const char *source)
{
    return run_source(source, (Rp_ssize_t)strlen(source), "<string>", RP_FILE_INPUT);
}

int RpRun_SimpleFile(FILE *fp, const char *filename)
{
    return RpRun_SimpleFileEx(fp, filename, 0);
}

int RpRun_SimpleFileEx(FILE *fp, const char *filename, int closeit)
{
    Rp_ssize_t len;
    char *src = _RpRun_ReadStream(fp, &len);
    if (closeit)
        fclose(fp);
    if (src == NULL)
        return report_error();
    RpObject *d = main_dict();
    int set_file = d != NULL && RpDict_GetItemString(d, "__file__") == NULL &&
                   strcmp(filename, "<stdin>") != 0;
    if (set_file) {
        RpObject *f = RpUnicode_FromString(filename);
        if (f == NULL || RpDict_SetItemString(d, "__file__", f) < 0 ||
            RpDict_SetItemString(d, "__cached__", Rp_None) < 0) {
            Rp_XDECREF(f);
            RpMem_Free(src);
            return report_error();
        }
        Rp_DECREF(f);
    }
    int rc = run_source(src, len, filename, RP_FILE_INPUT);
    RpMem_Free(src);
    if (set_file) {
        /* CPython forgets __file__ once the script is done. */
        RpObject *exc = RpErr_GetRaisedException();
        if (RpDict_DelItemString(d, "__file__") < 0 || RpDict_DelItemString(d, "__cached__") < 0)
            RpErr_Clear();
        RpErr_SetRaisedException(exc);
    }
    return rc;
}

int RpRun_Module(const char *modname)
{
    RpObject *name = RpUnicode_FromString(modname);
    RpObject *path = name ? _RpImport_FindSource(name) : NULL;
    Rp_XDECREF(name);
    if (path == NULL)
        return report_error();
    RpObject *argv = RpSys_GetObject("argv");
    if (argv != NULL && RpList_Check(argv) && RpList_GET_SIZE(argv) > 0)
        RpList_SetItem(argv, 0, Rp_NewRef(path));
    FILE *fp = fopen(RpUnicode_UTF8(path), "rb");
    if (fp == NULL) {
        RpErr_SetFromErrnoWithFilename(RpExc_OSError, RpUnicode_UTF8(path));
        Rp_DECREF(path);
        return report_error();
    }
    int rc = RpRun_SimpleFileEx(fp, RpUnicode_UTF8(path), 1);
    Rp_DECREF(path);
    return rc;
}

RpObject *RpRun_Eval(const char *expression)
{
    RpObject *d = main_dict();
    if (d == NULL) {
        RpErr_SetString(RpExc_RuntimeError, "no __main__ module");
        return NULL;
    }
    RpObject *code = RpCompile_String(expression, (Rp_ssize_t)strlen(expression), "<string>",
                                      RP_EVAL_INPUT, _Rp_OptimizeFlag);
    if (code == NULL)
        return NULL;
    RpObject *res = RpEval_EvalCode(code, d, d);
    Rp_DECREF(code);
    return res;
}

int Rp_HandleSystemExit(void)
{
    if (!RpErr_ExceptionMatches(RpExc_SystemExit))
        return -1;
    RpObject *exc = RpErr_GetRaisedException();
    RpObject *code = ((RpSystemExitObject *)exc)->code;
    int status = 0;
    if (code == NULL || code == Rp_None) {
        status = 0;
    } else if (RpLong_Check(code)) {
        status = (int)RpLong_AsLong(code);
        RpErr_Clear();
    } else {
        RpObject *err = RpSys_GetObject("stderr");
        if (err == NULL || err == Rp_None || RpFile_WriteObject(code, err, RP_PRINT_RAW) < 0) {
            RpErr_Clear();
            RpObject_Print(code, stderr, RP_PRINT_RAW);
        }
        RpSys_WriteStderr("\n");
        status = 1;
    }
    Rp_DECREF(exc);
    flush_std();
    return status;
}

/* ---- the REPL ------------------------------------------------------------------------------ */

/* Read one line after printing prompt; NULL at EOF.  *interrupted is set
 * when Ctrl-C arrived while waiting. */
static char *read_line(FILE *fp, const char *prompt, int *interrupted)
{
    static char line[65536];
    *interrupted = 0;
    if (prompt != NULL) {
        fputs(prompt, stdout);
        fflush(stdout);
    }
    for (;;) {
        errno = 0;
        if (fgets(line, sizeof line, fp) != NULL)
            return line;
        if (errno == EINTR && _RpEval_TakeSigint()) {
            clearerr(fp);
            *interrupted = 1;
            return NULL;
        }
        return NULL;
    }
}

static const char *prompt_of(const char *which, const char *dflt, RpObject **keep)
{
    RpObject *p = RpSys_GetObject(which);
    *keep = NULL;
    if (p == NULL)
        return dflt;
    RpObject *s = RpObject_Str(p);
    if (s == NULL) {
        RpErr_Clear();
        return dflt;
    }
    *keep = s;
    return RpUnicode_UTF8(s);
}

/* Does the source need more lines?  A compound statement waits for an
 * empty line; otherwise the compiler tells (unclosed brackets, strings). */
static int needs_more(const char *buf, size_t len, int last_blank)
{
    const char *p = buf;
    while (*p == ' ' || *p == '\t')
        p++;
    size_t first_len = strcspn(p, "\n");
    const char *e = p + first_len;
    while (e > p && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
        e--;
    if (e > p && (e[-1] == ':' || e[-1] == '\\' || *p == '@'))
        return !last_blank;
    (void)len;
    return 0;
}

static int incomplete_error(void)
{
    if (!RpErr_ExceptionMatches(RpExc_SyntaxError))
        return 0;
    RpObject *exc = RpErr_GetRaisedException();
    RpObject *msg = ((RpSyntaxErrorObject *)exc)->msg;
    int more = msg != NULL && RpUnicode_Check(msg) &&
               (strstr(RpUnicode_UTF8(msg), "was never closed") ||
                strstr(RpUnicode_UTF8(msg), "unterminated triple-quoted") ||
                strstr(RpUnicode_UTF8(msg), "unexpected EOF") ||
                strstr(RpUnicode_UTF8(msg), "expected an indented block"));
    if (more)
        Rp_DECREF(exc);
    else
        RpErr_SetRaisedException(exc);
    return more;
}

/* Compile and run one complete interactive statement: 0 ok/printed,
 * 1 needs more input, -1 SystemExit pending. */
static int repl_run(RpStrBuf *b, const char *filename)
{
    RpObject *code = RpCompile_String(b->buf, b->len, filename, RP_SINGLE_INPUT, _Rp_OptimizeFlag);
    if (code == NULL) {
        if (incomplete_error())
            return 1;
        RpErr_Print();
        return 0;
    }
    RpObject *d = main_dict();
    RpObject *res = RpEval_EvalCode(code, d, d);
    Rp_DECREF(code);
    if (res == NULL) {
        if (RpErr_ExceptionMatches(RpExc_SystemExit))
            return -1;
        RpErr_Print();
    }
    Rp_XDECREF(res);
    flush_std();
    return 0;
}

int RpRun_InteractiveLoop(FILE *fp, const char *filename)
{
    RpStrBuf b;
    RpStrBuf_Init(&b);
    _Rp_InteractiveFlag = 1;
    for (;;) {
        RpObject *keep;
        const char *prompt = b.len == 0 ? prompt_of("ps1", ">>> ", &keep)
                                        : prompt_of("ps2", "... ", &keep);
        int interrupted;
        char *line = read_line(fp, isatty(fileno(fp)) ? prompt : NULL, &interrupted);
        Rp_XDECREF(keep);
        if (interrupted) {
            RpSys_WriteStderr("\nKeyboardInterrupt\n");
            b.len = 0;
            continue;
        }
        if (line == NULL) {
            fputs("\n", stdout);
            break;
        }
        int blank = strspn(line, " \t\r\n") == strlen(line);
        if (b.len == 0 && blank)
            continue;
        /* Keep the buffer NUL-terminated for the checks below. */
        if (RpStrBuf_AppendStr(&b, line) < 0 || RpStrBuf_AppendChar(&b, '\0') < 0)
            break;
        b.len--;
        if (needs_more(b.buf, (size_t)b.len, blank))
            continue;
        int r = repl_run(&b, filename);
        if (r == 1 && !blank)
            continue;
        b.len = 0;
        if (r < 0) {
            RpStrBuf_Discard(&b);
            return -1;
        }
    }
    RpStrBuf_Discard(&b);
    return 0;
}

/* ---- finalization ------------------------------------------------------------------------------- */

/* CPython's _PyModule_ClearDict: `_name`s first, then all but __builtins__. */
static void clear_module_dict(RpObject *d)
{
    for (int pass = 0; pass < 2; pass++) {
        Rp_ssize_t pos = 0;
        RpObject *key, *value;
        while (RpDict_Next(d, &pos, &key, &value)) {
            if (value == Rp_None || !RpUnicode_Check(key))
                continue;
            const char *s = RpUnicode_UTF8(key);
            int single_underscore = s[0] == '_' && s[1] != '_';
            if (pass == 0 ? !single_underscore : strcmp(s, "__builtins__") == 0)
                continue;
            if (RpDict_SetItem(d, key, Rp_None) < 0)
                RpErr_WriteUnraisable(NULL);
        }
    }
}

/* Replace every sys.modules entry by None (remembering weak references
 * to the modules), in import order, then empty sys.modules. */
static RpObject *remove_modules(RpObject *modules)
{
    RpObject *weaklist = RpList_New(0);
    RpObject *keys = RpDict_Keys(modules);
    if (keys == NULL || weaklist == NULL) {
        RpErr_Clear();
        Rp_XDECREF(keys);
        return weaklist;
    }
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(keys); i++) {
        RpObject *name = RpList_GET_ITEM(keys, i);
        RpObject *mod = RpDict_GetItemWithError(modules, name);
        if (mod != NULL && RpModule_Check(mod) && weaklist != NULL) {
            RpObject *wr = RpWeakref_NewRef(mod, NULL);
            RpObject *pair = wr ? RpTuple_Pack(2, name, wr) : NULL;
            if (pair == NULL || RpList_Append(weaklist, pair) < 0)
                RpErr_Clear();
            Rp_XDECREF(pair);
            Rp_XDECREF(wr);
        }
        if (RpDict_SetItem(modules, name, Rp_None) < 0)
            RpErr_WriteUnraisable(NULL);
    }
    Rp_DECREF(keys);
    RpDict_Clear(modules);
    return weaklist;
}

static void clear_surviving_modules(RpObject *weaklist)
{
    RpObject *sysdict = RpInterp_Get()->sysdict, *bdict = RpInterp_Get()->builtins;
    for (Rp_ssize_t i = RpList_GET_SIZE(weaklist) - 1; i >= 0; i--) {
        RpObject *wr = RpTuple_GET_ITEM(RpList_GET_ITEM(weaklist, i), 1);
        RpObject *mod = RpWeakref_GetObject(wr);
        if (mod == Rp_None || !RpModule_Check(mod))
            continue;
        RpObject *d = RpModule_GetDict(mod);
        if (d == NULL || d == sysdict || d == bdict)
            continue;
        Rp_INCREF(mod);
        clear_module_dict(d);
        Rp_DECREF(mod);
    }
}

/* Names that would keep objects alive past teardown. */
static void delete_special(RpInterpreterState *interp)
{
    static const char *const sys_names[] = {
        "path", "argv", "ps1", "ps2", "last_type", "last_value", "last_traceback",
        "path_hooks", "path_importer_cache", "meta_path", "__interactivehook__", NULL};
    if (RpDict_GetItemString(interp->builtins, "_") != NULL &&
        RpDict_SetItemString(interp->builtins, "_", Rp_None) < 0)
        RpErr_Clear();
    for (int i = 0; sys_names[i] != NULL; i++)
        if (RpDict_GetItemString(interp->sysdict, sys_names[i]) != NULL &&
            RpDict_SetItemString(interp->sysdict, sys_names[i], Rp_None) < 0)
            RpErr_Clear();
}

static void finalize_modules(RpInterpreterState *interp)
{
    delete_special(interp);
    RpObject *weaklist = remove_modules(interp->modules);
    RpGC_Collect(2);
    if (weaklist != NULL) {
        clear_surviving_modules(weaklist);
        Rp_DECREF(weaklist);
    }
    clear_module_dict(interp->sysdict);
    clear_module_dict(interp->builtins);
}

/* Exit waits for every non-daemon thread, as CPython does, through
 * threading._shutdown() -- only if the program imported threading. */
static void wait_for_threads(void)
{
    RpObject *name = RpUnicode_FromString("threading");
    RpObject *mod = name ? RpImport_GetModule(name) : NULL;
    Rp_XDECREF(name);
    if (mod == NULL) {
        RpErr_Clear();
        return;
    }
    RpObject *r = RpObject_CallMethod0(mod, "_shutdown");
    Rp_DECREF(mod);
    if (r == NULL)
        RpErr_WriteUnraisable(NULL);
    Rp_XDECREF(r);
}

int Rp_Finalize(void)
{
    if (!initialized)
        return 0;
    RpInterpreterState *interp = main_ts->interp;
    wait_for_threads();
    _RpAtExit_Call();
    flush_std();
    if (RpErr_Occurred())
        RpErr_Clear();
    interp->finalizing = 1;
    finalize_modules(interp);
    flush_std();
    _RpGC_Fini();
#ifdef RP_REF_DEBUG
    if (_Rp_ShowRefCount)
        fprintf(stderr, "[%zd refs]\n", (Rp_ssize_t)_Rp_RefTotal);
#endif
    _RpImport_Fini();
    RpThreadState_Clear(main_ts);
    Rp_CLEAR(interp->modules);
    Rp_CLEAR(interp->builtins);
    Rp_CLEAR(interp->builtins_module);
    Rp_CLEAR(interp->atexit_callbacks);
    Rp_CLEAR(interp->importlib);
    interp->sysdict = NULL;
    Rp_CLEAR(sys_module);
    _RpExc_Fini();
    _RpObjects_Fini();
    _RpContainers_Fini();
    _RpLong_Fini();
    _RpFloat_Fini();
    _RpUnicode_Fini();
    _RpEval_FiniSignals();
    RpGIL_Release(main_ts);
    RpThreadState_Delete(main_ts);
    main_ts = NULL;
    _RpInterp_Delete(interp);
    RpMem_Fini();
    initialized = 0;
    return 0;
}
