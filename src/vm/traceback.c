/* traceback.c -- traceback objects and the printing of uncaught
 * exceptions in CPython 3.11's format (without the ^^^ position markers).
 *
 * A traceback entry is added for every frame an exception passes through;
 * entries are prepended, so exc.__traceback__ starts at the outermost frame
 * and tb_next walks towards the frame that raised ("most recent call last").
 */
#include "rp.h"
#include "suggestions.h"
#include <stddef.h>

#define TB_RECURSIVE_CUTOFF 3   /* identical consecutive entries shown */
#define TB_LIMIT 1000           /* entries shown at most (the newest ones) */

/* ---- the traceback type -------------------------------------------------- */

static int tb_traverse(RpObject *self, visitproc visit, void *arg)
{
    RpTracebackObject *tb = (RpTracebackObject *)self;
    Rp_VISIT(tb->tb_next);
    Rp_VISIT(tb->tb_frame);
    return 0;
}

static int tb_clear(RpObject *self)
{
    RpTracebackObject *tb = (RpTracebackObject *)self;
    Rp_CLEAR(tb->tb_next);
    Rp_CLEAR(tb->tb_frame);
    return 0;
}

static void tb_dealloc(RpObject *self)
{
    RpObject_GC_UnTrack(self);
    RP_TRASHCAN_BEGIN(self, tb_dealloc)
    tb_clear(self);
    RpObject_GC_Del(self);
    RP_TRASHCAN_END
}

static RpObject *tb_get_next(RpObject *self, void *c)
{
    RpObject *n = (RpObject *)((RpTracebackObject *)self)->tb_next;
    return Rp_NewRef(n ? n : Rp_None);
}

