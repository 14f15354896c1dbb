/* import.c -- the import system.
 *
 * `import a.b.c` resolves in CPython 3.11's order, written directly in C
 * instead of importlib:
 *   1. sys.modules (the cache; a None entry halts the import);
 *   2. built-in C modules (_RpModules_Table), top-level names only;
 *   3. frozen modules (the lib/ sources embedded at build time);
 *   4. NAME/__init__.py, then NAME.py, along sys.path -- or along the
 *      parent package's __path__ for a submodule; a plain directory found
 *      on the way is a namespace package if nothing else matches.
 * A module is registered in sys.modules *before* its body runs, so a
 * circular import sees the partially initialized module; it is removed
 * again if the body fails.  Parents are imported first and the child is
 * bound as an attribute of its parent.
 */
#include "rp.h"
#include <errno.h>
#include <sys/stat.h>

/* Names of the modules whose body is running now (for the circular-import
 * messages). */
static RpObject *initializing;

static RpObject *sys_modules(void)
{
    return RpInterp_Get()->modules;
}

int _RpImport_IsInitializing(RpObject *modname)
{
    if (initializing == NULL)
        return 0;
    int r = RpSet_Contains(initializing, modname);
    if (r < 0)
        RpErr_Clear();
    return r > 0;
}

void _RpImport_Fini(void)
{
    Rp_CLEAR(initializing);
}

void _RpImport_SetImportError(RpObject *type, RpObject *msg, RpObject *name, RpObject *path)
{
    RpObject *exc = _RpExc_Create(type, msg);
    if (exc == NULL)
        return;
    if (RpObject_TypeCheck(exc, (RpTypeObject *)RpExc_ImportError)) {
        RpImportErrorObject *ie = (RpImportErrorObject *)exc;
        Rp_XSETREF(ie->name, Rp_XNewRef(name));
        Rp_XSETREF(ie->path, Rp_XNewRef(path));
    }
    RpErr_SetObject((RpObject *)Rp_TYPE(exc), exc);
    Rp_DECREF(exc);
}

static void module_not_found(RpObject *name, const char *fmt, RpObject *parent)
{
    RpObject *msg = RpUnicode_FromFormat(fmt, name, parent);
    if (msg == NULL)
        return;
    _RpImport_SetImportError(RpExc_ModuleNotFoundError, msg, name, NULL);
    Rp_DECREF(msg);
}

/* ---- reading source ----------------------------------------------------------- */

char *_RpImport_ReadSource(const char *path, Rp_ssize_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (fp == NULL) {
        RpErr_SetFromErrnoWithFilename(RpExc_OSError, path);
        return NULL;
    }
    char *buf = _RpRun_ReadStream(fp, len);
    fclose(fp);
    return buf;
}

char *_RpRun_ReadStream(FILE *fp, Rp_ssize_t *len)
{
    size_t cap = 8192, n = 0;
    char *buf = RpMem_Malloc(cap);
    if (buf == NULL) {
        RpErr_NoMemory();
        return NULL;
    }
    for (;;) {
        if (cap - n < 4096) {
            char *nb = RpMem_Realloc(buf, cap * 2);
            if (nb == NULL) {
                RpMem_Free(buf);
                RpErr_NoMemory();
                return NULL;
            }
            buf = nb;
            cap *= 2;
        }
        size_t got = fread(buf + n, 1, cap - n - 1, fp);
        n += got;
        if (got == 0)
            break;
    }
    if (ferror(fp)) {
        RpMem_Free(buf);
        RpErr_SetFromErrno(RpExc_OSError);
        return NULL;
    }
    buf[n] = '\0';
    *len = (Rp_ssize_t)n;
    return buf;
}

/* ---- sys.modules ------------------------------------------------------------------ */

RpObject *RpImport_GetModule(RpObject *name)
{
    RpObject *modules = sys_modules();
    if (modules == NULL)
        return NULL;
    if (RpDict_CheckExact(modules))
        return Rp_XNewRef(RpDict_GetItemWithError(modules, name));
    RpObject *m = RpObject_GetItem(modules, name);
    if (m == NULL && RpErr_ExceptionMatches(RpExc_KeyError))
        RpErr_Clear();
    return m;
}

/* sys.modules[name], treating None as "import halted". */
static RpObject *import_get_module(RpObject *name)
{
    RpObject *m = RpImport_GetModule(name);
    if (m == Rp_None) {
        Rp_DECREF(m);
        RpObject *msg = RpUnicode_FromFormat("import of %U halted; None in sys.modules", name);
        if (msg != NULL)
            _RpImport_SetImportError(RpExc_ModuleNotFoundError, msg, name, NULL);
        Rp_XDECREF(msg);
        return NULL;
    }
    return m;
}

