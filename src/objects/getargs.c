/* getargs.c -- argument checking helpers for builtins written in C, with
 * CPython's error messages.  The parsers fill an array of borrowed
 * references, one per parameter name, NULL where an optional argument was
 * not given.
 */
#include "rp.h"

int _RpArg_CheckPositional(const char *name, Rp_ssize_t nargs, Rp_ssize_t min, Rp_ssize_t max)
{
    if (nargs >= min && nargs <= max)
        return 1;
    const char *how = min == max ? "" : nargs < min ? "at least " : "at most ";
    Rp_ssize_t bound = nargs < min ? min : max;
    if (name != NULL)
        RpErr_Format(RpExc_TypeError, "%.200s expected %s%zd argument%s, got %zd", name, how, bound,
                     bound == 1 ? "" : "s", nargs);
    else
        RpErr_Format(RpExc_TypeError, "unpacked tuple should have %s%zd element%s, but has %zd", how,
                     bound, bound == 1 ? "" : "s", nargs);
    return 0;
}

int _RpArg_NoKwnames(const char *name, RpObject *kwnames)
{
    if (kwnames == NULL || RpTuple_GET_SIZE(kwnames) == 0)
        return 1;
    RpErr_Format(RpExc_TypeError, "%.200s() takes no keyword arguments", name);
    return 0;
}

int _RpArg_NoKeywords(const char *name, RpObject *kwargs)
{
    if (kwargs == NULL || (RpDict_Check(kwargs) && RpDict_GET_SIZE(kwargs) == 0))
        return 1;
    RpErr_Format(RpExc_TypeError, "%.200s() takes no keyword arguments", name);
    return 0;
}

static int too_many_positional(const char *fname, Rp_ssize_t nargs, int npos, int required)
{
    if (npos == 0)
        RpErr_Format(RpExc_TypeError, "%.200s() takes no positional arguments", fname);
    else
        RpErr_Format(RpExc_TypeError, "%.200s() takes %s %d positional argument%s (%zd given)", fname,
                     required < npos ? "at most" : "exactly", npos, npos == 1 ? "" : "s", nargs);
    return -1;
}

/* More arguments than parameters: checked before the positional limit,
 * with CPython's wording ("keyword " when all of them were keywords). */
static int too_many_total(const char *fname, Rp_ssize_t nargs, Rp_ssize_t nkw, int n)
{
    if (nargs + nkw <= n)
        return 0;
    RpErr_Format(RpExc_TypeError, "%.200s() takes at most %d %sargument%s (%zd given)", fname, n,
                 nargs == 0 ? "keyword " : "", n == 1 ? "" : "s", nargs + nkw);
    return -1;
}

static int find_name(const char *const *names, int n, RpObject *key)
{
    for (int i = 0; i < n; i++)
        if (_RpUnicode_EqualToASCIIString(key, names[i]))
            return i;
    return -1;
}

/* Place one keyword argument; errors for unknown names and duplicates. */
static int place_keyword(const char *fname, const char *const *names, int n, RpObject *key,
                         RpObject *value, RpObject **out)
{
    if (!RpUnicode_Check(key)) {
        RpErr_SetString(RpExc_TypeError, "keywords must be strings");
        return -1;
    }
    int i = find_name(names, n, key);
    if (i < 0) {
        RpErr_Format(RpExc_TypeError, "'%U' is an invalid keyword argument for %.200s()", key, fname);
        return -1;
    }
    if (out[i] != NULL) {
        RpErr_Format(RpExc_TypeError, "argument for %.200s() given by name ('%s') and position (%d)",
                     fname, names[i], i + 1);
        return -1;
    }
    out[i] = value;
    return 0;
}

static int check_required(const char *fname, const char *const *names, int required, RpObject **out)
{
    for (int i = 0; i < required; i++) {
        if (out[i] == NULL) {
            RpErr_Format(RpExc_TypeError, "%.200s() missing required argument '%s' (pos %d)", fname,
                         names[i], i + 1);
            return -1;
        }
    }
    return 0;
}

/* Number of names: the array's length, cut at a NULL terminator if any. */
static int count_names(const char *const *names, Rp_ssize_t nnames)
{
    int n = 0;
    while ((nnames < 0 || n < nnames) && names[n] != NULL)
        n++;
    return n;
}

static int parse_vector(const char *fname, RpObject *const *args, Rp_ssize_t nargs,
                        RpObject *kwnames, const char *const *names, int n, int npos,
                        int required, RpObject **out)
{
    Rp_ssize_t nkw = kwnames != NULL ? RpTuple_GET_SIZE(kwnames) : 0;
    if (too_many_total(fname, nargs, nkw, n) < 0)
        return -1;
    if (nargs > npos)
        return too_many_positional(fname, nargs, npos, required);
    for (int i = 0; i < n; i++)
        out[i] = i < nargs ? args[i] : NULL;
    for (Rp_ssize_t k = 0; k < nkw; k++)
        if (place_keyword(fname, names, n, RpTuple_GET_ITEM(kwnames, k), args[nargs + k], out) < 0)
            return -1;
    return check_required(fname, names, required, out);
}

int _RpArg_ParseVectorN(const char *fname, RpObject *const *args, Rp_ssize_t nargs,
                        RpObject *kwnames, const char *const *names, Rp_ssize_t nnames,
                        int npos, int required, RpObject **out)
{
    return parse_vector(fname, args, nargs, kwnames, names, count_names(names, nnames), npos,
                        required, out);
}

/* Without the macro: `names` must be NULL-terminated. */
int (_RpArg_ParseVector)(const char *fname, RpObject *const *args, Rp_ssize_t nargs,
                         RpObject *kwnames, const char *const *names, int npos, int required,
                         RpObject **out)
{
    return parse_vector(fname, args, nargs, kwnames, names, count_names(names, -1), npos,
                        required, out);
}

static int parse_tuple(const char *fname, RpObject *args, RpObject *kwargs,
                       const char *const *names, int n, int npos, int required, RpObject **out)
{
    Rp_ssize_t nargs = RpTuple_GET_SIZE(args);
    if (too_many_total(fname, nargs, kwargs != NULL ? RpDict_GET_SIZE(kwargs) : 0, n) < 0)
        return -1;
    if (nargs > npos)
        return too_many_positional(fname, nargs, npos, required);
    for (int i = 0; i < n; i++)
        out[i] = i < nargs ? RpTuple_GET_ITEM(args, i) : NULL;
    if (kwargs != NULL) {
        Rp_ssize_t pos = 0;
        RpObject *key, *value;
        while (RpDict_Next(kwargs, &pos, &key, &value))
            if (place_keyword(fname, names, n, key, value, out) < 0)
                return -1;
    }
    return check_required(fname, names, required, out);
}

int _RpArg_ParseTupleAndKeywordsN(const char *fname, RpObject *args, RpObject *kwargs,
                                  const char *const *names, Rp_ssize_t nnames, int npos,
                                  int required, RpObject **out)
{
    return parse_tuple(fname, args, kwargs, names, count_names(names, nnames), npos, required, out);
}

int (_RpArg_ParseTupleAndKeywords)(const char *fname, RpObject *args, RpObject *kwargs,
                                   const char *const *names, int npos, int required,
                                   RpObject **out)
{
    return parse_tuple(fname, args, kwargs, names, count_names(names, -1), npos, required, out);
}
