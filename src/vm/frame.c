/* frame.c -- frames: clearing and moving the VM's RpFrame, and the
 * Python-visible frame object (RpFrame_Type).
 *
 * An RpFrame lives on the thread's data stack (or inside a generator).  A
 * frame object is made only when someone asks (a traceback, sys._getframe,
 * gen.gi_frame); it points at the live frame.  When that frame finishes
 * while the frame object is still referenced, the frame object takes over
 * a copy of the frame -- locals included -- exactly like CPython 3.11, so a
 * traceback keeps the locals of the frames it went through alive.
 */
#include "rp.h"

/* ---- RpFrame ------------------------------------------------------------- */

static void take_ownership(RpFrameObject *fo, RpFrame *f)
{
    RpFrame *dst = (RpFrame *)fo->_f_owned;
    int n = f->stacktop < 0 ? f->f_code->co_nlocalsplus : f->stacktop;
    memcpy(dst, f, offsetof(RpFrame, localsplus) + (size_t)n * sizeof(RpObject *));
    dst->stacktop = n;
    dst->owner = RP_FRAME_OWNED_BY_FRAME_OBJECT;
    dst->frame_obj = NULL;
    fo->f_frame = dst;
    fo->f_lineno = RpCode_Addr2Line(dst->f_code, RpFrame_Lasti(dst));
    if (f->previous != NULL && fo->f_back == NULL) {
        /* Keep the caller reachable as f_back once the chain is gone. */
        RpFrameObject *back = _RpFrame_GetFrameObject(f->previous);
        if (back != NULL)
            fo->f_back = (RpFrameObject *)Rp_NewRef(back);
        else
            RpErr_Clear();
    }
    dst->previous = NULL;
}

void _RpFrame_Clear(RpFrame *f)
{
    if (f->frame_obj != NULL) {
        RpFrameObject *fo = f->frame_obj;
        f->frame_obj = NULL;
        if (Rp_REFCNT(fo) > 1) {
            take_ownership(fo, f);
            Rp_DECREF(fo);
            return;
        }
        Rp_DECREF(fo);
    }
    int n = f->stacktop < 0 ? f->f_code->co_nlocalsplus : f->stacktop;
    for (int i = 0; i < n; i++)
        Rp_CLEAR(f->localsplus[i]);
    f->stacktop = 0;
    Rp_CLEAR(f->f_locals);
    if (f->f_func == NULL) {
        Rp_CLEAR(f->f_globals);
        Rp_CLEAR(f->f_builtins);
    } else {
        Rp_CLEAR(f->f_func);
    }
    Rp_CLEAR(f->f_code);
}

int _RpFrame_Traverse(RpFrame *f, visitproc visit, void *arg)
{
    Rp_VISIT(f->frame_obj);
    Rp_VISIT(f->f_locals);
    Rp_VISIT(f->f_func);
    Rp_VISIT(f->f_code);
    if (f->f_func == NULL)
        Rp_VISIT(f->f_globals);
    int n = f->stacktop < 0 ? f->f_code->co_nlocalsplus : f->stacktop;
    for (int i = 0; i < n; i++)
        Rp_VISIT(f->localsplus[i]);
    return 0;
}

void _RpFrame_Move(RpFrame *dst, RpFrame *src)
{
    int n = src->f_code->co_nlocalsplus + src->f_code->co_stacksize;
    memcpy(dst, src, offsetof(RpFrame, localsplus) + (size_t)n * sizeof(RpObject *));
    if (dst->frame_obj != NULL)
        dst->frame_obj->f_frame = dst;
}

/* Value of a localsplus slot as a name sees it: cells are looked through. */
static RpObject *slot_value(RpCodeObject *co, RpObject *v, int kind)
{
    if (v != NULL && (kind & (RP_CO_FAST_CELL | RP_CO_FAST_FREE)) && RpCell_Check(v))
        return RpCell_GET(v);
    (void)co;
    return v;
}