static void forget_module(RpObject *name)
{
    RpObject *exc = RpErr_GetRaisedException();
    if (RpObject_DelItem(sys_modules(), name) < 0)
        RpErr_Clear();
    RpErr_SetRaisedException(exc);
}

/* ---- creating and running modules ----------------------------------------------- */

static int set_module_attrs(RpObject *d, RpObject *name, RpObject *file, int is_pkg,
                            RpObject *path)
{
    RpObject *package;
    if (is_pkg) {
        package = Rp_NewRef(name);
    } else {
        const char *s = RpUnicode_UTF8(name);
        const char *dot = strrchr(s, '.');
        package = RpUnicode_FromStringAndSize(s, dot ? dot - s : 0);
    }
    int rc = package ? RpDict_SetItem(d, RP_ID(__package__), package) : -1;
    Rp_XDECREF(package);
    if (rc == 0 && file != NULL)
        rc = RpDict_SetItem(d, RP_ID(__file__), file);
    if (rc == 0)
        rc = RpDict_SetItem(d, RP_ID(__spec__), Rp_None);
    if (rc == 0 && RpDict_GetItemWithError(d, RP_ID(__builtins__)) == NULL)
        rc = RpDict_SetItem(d, RP_ID(__builtins__), RpInterp_Get()->builtins);
    if (rc == 0 && is_pkg)
        rc = RpDict_SetItem(d, RP_ID(__path__), path);
    return rc;
}

/* Execute `code` (a code object or source text) in a new module registered
 * as `name`; returns sys.modules[name] afterwards (a module may replace
 * itself there). */
static RpObject *exec_module(RpObject *name, RpObject *code, RpObject *file,
                             int is_pkg, RpObject *path, const char *srcname)
{
    RpObject *mod = RpModule_NewObject(name);
    if (mod == NULL)
        return NULL;
    RpObject *d = RpModule_GetDict(mod);
    RpObject *co = NULL, *res = NULL;
    if (set_module_attrs(d, name, file, is_pkg, path) < 0 ||
        RpObject_SetItem(sys_modules(), name, mod) < 0)
        goto done;
    if (RpCode_Check(code)) {
        co = Rp_NewRef(code);
    } else {
        Rp_ssize_t n;
        const char *src = RpUnicode_AsUTF8AndSize(code, &n);
        co = src ? RpCompile_String(src, n, srcname, RP_FILE_INPUT, _Rp_OptimizeFlag) : NULL;
    }
    if (co == NULL) {
        forget_module(name);
        goto done;
    }
    if (initializing == NULL && (initializing = RpSet_New(NULL)) == NULL)
        goto done;
    int was_init = RpSet_Contains(initializing, name);
    if (was_init == 0 && RpSet_Add(initializing, name) < 0)
        goto done;
    RpObject *r = RpEval_EvalCode(co, d, d);
    if (was_init == 0) {
        RpObject *exc = RpErr_GetRaisedException();
        RpSet_Discard(initializing, name);
        RpErr_SetRaisedException(exc);
    }
    if (r == NULL) {
        forget_module(name);
        goto done;
    }
    Rp_DECREF(r);
    res = import_get_module(name);
    if (res == NULL && !RpErr_Occurred()) {
        RpObject *msg = RpUnicode_FromFormat("Loaded module %U not found in sys.modules", name);
        if (msg != NULL)
            _RpImport_SetImportError(RpExc_ImportError, msg, name, NULL);
        Rp_XDECREF(msg);
    }
done:
    Rp_XDECREF(co);
    Rp_DECREF(mod);
    return res;
}

RpObject *RpImport_ExecCodeModule(RpObject *name, RpObject *code, RpObject *filename)
{
    const char *fn = filename && RpUnicode_Check(filename) ? RpUnicode_UTF8(filename) : "<string>";
    return exec_module(name, code, filename, 0, NULL, fn);
}

/* ---- finders ---------------------------------------------------------------------- */

static RpObject *load_builtin(RpObject *name)
{
    for (const RpBuiltinModule *b = _RpModules_Table; b->name != NULL; b++) {
        if (!_RpUnicode_EqualToASCIIString(name, b->name))
            continue;
        RpObject *mod = b->init();
        if (mod == NULL)
            return NULL;
        if (RpObject_SetItem(sys_modules(), name, mod) < 0) {
            Rp_DECREF(mod);
            return NULL;
        }
        return mod;
    }
    return NULL;
}

