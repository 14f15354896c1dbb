/* suggestions.c -- the name closest to a misspelt attribute or variable.
 *
 * The rules are CPython 3.11's, so that the same typo gets the same hint:
 * a weighted Levenshtein distance where changing only the case of a
 * letter costs 1 and any other edit costs 2; a candidate qualifies when
 * at most about a third of the characters involved change; the first
 * candidate with the smallest distance wins.  AttributeError looks in
 * dir(obj); NameError in the failing frame's local variable names, then
 * its globals, then its builtins.
 */
#include "rp.h"
#include "suggestions.h"
#include <string.h>

#define MAX_CANDIDATES 750
#define MAX_NAME 40
#define MOVE_COST 2
#define CASE_COST 1

static int lower_ascii(int c) { return c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c; }

static Rp_ssize_t substitution_cost(char a, char b)
{
    if (a == b)
        return 0;
    return lower_ascii((unsigned char)a) == lower_ascii((unsigned char)b) ? CASE_COST : MOVE_COST;
}

/* Distance between a and b, or max_cost + 1 once it must exceed max_cost.
 * One row of the dynamic-programming matrix, updated in place. */
static Rp_ssize_t distance(const char *a, Rp_ssize_t na, const char *b, Rp_ssize_t nb,
                           Rp_ssize_t max_cost)
{
    while (na && nb && a[0] == b[0])
        a++, b++, na--, nb--;
    while (na && nb && a[na - 1] == b[nb - 1])
        na--, nb--;
    if (na == 0 || nb == 0)
        return (na + nb) * MOVE_COST;
    if (na > MAX_NAME || nb > MAX_NAME)
        return max_cost + 1;
    if (nb < na) {
        const char *t = a;
        a = b, b = t;
        Rp_ssize_t n = na;
        na = nb, nb = n;
    }
    if ((nb - na) * MOVE_COST > max_cost)
        return max_cost + 1;
    Rp_ssize_t row[MAX_NAME];
    for (Rp_ssize_t i = 0; i < na; i++)
        row[i] = (i + 1) * MOVE_COST;
    Rp_ssize_t result = 0;
    for (Rp_ssize_t j = 0; j < nb; j++) {
        Rp_ssize_t diag = result = j * MOVE_COST;
        Rp_ssize_t minimum = max_cost + 1;
        for (Rp_ssize_t i = 0; i < na; i++) {
            Rp_ssize_t substitute = diag + substitution_cost(b[j], a[i]);
            diag = row[i];
            Rp_ssize_t edit = (result < diag ? result : diag) + MOVE_COST;
            result = edit < substitute ? edit : substitute;
            row[i] = result;
            if (result < minimum)
                minimum = result;
        }
        if (minimum > max_cost)
            return max_cost + 1;
    }
    return result;
}

/* The best candidate of a list of names (borrowed from the list). */
static RpObject *best_of(RpObject *names, RpObject *name)
{
    if (names == NULL || !RpList_Check(names) || RpList_GET_SIZE(names) >= MAX_CANDIDATES)
        return NULL;
    const char *s = RpUnicode_AsUTF8(name);
    if (s == NULL)
        return NULL;
    Rp_ssize_t ns = (Rp_ssize_t)strlen(s), best_d = RP_SSIZE_T_MAX;
    RpObject *best = NULL;
    for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(names); i++) {
        RpObject *item = RpList_GET_ITEM(names, i);
        if (!RpUnicode_Check(item))
            continue;
        const char *t = RpUnicode_AsUTF8(item);
        if (t == NULL)
            return NULL;
        if (strcmp(s, t) == 0)
            continue;
        Rp_ssize_t nt = (Rp_ssize_t)strlen(t);
        Rp_ssize_t max_d = (ns + nt + 3) * MOVE_COST / 6;
        if (max_d > best_d - 1)
            max_d = best_d - 1;
        Rp_ssize_t d = distance(s, ns, t, nt, max_d);
        if (d > max_d)
            continue;
        if (best == NULL || d < best_d) {
            best = item;
            best_d = d;
        }
    }
    return best;
}

/* best_of over a new list made by f(arg); returns a new reference. */
static RpObject *best_in(RpObject *list, RpObject *name)
{
    RpObject *r = best_of(list, name);
    Rp_XINCREF(r);
    Rp_XDECREF(list);
    return r;
}

static RpObject *for_attribute(RpObject *exc)
{
    RpObject *name = RpObject_GetAttrString(exc, "name");
    RpObject *obj = name ? RpObject_GetAttrString(exc, "obj") : NULL;
    RpObject *r = NULL;
    if (obj != NULL && RpUnicode_CheckExact(name))
        r = best_in(RpObject_Dir(obj), name);
    Rp_XDECREF(name);
    Rp_XDECREF(obj);
    return r;
}

static RpObject *dict_keys(RpObject *d)
{
    return d != NULL && RpDict_Check(d) ? RpDict_Keys(d) : NULL;
}

static RpObject *for_name(RpObject *exc)
{
    RpObject *name = RpObject_GetAttrString(exc, "name");
    RpObject *tb = name ? RpObject_GetAttrString(exc, "__traceback__") : NULL;
    RpObject *r = NULL;
    if (tb == NULL || !RpUnicode_CheckExact(name) || !Rp_IS_TYPE(tb, &RpTraceBack_Type))
        goto done;
    RpTracebackObject *last = (RpTracebackObject *)tb;
    while (last->tb_next != NULL)
        last = last->tb_next;
    RpFrame *f = ((RpFrameObject *)last->tb_frame)->f_frame;
    RpObject *varnames = RpObject_GetAttrString((RpObject *)f->f_code, "co_varnames");
    r = varnames ? best_in(RpSequence_List(varnames), name) : NULL;
    Rp_XDECREF(varnames);
    if (r == NULL)
        r = best_in(dict_keys(f->f_globals), name);
    if (r == NULL)
        r = best_in(dict_keys(f->f_builtins), name);
done:
    Rp_XDECREF(name);
    Rp_XDECREF(tb);
    return r;
}

RpObject *RpSuggest_ForException(RpObject *exc)
{
    RpObject *r = NULL;
    if (RpObject_TypeCheck(exc, (RpTypeObject *)RpExc_AttributeError))
        r = for_attribute(exc);
    else if (RpObject_TypeCheck(exc, (RpTypeObject *)RpExc_NameError))
        r = for_name(exc);
    RpErr_Clear();
    return r;
}