RpObject *_RpFrame_FastToLocals(RpFrame *f)
{
    RpCodeObject *co = f->f_code;
    if (f->f_locals == NULL && (f->f_locals = RpDict_New()) == NULL)
        return NULL;
    if (!(co->co_flags & RP_CO_OPTIMIZED))
        return f->f_locals;
    for (int i = 0; i < co->co_nlocalsplus; i++) {
        int kind = co->co_localspluskinds[i];
        RpObject *name = RpTuple_GET_ITEM(co->co_localsplusnames, i);
        RpObject *v = slot_value(co, f->localsplus[i], kind);
        if (v != NULL) {
            if (RpDict_SetItem(f->f_locals, name, v) < 0)
                return NULL;
        } else if (_RpDict_Pop(f->f_locals, name, NULL) == NULL && RpErr_Occurred()) {
            return NULL;
        }
    }
    return f->f_locals;
}

/* ---- frame objects ------------------------------------------------------ */

RpFrameObject *_RpFrame_GetFrameObject(RpFrame *f)
{
    if (f->frame_obj != NULL)
        return f->frame_obj;
    size_t nbytes = _RpFrame_SizeOf(f->f_code);
    RpFrameObject *fo = (RpFrameObject *)_RpObject_GC_NewVar(&RpFrame_Type, (Rp_ssize_t)nbytes);
    if (fo == NULL)
        return NULL;
    /* The var-object allocator stored a size where f_frame lives. */
    fo->f_frame = f;
    fo->f_back = NULL;
    fo->f_lineno = -1;
    fo->f_trace = NULL;
    fo->_f_owned_locals = NULL;
    f->frame_obj = fo;
    RpObject_GC_Track(fo);
    return fo;
}

static int frame_owns(RpFrameObject *fo)
{
    return fo->f_frame->owner == RP_FRAME_OWNED_BY_FRAME_OBJECT;
}

int RpFrame_GetLineNumber(RpFrameObject *fo)
{
    RpFrame *f = fo->f_frame;
    int lasti = RpFrame_Lasti(f);
    if (lasti < 0)
        return f->f_code->co_firstlineno;
    int line = RpCode_Addr2Line(f->f_code, lasti);
    return line < 0 ? f->f_code->co_firstlineno : line;
}

static void frame_dealloc(RpObject *op)
{
    RpFrameObject *fo = (RpFrameObject *)op;
    RpObject_GC_UnTrack(op);
    RP_TRASHCAN_BEGIN(op, frame_dealloc)
    if (frame_owns(fo))
        _RpFrame_Clear(fo->f_frame);
    Rp_CLEAR(fo->f_back);
    Rp_CLEAR(fo->f_trace);
    Rp_CLEAR(fo->_f_owned_locals);
    RpObject_GC_Del(op);
    RP_TRASHCAN_END
}

static int frame_traverse(RpObject *op, visitproc visit, void *arg)
{
    RpFrameObject *fo = (RpFrameObject *)op;
    Rp_VISIT(fo->f_back);
    Rp_VISIT(fo->f_trace);
    if (frame_owns(fo))
        return _RpFrame_Traverse(fo->f_frame, visit, arg);
    return 0;
}

/* Breaking a cycle through a finished frame drops its locals. */
static int frame_tp_clear(RpObject *op)
{
    RpFrameObject *fo = (RpFrameObject *)op;
    Rp_CLEAR(fo->f_back);
    Rp_CLEAR(fo->f_trace);
    if (frame_owns(fo)) {
        RpFrame *f = fo->f_frame;
        for (int i = 0; i < f->stacktop; i++)
            Rp_CLEAR(f->localsplus[i]);
        Rp_CLEAR(f->f_locals);
    }
    return 0;
}

static RpObject *frame_repr(RpObject *op)
{
    RpFrameObject *fo = (RpFrameObject *)op;
    RpCodeObject *co = fo->f_frame->f_code;
    return RpUnicode_FromFormat("<frame at %p, file %R, line %d, code %U>", op,
                                co->co_filename, RpFrame_GetLineNumber(fo), co->co_name);
}