static RpObject *load_frozen(RpObject *name)
{
    for (const RpFrozenModule *m = _RpModules_Frozen; m->name != NULL; m++) {
        if (!_RpUnicode_EqualToASCIIString(name, m->name))
            continue;
        char srcname[300];
        snprintf(srcname, sizeof srcname, "<frozen %s>", m->name);
        RpObject *src = RpUnicode_FromString(m->source);
        RpObject *path = m->is_package ? RpList_New(0) : NULL;
        RpObject *mod = NULL;
        if (src != NULL && (path != NULL || !m->is_package))
            mod = exec_module(name, src, NULL, m->is_package, path, srcname);
        Rp_XDECREF(src);
        Rp_XDECREF(path);
        return mod;
    }
    return NULL;
}

static int is_file(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISREG(st.st_mode);
}

static int is_dir(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* Where a module lives on disk (one path entry). */
typedef struct Found {
    char file[4096];
    char pkgdir[4096];   /* for packages and namespace packages */
    int is_pkg;          /* 1 regular package, 2 namespace package */
} Found;

/* snprintf that reports truncation (too long a path is "not found"). */
static int path_fmt(char *out, size_t n, const char *a, const char *b, const char *suffix)
{
    int r = snprintf(out, n, "%s/%s%s", a, b, suffix);
    return r >= 0 && (size_t)r < n;
}

/* Look for `base` (last name component) in directory `dir`. */
static int find_in_dir(const char *dir, const char *base, Found *out, Found *ns)
{
    char d[4096];
    if (dir[0] == '\0')
        dir = ".";
    if (!path_fmt(d, sizeof d, dir, base, ""))
        return 0;
    if (is_dir(d)) {
        if (path_fmt(out->file, sizeof out->file, d, "__init__.py", "") && is_file(out->file)) {
            memcpy(out->pkgdir, d, sizeof d);
            out->is_pkg = 1;
            return 1;
        }
        if (ns->pkgdir[0] == '\0') {
            memcpy(ns->pkgdir, d, sizeof d);
            ns->is_pkg = 2;
        }
    }
    if (path_fmt(out->file, sizeof out->file, dir, base, ".py") && is_file(out->file)) {
        out->is_pkg = 0;
        return 1;
    }
    return 0;
}

/* Search a list of directories; 1 found, 0 not, -1 error. */
static int find_on_path(RpObject *path, const char *base, Found *out)
{
    Found ns;
    ns.pkgdir[0] = '\0';
    ns.is_pkg = 0;
    if (path == NULL || !RpList_Check(path))
        return 0;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(path); i++) {
        RpObject *entry = RpList_GET_ITEM(path, i);
        if (!RpUnicode_Check(entry))
            continue;
        if (find_in_dir(RpUnicode_UTF8(entry), base, out, &ns))
            return 1;
    }
    if (ns.is_pkg == 2) {
        *out = ns;
        out->file[0] = '\0';
        return 1;
    }
    return 0;
}

static RpObject *load_found(RpObject *name, Found *found)
{
    RpObject *file = NULL, *path = NULL, *src = NULL, *mod = NULL;
    if (found->is_pkg) {
        RpObject *dir = RpUnicode_FromString(found->pkgdir);
        path = dir ? RpList_New(1) : NULL;
        if (path == NULL) {
            Rp_XDECREF(dir);
            return NULL;
        }
        RpList_SET_ITEM(path, 0, dir);
    }
    if (found->is_pkg == 2) {
        src = _RpUnicode_Empty();   /* a namespace package runs no code */
    } else {
        Rp_ssize_t n;
        char *buf = _RpImport_ReadSource(found->file, &n);
        if (buf == NULL)
            goto done;
        src = RpUnicode_DecodeUTF8(buf, n, "surrogateescape");
        RpMem_Free(buf);
        file = RpUnicode_FromString(found->file);
        if (file == NULL)
            goto done;
    }
    if (src != NULL)
        mod = exec_module(name, src, file, found->is_pkg != 0, path,
                          found->is_pkg == 2 ? "<namespace>" : found->file);
done:
    Rp_XDECREF(src);
    Rp_XDECREF(file);
    Rp_XDECREF(path);
    return mod;
}

/* The parent's __path__ (new ref in *ppath); ModuleNotFoundError if the
 * parent is no package. */
