/* syntaxerror.c -- building SyntaxError (and its subclasses) the way
 * CPython does: args = (msg, (filename, lineno, offset, text, end_lineno,
 * end_offset)), offsets in characters, 1-based.
 *
 * Callers pass 1-based *byte* columns into the line; they are converted to
 * character offsets here because the traceback printer counts characters
 * when it places the caret.  Values <= 0 are passed through unchanged
 * (CPython reports 0 or -1 for "no end position").  When no text is
 * given and the file can be read (errors found by the compiler), the line
 * is read from it, as CPython's PyErr_ProgramText does.
 */
#include "rp.h"
#include <stdarg.h>

/* 1-based byte column -> 1-based character column within text. */
static int byte_to_char_col(const char *text, int col)
{
    if (text == NULL || col <= 0)
        return col;
    Rp_ssize_t len = (Rp_ssize_t)strlen(text);
    Rp_ssize_t upto = col - 1 < len ? col - 1 : len;
    int chars = 0;
    for (Rp_ssize_t i = 0; i < upto; i++)
        chars += ((text[i] & 0xC0) != 0x80);
    return chars + 1 + (int)(col - 1 - upto);
}

/* Line `lineno` of the named file (newline kept), or NULL. */
static RpObject *line_from_file(RpObject *filename, int lineno)
{
    if (filename == NULL || !RpUnicode_Check(filename) || lineno < 1)
        return NULL;
    const char *name = RpUnicode_AsUTF8(filename);
    if (name == NULL || name[0] == '<') {
        RpErr_Clear();
        return NULL;
    }
    FILE *fp = fopen(name, "rb");
    if (fp == NULL)
        return NULL;
    char buf[4096];
    RpObject *res = NULL;
    for (int l = 1; fgets(buf, sizeof buf, fp) != NULL; l++) {
        if (l == lineno) {
            res = RpUnicode_DecodeUTF8(buf, (Rp_ssize_t)strlen(buf), "replace");
            if (res == NULL)
                RpErr_Clear();
            break;
        }
        /* a line longer than the buffer continues: do not count it twice */
        while (strchr(buf, '\n') == NULL && fgets(buf, sizeof buf, fp) != NULL)
            ;
    }
    fclose(fp);
    return res;
}

static RpObject *make_location(RpObject *filename, int lineno, int col, int end_lineno,
                               int end_col, const char *text)
{
    RpObject *txt = NULL;
    if (text != NULL)
        txt = RpUnicode_DecodeUTF8(text, (Rp_ssize_t)strlen(text), "replace");
    else
        txt = line_from_file(filename, lineno);
    if (text != NULL && txt == NULL)
        return NULL;
    const char *ctext = txt ? RpUnicode_AsUTF8(txt) : NULL;
    int off = byte_to_char_col(ctext, col);
    int end_off = end_lineno == lineno ? byte_to_char_col(ctext, end_col) : end_col;
    RpObject *items[6] = {
        filename ? Rp_NewRef(filename) : Rp_NewRef(Rp_None),
        RpLong_FromLong(lineno), RpLong_FromLong(off),
        txt ? txt : Rp_NewRef(Rp_None),
        RpLong_FromLong(end_lineno), RpLong_FromLong(end_off),
    };
    for (int i = 0; i < 6; i++) {
        if (items[i] == NULL) {
            for (int j = 0; j < 6; j++)
                Rp_XDECREF(items[j]);
            return NULL;
        }
    }
    return _RpTuple_FromArraySteal(items, 6);
}

RpObject *_RpCompile_SyntaxError(RpObject *type, RpObject *filename, int lineno,
                                 int col_offset, int end_lineno, int end_col_offset,
                                 const char *text, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    RpObject *msg = RpUnicode_FromFormatV(fmt, va);
    va_end(va);
    if (msg == NULL)
        return NULL;
    RpObject *loc = make_location(filename, lineno, col_offset, end_lineno,
                                  end_col_offset, text);
    if (loc == NULL) {
        Rp_DECREF(msg);
        return NULL;
    }
    RpObject *args = RpTuple_Pack(2, msg, loc);
    Rp_DECREF(msg);
    Rp_DECREF(loc);
    if (args == NULL)
        return NULL;
    RpObject *exc = RpObject_Call(type, args, NULL);
    Rp_DECREF(args);
    if (exc != NULL)
        RpErr_SetRaisedException(exc);
    return NULL;
}

/* A compile-time SyntaxWarning, shown the way the warnings module's default
 * action shows it: "file:line: SyntaxWarning: msg" and then the source line,
 * stripped, when the file can be read.  refpy has no warnings filters, so
 * it cannot be turned into an error; a failure to print is ignored. */
void _RpCompile_Warn(RpObject *filename, int lineno, const char *fmt, ...)
{
    va_list va;
    va_start(va, fmt);
    RpObject *msg = RpUnicode_FromFormatV(fmt, va);
    va_end(va);
    const char *name = filename != NULL ? RpUnicode_AsUTF8(filename) : NULL;
    if (msg == NULL || name == NULL) {
        Rp_XDECREF(msg);
        RpErr_Clear();
        return;
    }
    RpSys_WriteStderr("%s:%d: SyntaxWarning: %s\n", name, lineno, RpUnicode_AsUTF8(msg));
    Rp_DECREF(msg);
    RpObject *line = line_from_file(filename, lineno);
    RpObject *stripped = line != NULL ? RpObject_CallMethod0(line, "strip") : NULL;
    if (stripped != NULL && RpUnicode_GET_LENGTH(stripped) > 0)
        RpSys_WriteStderr("  %s\n", RpUnicode_AsUTF8(stripped));
    Rp_XDECREF(stripped);
    Rp_XDECREF(line);
    RpErr_Clear();
}