static RpObject *frame_get_code(RpObject *op, void *c)
{
    return Rp_NewRef(((RpFrameObject *)op)->f_frame->f_code);
}

static RpObject *frame_get_globals(RpObject *op, void *c)
{
    RpObject *g = ((RpFrameObject *)op)->f_frame->f_globals;
    return Rp_NewRef(g ? g : Rp_None);
}

static RpObject *frame_get_builtins(RpObject *op, void *c)
{
    RpObject *b = ((RpFrameObject *)op)->f_frame->f_builtins;
    return Rp_NewRef(b ? b : Rp_None);
}

static RpObject *frame_get_locals(RpObject *op, void *c)
{
    RpObject *d = _RpFrame_FastToLocals(((RpFrameObject *)op)->f_frame);
    return d ? Rp_NewRef(d) : NULL;
}

static RpObject *frame_get_lineno(RpObject *op, void *c)
{
    return RpLong_FromLong(RpFrame_GetLineNumber((RpFrameObject *)op));
}

static RpObject *frame_get_lasti(RpObject *op, void *c)
{
    int lasti = RpFrame_Lasti(((RpFrameObject *)op)->f_frame);
    /* CPython reports a byte offset (2 bytes per code unit). */
    return RpLong_FromLong(lasti < 0 ? -1 : lasti * 2);
}

static RpObject *frame_get_back(RpObject *op, void *c)
{
    RpFrameObject *fo = (RpFrameObject *)op;
    if (fo->f_back != NULL)
        return Rp_NewRef(fo->f_back);
    if (!frame_owns(fo) && fo->f_frame->previous != NULL) {
        RpFrameObject *back = _RpFrame_GetFrameObject(fo->f_frame->previous);
        return back ? Rp_NewRef(back) : NULL;
    }
    Rp_RETURN_NONE;
}

static RpObject *frame_get_trace(RpObject *op, void *c)
{
    RpObject *t = ((RpFrameObject *)op)->f_trace;
    return Rp_NewRef(t ? t : Rp_None);
}

static int frame_set_trace(RpObject *op, RpObject *v, void *c)
{
    RpFrameObject *fo = (RpFrameObject *)op;
    Rp_XSETREF(fo->f_trace, (v == NULL || v == Rp_None) ? NULL : Rp_NewRef(v));
    return 0;
}

static RpGetSetDef frame_getset[] = {
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_lineno", frame_get_lineno, NULL, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_trace", frame_get_trace, frame_set_trace, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* frame.clear(): drop the locals of a finished frame. */
static RpObject *frame_clear_method(RpObject *op, RpObject *unused)
{
    RpFrameObject *fo = (RpFrameObject *)op;
    if (!frame_owns(fo)) {
        if (fo->f_frame->owner == RP_FRAME_OWNED_BY_GENERATOR) {
            RpErr_SetString(RpExc_RuntimeError, "cannot clear a suspended frame");
            return NULL;
        }
        RpErr_SetString(RpExc_RuntimeError, "cannot clear an executing frame");
        return NULL;
    }
    frame_tp_clear(op);
    Rp_RETURN_NONE;
}

static RpMethodDef frame_methods[] = {
    {"clear", (RpCFunction)frame_clear_method, RP_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

RpTypeObject RpFrame_Type = {
    RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "frame",
    .tp_basicsize = offsetof(RpFrameObject, _f_owned),
    .tp_itemsize = 1,
    .tp_dealloc = frame_dealloc,
    .tp_repr = frame_repr,
    .tp_getattro = RpObject_GenericGetAttr,
    .tp_setattro = RpObject_GenericSetAttr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_HAVE_GC,
    .tp_traverse = frame_traverse,
    .tp_clear = frame_tp_clear,
    .tp_methods = frame_methods,
    .tp_getset = frame_getset,
};