static int parent_path(RpObject *name, RpObject *parent_name, RpObject *parent,
                       RpObject **ppath)
{
    if (_RpObject_LookupAttr(parent, RP_ID(__path__), ppath) > 0)
        return 0;
    if (!RpErr_Occurred())
        module_not_found(name, "No module named '%U'; '%U' is not a package", parent_name);
    return -1;
}

/* The parent package of a dotted name, imported; its __path__ in *ppath
 * unless ppath is NULL. */
static RpObject *import_parent(RpObject *name, RpObject *parent_name, RpObject **ppath)
{
    RpObject *parent = import_get_module(parent_name);
    if (parent == NULL) {
        if (RpErr_Occurred())
            return NULL;
        RpObject *m = RpImport_ImportModuleLevelObject(parent_name, NULL, NULL, NULL, 0);
        if (m == NULL)
            return NULL;
        Rp_DECREF(m);
        if ((parent = import_get_module(parent_name)) == NULL)
            return NULL;
    }
    if (ppath == NULL)
        return parent;
    if (parent_path(name, parent_name, parent, ppath) < 0) {
        Rp_DECREF(parent);
        return NULL;
    }
    return parent;
}

static void bind_child(RpObject *parent, RpObject *child_name, RpObject *mod)
{
    if (RpObject_SetAttr(parent, child_name, mod) < 0)
        RpErr_Clear();
}

static RpObject *find_and_load(RpObject *name)
{
    const char *s = RpUnicode_UTF8(name);
    const char *dot = strrchr(s, '.');
    RpObject *parent = NULL, *path = NULL, *mod = NULL, *parent_name = NULL;
    if (dot != NULL) {
        parent_name = RpUnicode_FromStringAndSize(s, dot - s);
        if (parent_name == NULL)
            return NULL;
        if ((parent = import_parent(name, parent_name, NULL)) == NULL)
            goto done;
        /* Importing the parent may have imported us as a side effect. */
        if ((mod = RpImport_GetModule(name)) != NULL || RpErr_Occurred())
            goto done;
        if (parent_path(name, parent_name, parent, &path) < 0)
            goto done;
    } else if ((mod = load_builtin(name)) != NULL || RpErr_Occurred()) {
        goto done;
    }
    if ((mod = load_frozen(name)) != NULL || RpErr_Occurred())
        goto done;
    Found found;
    if (path == NULL)
        path = Rp_XNewRef(RpSys_GetObject("path"));
    if (find_on_path(path, dot ? dot + 1 : s, &found))
        mod = load_found(name, &found);
    else
        module_not_found(name, "No module named '%U'", NULL);
done:
    if (mod != NULL && parent != NULL) {
        RpObject *child = RpUnicode_FromString(dot + 1);
        if (child != NULL)
            bind_child(parent, child, mod);
        Rp_XDECREF(child);
    }
    Rp_XDECREF(parent);
    Rp_XDECREF(path);
    Rp_XDECREF(parent_name);
    return mod;
}

/* ---- relative names and fromlist --------------------------------------------------- */