static int tb_set_next(RpObject *self, RpObject *v, void *c)
{
    if (v == NULL) {
        RpErr_SetString(RpExc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v != Rp_None && !Rp_IS_TYPE(v, &RpTraceBack_Type)) {
        RpErr_Format(RpExc_TypeError, "expected traceback object or None, got '%s'",
                     _RpType_Name(Rp_TYPE(v)));
        return -1;
    }
    for (RpObject *c2 = v; c2 != Rp_None && c2 != NULL;
         c2 = (RpObject *)((RpTracebackObject *)c2)->tb_next) {
        if (c2 == self) {
            RpErr_SetString(RpExc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    RpTracebackObject *tb = (RpTracebackObject *)self;
    Rp_XSETREF(tb->tb_next, v == Rp_None ? NULL : (RpTracebackObject *)Rp_NewRef(v));
    return 0;
}

static RpGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL}
};

static RpMemberDef tb_members[] = {
    {"tb_frame", RP_T_OBJECT, offsetof(RpTracebackObject, tb_frame), RP_READONLY, NULL},
    {"tb_lasti", RP_T_INT, offsetof(RpTracebackObject, tb_lasti), RP_READONLY, NULL},
    {"tb_lineno", RP_T_INT, offsetof(RpTracebackObject, tb_lineno), RP_READONLY, NULL},
    {NULL, 0, 0, 0, NULL}
};

RpTypeObject RpTraceBack_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "traceback",
    .tp_basicsize = sizeof(RpTracebackObject),
    .tp_dealloc = tb_dealloc,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_members = tb_members,
    .tp_getset = tb_getset,
};

int RpTraceBack_Here(RpObject *frame_obj)
{
    RpThreadState *ts = RpThreadState_Get();
    RpObject *exc = ts->current_exception;
    if (exc == NULL)
        return 0;
    RpFrame *f = ((RpFrameObject *)frame_obj)->f_frame;
    RpTracebackObject *tb = RpObject_GC_New(RpTracebackObject, &RpTraceBack_Type);
    if (tb == NULL)
        return -1;
    tb->tb_next = (RpTracebackObject *)RpException_GetTraceback(exc);
    tb->tb_frame = Rp_NewRef(frame_obj);
    tb->tb_lasti = RpFrame_Lasti(f);
    tb->tb_lineno = RpCode_Addr2Line(f->f_code, tb->tb_lasti);
    RpObject_GC_Track(tb);
    Rp_XSETREF(((RpBaseExceptionObject *)exc)->traceback, (RpObject *)tb);
    return 0;
}

/* ---- source lines ---------------------------------------------------------
 * Printing a RecursionError shows a thousand entries from one file, so the
 * last file read is kept. */
static char *cached_name, *cached_text;

void _RpTraceBack_Fini(void)
{
    RpMem_RawFree(cached_name);
    RpMem_RawFree(cached_text);
    cached_name = cached_text = NULL;
}

static const char *file_text(const char *filename)
{
    if (cached_name && strcmp(cached_name, filename) == 0)
        return cached_text;
    FILE *fp = fopen(filename, "rb");
    if (fp == NULL)
        return NULL;
    size_t cap = 4096, len = 0;
    char *buf = RpMem_RawMalloc(cap);
    size_t got;
    while (buf && (got = fread(buf + len, 1, cap - len - 1, fp)) > 0) {
        len += got;
        if (len + 1 == cap) {
            char *nb = RpMem_RawRealloc(buf, cap * 2);
            if (nb == NULL) {
                RpMem_RawFree(buf);
                buf = NULL;
                break;
            }
            buf = nb;
            cap *= 2;
        }
    }
    fclose(fp);
    if (buf == NULL)
        return NULL;
    buf[len] = '\0';
    _RpTraceBack_Fini();
    cached_name = RpMem_RawMalloc(strlen(filename) + 1);
    if (cached_name == NULL) {
        RpMem_RawFree(buf);
        return NULL;
    }
    strcpy(cached_name, filename);
    cached_text = buf;
    return buf;
}

/* Append line `lineno` of the file, stripped, indented by `indent`. */
void _RpTraceBack_AppendSourceLine(RpStrBuf *b, const char *filename, int lineno, int indent);
static void append_source_line(RpStrBuf *b, const char *filename, int lineno, int indent)
{
    const char *text = file_text(filename);
    if (text == NULL || lineno < 1)
        return;
    for (int n = 1; n < lineno && *text; text++)
        if (*text == '\n')
            n++;
    if (*text == '\0')
        return;
    while (*text == ' ' || *text == '\t' || *text == '\f')
        text++;
    const char *end = text;
    while (*end && *end != '\n')
        end++;
    while (end > text && (end[-1] == ' ' || end[-1] == '\r' || end[-1] == '\t'))
        end--;
    if (end == text)
        return;
    for (int i = 0; i < indent; i++)
        RpStrBuf_AppendChar(b, ' ');
    RpStrBuf_Append(b, text, end - text);
    RpStrBuf_AppendChar(b, '\n');
}

void _RpTraceBack_AppendSourceLine(RpStrBuf *b, const char *filename, int lineno, int indent)
{
    append_source_line(b, filename, lineno, indent);
}

/* ---- printing ------------------------------------------------------------ */

static void entry_info(RpTracebackObject *tb, const char **file, const char **name)
{
    RpFrameObject *fo = (RpFrameObject *)tb->tb_frame;
    RpCodeObject *co = fo->f_frame->f_code;
    *file = RpUnicode_AsUTF8(co->co_filename);
    *name = RpUnicode_AsUTF8(co->co_name);
}

static void append_repeat_note(RpStrBuf *b, int cnt)
{
    if (cnt <= TB_RECURSIVE_CUTOFF)
        return;
    char line[96];
    int extra = cnt - TB_RECURSIVE_CUTOFF;
    snprintf(line, sizeof line, "  [Previous line repeated %d more time%s]\n",
             extra, extra > 1 ? "s" : "");
    RpStrBuf_AppendStr(b, line);
}

static void format_tb(RpStrBuf *b, RpTracebackObject *tb)
{
    int depth = 0;
    for (RpTracebackObject *t = tb; t; t = t->tb_next)
        depth++;
    while (tb && depth > TB_LIMIT) {
        tb = tb->tb_next;
        depth--;
    }
    const char *last_file = NULL, *last_name = NULL;
    int last_line = -1, cnt = 0;
    for (; tb != NULL; tb = tb->tb_next) {
        const char *file, *name;
        entry_info(tb, &file, &name);
        if (last_file && strcmp(file, last_file) == 0 && tb->tb_lineno == last_line &&
            strcmp(name, last_name) == 0) {
            cnt++;
        } else {
            append_repeat_note(b, cnt);
            last_file = file, last_name = name, last_line = tb->tb_lineno;
            cnt = 1;
        }
        if (cnt > TB_RECURSIVE_CUTOFF)
            continue;
        RpObject *line = RpUnicode_FromFormat("  File \"%s\", line %d, in %s\n",
                                              file, tb->tb_lineno, name);
        if (line) {
            RpStrBuf_AppendObject(b, line);
            Rp_DECREF(line);
        }
        append_source_line(b, file, tb->tb_lineno, 4);
    }
    append_repeat_note(b, cnt);
}

/* "module.Name" unless the class lives in builtins or __main__ (CPython's
 * traceback module omits both). */
static void append_type_name(RpStrBuf *b, RpTypeObject *t)
{
    RpObject *mod = NULL;
    if (t->tp_dict)
        mod = RpDict_GetItemWithError(t->tp_dict, RP_ID(__module__));
    if (mod && RpUnicode_Check(mod) && !_RpUnicode_EqualToASCIIString(mod, "builtins") &&
        !_RpUnicode_EqualToASCIIString(mod, "__main__")) {
        RpStrBuf_AppendObject(b, mod);
        RpStrBuf_AppendChar(b, '.');
    }
    RpErr_Clear();
    RpObject *qn = RpObject_GetAttr((RpObject *)t, RP_ID(__qualname__));
    if (qn && RpUnicode_Check(qn))
        RpStrBuf_AppendObject(b, qn);
    else
        RpStrBuf_AppendStr(b, _RpType_Name(t));
    Rp_XDECREF(qn);
    RpErr_Clear();
}

static void append_syntax_error_text(RpStrBuf *b, RpSyntaxErrorObject *e)
{
    if (e->filename == NULL || !RpUnicode_Check(e->filename))
        return;
    long lineno = e->lineno && RpLong_Check(e->lineno) ? RpLong_AsLong(e->lineno) : 0;
    RpObject *hdr = RpUnicode_FromFormat("  File \"%U\", line %ld\n", e->filename, lineno);
    if (hdr) {
        RpStrBuf_AppendObject(b, hdr);
        Rp_DECREF(hdr);
    }
    if (e->text == NULL || !RpUnicode_Check(e->text))
        return;
    const char *text = RpUnicode_AsUTF8(e->text);
    const char *start = text;
    while (*start == ' ' || *start == '\t' || *start == '\f')
        start++;
    const char *end = start + strlen(start);
    while (end > start && (end[-1] == '\n' || end[-1] == '\r'))
        end--;
    RpStrBuf_AppendStr(b, "    ");
    RpStrBuf_Append(b, start, end - start);
    RpStrBuf_AppendChar(b, '\n');
    long offset = e->offset && RpLong_Check(e->offset) ? RpLong_AsLong(e->offset) : 0;
    if (offset < 1)
        return;
    long end_off = e->end_offset && RpLong_Check(e->end_offset) ? RpLong_AsLong(e->end_offset) : 0;
    long end_line = e->end_lineno && RpLong_Check(e->end_lineno) ? RpLong_AsLong(e->end_lineno) : lineno;
    /* CPython 3.11 applies the offsets to the UTF-8 bytes of the line
     * after stripping its indentation, prints no caret when that puts it
     * left of the text, and underlines a range only on one line and not
     * for indentation errors; we print the same. */
    long body_len = (long)(end - start);
    long col = offset - 1 - (long)(start - text);
    if (col < 0)
        return;
    if (col > body_len)
        col = body_len;
    long carets = 1;
    if (end_line > lineno)
        end_off = (long)strlen(text);
    if (end_off > body_len + (long)(start - text) + 1)
        end_off = body_len + (long)(start - text) + 1;
    if (end_off > offset && !RpObject_TypeCheck((RpObject *)e, (RpTypeObject *)RpExc_IndentationError))
        carets = end_off - offset;
    RpStrBuf_AppendStr(b, "    ");
    for (long i = 0; i < col; i++)
        RpStrBuf_AppendChar(b, ' ');
    for (long i = 0; i < carets; i++)
        RpStrBuf_AppendChar(b, '^');
    RpStrBuf_AppendChar(b, '\n');
}

static void append_exception_line(RpStrBuf *b, RpObject *exc)
{
    RpTypeObject *t = Rp_TYPE(exc);
    int is_syntax = RpObject_TypeCheck(exc, (RpTypeObject *)RpExc_SyntaxError);
    if (is_syntax)
        append_syntax_error_text(b, (RpSyntaxErrorObject *)exc);
    append_type_name(b, t);
    RpObject *s;
    if (is_syntax && ((RpSyntaxErrorObject *)exc)->msg)
        s = RpObject_Str(((RpSyntaxErrorObject *)exc)->msg);
    else
        s = RpObject_Str(exc);
    if (s == NULL) {
        RpErr_Clear();
        RpStrBuf_AppendStr(b, ": <exception str() failed>");
    } else if (RpUnicode_GET_LENGTH(s) > 0) {
        RpStrBuf_AppendStr(b, ": ");
        RpStrBuf_AppendObject(b, s);
    }
    Rp_XDECREF(s);
    RpObject *hint = RpSuggest_ForException(exc);
    if (hint != NULL) {
        RpStrBuf_AppendStr(b, ". Did you mean: '");
        RpStrBuf_AppendObject(b, hint);
        RpStrBuf_AppendStr(b, "'?");
        Rp_DECREF(hint);
    }
    RpStrBuf_AppendChar(b, '\n');
}

static void append_notes(RpStrBuf *b, RpObject *exc)
{
    RpObject *name = RpUnicode_InternFromString("__notes__");
    RpObject *notes = NULL;
    if (name == NULL || _RpObject_LookupAttr(exc, name, &notes) <= 0) {
        Rp_XDECREF(name);
        RpErr_Clear();
        return;
    }
    Rp_DECREF(name);
    if (RpList_Check(notes)) {
        for (Rp_ssize_t i = 0; i < RpList_GET_SIZE(notes); i++) {
            RpObject *s = RpObject_Str(RpList_GET_ITEM(notes, i));
            if (s) {
                RpStrBuf_AppendObject(b, s);
                RpStrBuf_AppendChar(b, '\n');
                Rp_DECREF(s);
            } else {
                RpErr_Clear();
            }
        }
    }
    Rp_DECREF(notes);
}

static int seen_before(RpObject *seen, RpObject *exc)
{
    RpObject *key = RpLong_FromLongLong((long long)(uintptr_t)exc);
    int r = key ? RpSet_Contains(seen, key) : -1;
    if (r == 0)
        r = RpSet_Add(seen, key) < 0 ? -1 : 0;
    Rp_XDECREF(key);
    if (r < 0)
        RpErr_Clear();
    return r != 0;
}

/* Exception groups print as a tree: each level of nesting indents the
 * lines by two spaces and a margin ("| ", "+ " on the first line of a
 * top-level group), and the members are framed by "+---- N ----" rules,
 * as CPython's traceback module does (at most 15 members and 10 levels). */
#define EG_MAX_WIDTH 15
#define EG_MAX_DEPTH 10

typedef struct {
    RpObject *seen;       /* ids of the exceptions printed so far */
    int eg_depth;         /* nesting level inside exception groups */
    int need_close;       /* the last member's closing rule is still due */
} PrintCtx;

static void append_indent(RpStrBuf *b, PrintCtx *c)
{
    for (int i = 0; i < 2 * c->eg_depth; i++)
        RpStrBuf_AppendChar(b, ' ');
}

/* Append the text in `tmp` (consumed) line by line with the current
 * indentation and margin. */
static void emit(RpStrBuf *b, PrintCtx *c, RpStrBuf *tmp, char margin)
{
    RpObject *text = RpStrBuf_Finish(tmp);
    if (text == NULL) {
        RpErr_Clear();
        return;
    }
    if (c->eg_depth == 0) {
        RpStrBuf_AppendObject(b, text);
        Rp_DECREF(text);
        return;
    }
    const char *p = RpUnicode_AsUTF8(text);
    while (p != NULL && *p) {
        const char *nl = strchr(p, '\n');
        size_t n = nl ? (size_t)(nl - p + 1) : strlen(p);
        append_indent(b, c);
        RpStrBuf_AppendChar(b, margin);
        RpStrBuf_AppendChar(b, ' ');
        RpStrBuf_Append(b, p, (Rp_ssize_t)n);
        p += n;
    }
    Rp_DECREF(text);
}

static void emit_str(RpStrBuf *b, PrintCtx *c, const char *s)
{
    RpStrBuf tmp;
    RpStrBuf_Init(&tmp);
    RpStrBuf_AppendStr(&tmp, s);
    emit(b, c, &tmp, '|');
}

static void format_one(RpStrBuf *b, RpObject *exc, PrintCtx *c);

/* The members of a group, each under its "+---- i ----" rule. */
static void format_group_members(RpStrBuf *b, RpObject *excs, PrintCtx *c)
{
    Rp_ssize_t num = RpTuple_GET_SIZE(excs);
    Rp_ssize_t n = num <= EG_MAX_WIDTH ? num : EG_MAX_WIDTH + 1;
    c->need_close = 0;
    for (Rp_ssize_t i = 0; i < n; i++) {
        int last = i == n - 1, truncated = i >= EG_MAX_WIDTH;
        if (last)
            c->need_close = 1;   /* a nested group may close it for us */
        char title[64];
        if (truncated)
            snprintf(title, sizeof title, "...");
        else
            snprintf(title, sizeof title, "%zd", i + 1);
        append_indent(b, c);
        RpObject *rule = RpUnicode_FromFormat("%s+---------------- %s ----------------\n",
                                              i == 0 ? "+-" : "  ", title);
        if (rule) {
            RpStrBuf_AppendObject(b, rule);
            Rp_DECREF(rule);
        }
        c->eg_depth++;
        if (!truncated) {
            format_one(b, RpTuple_GET_ITEM(excs, i), c);
        } else {
            Rp_ssize_t more = num - EG_MAX_WIDTH;
            char line[96];
            snprintf(line, sizeof line, "and %zd more exception%s\n", more, more > 1 ? "s" : "");
            emit_str(b, c, line);
        }
        if (last && c->need_close) {
            append_indent(b, c);
            RpStrBuf_AppendStr(b, "+------------------------------------\n");
            c->need_close = 0;
        }
        c->eg_depth--;
    }
}

/* One exception (not its chain): traceback, "Type: message", notes, and
 * for a group its members. */
static void format_body(RpStrBuf *b, RpObject *exc, PrintCtx *c)
{
    RpBaseExceptionObject *e = (RpBaseExceptionObject *)exc;
    int is_group = _RpBaseExceptionGroup_Check(exc);
    RpStrBuf tmp;
    if (is_group && c->eg_depth > EG_MAX_DEPTH) {
        char line[64];
        snprintf(line, sizeof line, "... (max_group_depth is %d)\n", EG_MAX_DEPTH);
        emit_str(b, c, line);
        return;
    }
    int toplevel = is_group && c->eg_depth == 0;
    if (toplevel)
        c->eg_depth++;
    if (e->traceback) {
        RpStrBuf_Init(&tmp);
        RpStrBuf_AppendStr(&tmp, is_group ? "Exception Group Traceback (most recent call last):\n"
                                          : "Traceback (most recent call last):\n");
        emit(b, c, &tmp, toplevel ? '+' : '|');
        RpStrBuf_Init(&tmp);
        format_tb(&tmp, (RpTracebackObject *)e->traceback);
        emit(b, c, &tmp, '|');
    }
    RpStrBuf_Init(&tmp);
    append_exception_line(&tmp, exc);
    append_notes(&tmp, exc);
    emit(b, c, &tmp, '|');
    if (is_group)
        format_group_members(b, ((RpBaseExceptionGroupObject *)exc)->excs, c);
    if (toplevel)
        c->eg_depth = 0;
}

/* An exception with its chain of causes and contexts, oldest first. */
static void format_chain(RpStrBuf *b, RpObject *exc, PrintCtx *c, int depth)
{
    RpBaseExceptionObject *e = (RpBaseExceptionObject *)exc;
    seen_before(c->seen, exc);
    if (depth < 100) {
        if (e->cause && !seen_before(c->seen, e->cause)) {
            format_chain(b, e->cause, c, depth + 1);
            emit_str(b, c, "\nThe above exception was the direct cause "
                           "of the following exception:\n\n");
        } else if (e->context && !e->suppress_context && !seen_before(c->seen, e->context)) {
            format_chain(b, e->context, c, depth + 1);
            emit_str(b, c, "\nDuring handling of the above exception, "
                           "another exception occurred:\n\n");
        }
    }
    format_body(b, exc, c);
}

static void format_one(RpStrBuf *b, RpObject *exc, PrintCtx *c)
{
    format_chain(b, exc, c, 0);
}

static void format_exception(RpStrBuf *b, RpObject *exc, RpObject *seen, int depth)
{
    PrintCtx c = {seen, 0, 0};
    format_chain(b, exc, &c, depth);
}

static void write_stderr_text(RpObject *text)
{
    RpObject *file = RpSys_GetObject("stderr");
    if (file == NULL || file == Rp_None || RpFile_WriteObject(text, file, RP_PRINT_RAW) < 0) {
        RpErr_Clear();
        fputs(RpUnicode_AsUTF8(text), stderr);
        fflush(stderr);
    }
    if (file && file != Rp_None) {
        RpObject *r = RpObject_CallMethod0(file, "flush");
        if (r == NULL)
            RpErr_Clear();
        Rp_XDECREF(r);
    }
}

void RpErr_Display(RpObject *exc)
{
    if (exc == NULL || !RpExceptionInstance_Check(exc))
        return;
    /* Printing must not lose an exception that is pending now. */
    RpObject *pending = RpErr_GetRaisedException();
    RpObject *seen = RpSet_New(NULL);
    RpStrBuf b;
    RpStrBuf_Init(&b);
    if (seen != NULL)
        format_exception(&b, exc, seen, 0);
    Rp_XDECREF(seen);
    RpObject *text = RpStrBuf_Finish(&b);
    if (text != NULL) {
        write_stderr_text(text);
        Rp_DECREF(text);
    }
    RpErr_Clear();
    RpErr_SetRaisedException(pending);
}

int RpTraceBack_Print(RpObject *tb, RpObject *file)
{
    if (tb == NULL || tb == Rp_None)
        return 0;
    if (!Rp_IS_TYPE(tb, &RpTraceBack_Type)) {
        RpErr_BadInternalCall();
        return -1;
    }
    RpStrBuf b;
    RpStrBuf_Init(&b);
    RpStrBuf_AppendStr(&b, "Traceback (most recent call last):\n");
    format_tb(&b, (RpTracebackObject *)tb);
    RpObject *text = RpStrBuf_Finish(&b);
    if (text == NULL)
        return -1;
    int r = file ? RpFile_WriteObject(text, file, RP_PRINT_RAW) : 0;
    if (file == NULL)
        write_stderr_text(text);
    Rp_DECREF(text);
    return r;
}