static RpObject *package_of(RpObject *globals)
{
    RpObject *package = RpDict_GetItemWithError(globals, RP_ID(__package__));
    if (package != NULL && package != Rp_None) {
        if (!RpUnicode_Check(package)) {
            RpErr_SetString(RpExc_TypeError, "package must be a string");
            return NULL;
        }
        return Rp_NewRef(package);
    }
    if (RpErr_Occurred())
        return NULL;
    RpObject *modname = RpDict_GetItemWithError(globals, RP_ID(__name__));
    if (modname == NULL) {
        if (!RpErr_Occurred())
            RpErr_SetString(RpExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    if (!RpUnicode_Check(modname)) {
        RpErr_SetString(RpExc_TypeError, "__name__ must be a string");
        return NULL;
    }
    if (RpDict_GetItemWithError(globals, RP_ID(__path__)) != NULL)
        return Rp_NewRef(modname);
    const char *s = RpUnicode_UTF8(modname);
    const char *dot = strrchr(s, '.');
    return RpUnicode_FromStringAndSize(s, dot ? dot - s : 0);
}

static RpObject *resolve_name(RpObject *name, RpObject *globals, int level)
{
    if (globals == NULL || !RpDict_Check(globals)) {
        RpErr_SetString(RpExc_KeyError, "'__name__' not in globals");
        return NULL;
    }
    RpObject *package = package_of(globals);
    if (package == NULL)
        return NULL;
    const char *p = RpUnicode_UTF8(package);
    Rp_ssize_t last = RpUnicode_UTF8_SIZE(package);
    RpObject *res = NULL;
    if (last == 0) {
        RpErr_SetString(RpExc_ImportError, "attempted relative import with no known parent package");
        goto done;
    }
    for (int i = 1; i < level; i++) {
        while (last > 0 && p[last - 1] != '.')
            last--;
        if (last == 0) {
            RpErr_SetString(RpExc_ImportError, "attempted relative import beyond top-level package");
            goto done;
        }
        last--;
    }
    res = RpUnicode_FromStringAndSize(p, last);
    if (res != NULL && RpUnicode_GET_LENGTH(name) > 0)
        Rp_SETREF(res, RpUnicode_FromFormat("%U.%U", res, name));
done:
    Rp_DECREF(package);
    return res;
}

static int handle_fromlist(RpObject *mod, RpObject *fromlist, int recursive);

static int fromlist_item(RpObject *mod, RpObject *x, int recursive)
{
    if (!RpUnicode_Check(x)) {
        RpObject *modname = recursive ? RpObject_GetAttr(mod, RP_ID(__name__)) : NULL;
        if (recursive && modname == NULL)
            return -1;
        if (recursive)
            RpErr_Format(RpExc_TypeError, "Item in %U.__all__ must be str, not %s",
                         modname, Rp_TYPE(x)->tp_name);
        else
            RpErr_Format(RpExc_TypeError, "Item in ``from list'' must be str, not %s",
                         Rp_TYPE(x)->tp_name);
        Rp_XDECREF(modname);
        return -1;
    }
    if (_RpUnicode_EqualToASCIIString(x, "*")) {
        RpObject *all = NULL;
        if (recursive || _RpObject_LookupAttr(mod, RP_ID(__all__), &all) <= 0)
            return RpErr_Occurred() ? -1 : 0;
        int rc = handle_fromlist(mod, all, 1);
        Rp_DECREF(all);
        return rc;
    }
    int has = RpObject_HasAttr(mod, x);
    if (has)
        return 0;
    RpObject *modname = RpObject_GetAttr(mod, RP_ID(__name__));
    if (modname == NULL)
        return -1;
    RpObject *from_name = RpUnicode_FromFormat("%U.%U", modname, x);
    Rp_DECREF(modname);
    if (from_name == NULL)
        return -1;
    RpObject *sub = RpImport_ImportModuleLevelObject(from_name, NULL, NULL, NULL, 0);
    int rc = 0;
    if (sub != NULL) {
        Rp_DECREF(sub);
    } else if (RpErr_ExceptionMatches(RpExc_ModuleNotFoundError)) {
        /* A fromlist name that is no submodule is left for IMPORT_FROM. */
        RpObject *exc = RpErr_GetRaisedException();
        RpObject *ename = ((RpImportErrorObject *)exc)->name;
        if (ename != NULL && RpUnicode_Check(ename) && _RpUnicode_Equal(ename, from_name))
            Rp_DECREF(exc);
        else {
            RpErr_SetRaisedException(exc);
            rc = -1;
        }
    } else {
        rc = -1;
    }
    Rp_DECREF(from_name);
    return rc;
}

static int handle_fromlist(RpObject *mod, RpObject *fromlist, int recursive)
{
    RpObject *it = RpObject_GetIter(fromlist);
    if (it == NULL)
        return -1;
    RpObject *x;
    int rc = 0;
    while (rc == 0 && (x = RpIter_Next(it)) != NULL) {
        rc = fromlist_item(mod, x, recursive);
        Rp_DECREF(x);
    }
    Rp_DECREF(it);
    return (rc < 0 || RpErr_Occurred()) ? -1 : 0;
}

/* `import a.b.c` (no fromlist) binds the top package `a`. */
static RpObject *top_level_result(RpObject *name, RpObject *abs_name, RpObject *mod, int level)
{
    const char *s = RpUnicode_UTF8(name);
    const char *dot = strchr(s, '.');
    if (dot == NULL || (level > 0 && s[0] == '\0'))
        return Rp_NewRef(mod);
    if (level == 0) {
        RpObject *front = RpUnicode_FromStringAndSize(s, dot - s);
        if (front == NULL)
            return NULL;
        RpObject *res = RpImport_ImportModuleLevelObject(front, NULL, NULL, NULL, 0);
        Rp_DECREF(front);
        return res;
    }
    Rp_ssize_t cut = RpUnicode_UTF8_SIZE(name) - (dot - s);
    RpObject *ret_name = RpUnicode_FromStringAndSize(RpUnicode_UTF8(abs_name),
                                                     RpUnicode_UTF8_SIZE(abs_name) - cut);
    if (ret_name == NULL)
        return NULL;
    RpObject *res = RpImport_GetModule(ret_name);
    if (res == NULL && !RpErr_Occurred())
        RpErr_Format(RpExc_KeyError, "%R not in sys.modules as expected", ret_name);
    Rp_DECREF(ret_name);
    return res;
}

RpObject *RpImport_ImportModuleLevelObject(RpObject *name, RpObject *globals,
                                           RpObject *locals, RpObject *fromlist,
                                           int level)
{
    (void)locals;
    if (name == NULL || !RpUnicode_Check(name)) {
        RpErr_SetString(RpExc_TypeError, "module name must be a string");
        return NULL;
    }
    if (level < 0) {
        RpErr_SetString(RpExc_ValueError, "level must be >= 0");
        return NULL;
    }
    RpObject *abs_name, *mod, *res = NULL;
    if (level > 0) {
        abs_name = resolve_name(name, globals, level);
    } else {
        if (RpUnicode_GET_LENGTH(name) == 0) {
            RpErr_SetString(RpExc_ValueError, "Empty module name");
            return NULL;
        }
        abs_name = Rp_NewRef(name);
    }
    if (abs_name == NULL)
        return NULL;
    mod = import_get_module(abs_name);
    if (mod == NULL && !RpErr_Occurred())
        mod = find_and_load(abs_name);
    if (mod == NULL)
        goto done;
    int has_from = 0;
    if (fromlist != NULL && fromlist != Rp_None && (has_from = RpObject_IsTrue(fromlist)) < 0)
        goto done;
    if (!has_from) {
        res = top_level_result(name, abs_name, mod, level);
    } else {
        RpObject *path = NULL;
        if (_RpObject_LookupAttr(mod, RP_ID(__path__), &path) < 0)
            goto done;
        if (path != NULL) {
            Rp_DECREF(path);
            if (handle_fromlist(mod, fromlist, 0) < 0)
                goto done;
        }
        res = Rp_NewRef(mod);
    }
done:
    Rp_XDECREF(mod);
    Rp_DECREF(abs_name);
    return res;
}

RpObject *RpImport_ImportModule(const char *name)
{
    RpObject *n = RpUnicode_FromString(name);
    if (n == NULL)
        return NULL;
    RpObject *top = RpImport_ImportModuleLevelObject(n, NULL, NULL, NULL, 0);
    RpObject *res = NULL;
    if (top != NULL) {
        Rp_DECREF(top);
        res = import_get_module(n);
        if (res == NULL && !RpErr_Occurred())
            module_not_found(n, "No module named '%U'", NULL);
    }
    Rp_DECREF(n);
    return res;
}

/* For `refpy -m NAME`: the file that holds NAME's code (a package runs its
 * __main__ submodule).  New str, or NULL + ModuleNotFoundError/ImportError. */
RpObject *_RpImport_FindSource(RpObject *name)
{
    const char *s = RpUnicode_UTF8(name);
    const char *dot = strrchr(s, '.');
    RpObject *path = NULL;
    if (dot != NULL) {
        RpObject *parent_name = RpUnicode_FromStringAndSize(s, dot - s);
        if (parent_name == NULL)
            return NULL;
        RpObject *parent = import_parent(name, parent_name, &path);
        Rp_DECREF(parent_name);
        if (parent == NULL)
            return NULL;
        Rp_DECREF(parent);
    } else {
        path = Rp_XNewRef(RpSys_GetObject("path"));
    }
    Found found;
    int ok = find_on_path(path, dot ? dot + 1 : s, &found);
    Rp_XDECREF(path);
    if (!ok || found.is_pkg == 2) {
        module_not_found(name, "No module named '%U'", NULL);
        return NULL;
    }
    if (found.is_pkg) {
        RpObject *sub = RpUnicode_FromFormat("%U.__main__", name);
        if (sub == NULL)
            return NULL;
        RpObject *m = RpImport_ImportModuleLevelObject(name, NULL, NULL, NULL, 0);
        Rp_XDECREF(m);
        RpObject *res = m ? _RpImport_FindSource(sub) : NULL;
        Rp_DECREF(sub);
        return res;
    }
    return RpUnicode_FromString(found.file);
}
