/* boolobject.c -- bool, the subclass of int with exactly two instances.
 *
 * True and False are statically allocated headers of type bool; their int
 * value is their identity (intobject.c reads it that way), so they need no
 * value field.  Everything numeric is inherited from int except & | ^,
 * which stay bool when both operands are bools.
 */
#include "rp.h"

RpObject _Rp_TrueStruct = RpObject_HEAD_INIT(&RpBool_Type);
RpObject _Rp_FalseStruct = RpObject_HEAD_INIT(&RpBool_Type);

static RpObject *bool_repr(RpObject *self)
{
    return RpUnicode_FromString(self == Rp_True ? "True" : "False");
}

static RpObject *bool_new(RpTypeObject *type, RpObject *args, RpObject *kwds)
{
    if (kwds != NULL && RpDict_GET_SIZE(kwds) > 0) {
        RpErr_SetString(RpExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    Rp_ssize_t n = RpTuple_GET_SIZE(args);
    if (n > 1)
        return RpErr_Format(RpExc_TypeError, "bool expected at most 1 argument, got %zd", n);
    if (n == 0)
        Rp_RETURN_FALSE;
    int t = RpObject_IsTrue(RpTuple_GET_ITEM(args, 0));
    if (t < 0)
        return NULL;
    return RpBool_FromLong(t);
}

static RpObject *bool_vectorcall(RpObject *type, RpObject *const *args, size_t nargsf,
                                 RpObject *kwnames)
{
    Rp_ssize_t n = RpVectorcall_NARGS(nargsf);
    if (kwnames != NULL && RpTuple_GET_SIZE(kwnames) > 0) {
        RpErr_SetString(RpExc_TypeError, "bool() takes no keyword arguments");
        return NULL;
    }
    if (n > 1)
        return RpErr_Format(RpExc_TypeError, "bool expected at most 1 argument, got %zd", n);
    if (n == 0)
        Rp_RETURN_FALSE;
    int t = RpObject_IsTrue(args[0]);
    if (t < 0)
        return NULL;
    return RpBool_FromLong(t);
}

/* a OP b as bools when both are bools, else int's operator. */
static RpObject *bool_and(RpObject *a, RpObject *b)
{
    if (RpBool_Check(a) && RpBool_Check(b))
        return RpBool_FromLong(a == Rp_True && b == Rp_True);
    return RpLong_Type.tp_as_number->nb_and(a, b);
}

static RpObject *bool_or(RpObject *a, RpObject *b)
{
    if (RpBool_Check(a) && RpBool_Check(b))
        return RpBool_FromLong(a == Rp_True || b == Rp_True);
    return RpLong_Type.tp_as_number->nb_or(a, b);
}

static RpObject *bool_xor(RpObject *a, RpObject *b)
{
    if (RpBool_Check(a) && RpBool_Check(b))
        return RpBool_FromLong((a == Rp_True) != (b == Rp_True));
    return RpLong_Type.tp_as_number->nb_xor(a, b);
}

/* The two instances are static: reaching dealloc means a count was
 * unbalanced somewhere; never free them. */
static void bool_dealloc(RpObject *self)
{
    (void)self;
}

/* Slots not named here are inherited from int by RpType_Ready. */
static RpNumberMethods bool_as_number = {
    .nb_and = bool_and,
    .nb_xor = bool_xor,
    .nb_or = bool_or,
};

RpTypeObject RpBool_Type = {
    .ob_base = RpVarObject_HEAD_INIT(&RpType_Type, 0),
    .tp_name = "bool",
    .tp_basicsize = sizeof(RpObject) + sizeof(int64_t),
    .tp_dealloc = bool_dealloc,
    .tp_as_number = &bool_as_number,
    .tp_repr = bool_repr,
    .tp_str = bool_repr,
    .tp_flags = RP_TPFLAGS_DEFAULT | RP_TPFLAGS_LONG_SUBCLASS,  /* not BASETYPE */
    .tp_doc = "bool(x) -> bool\n\nReturns True when the argument x is true, False otherwise.\n"
              "The builtins True and False are the only two instances of the class bool.\n"
              "The class bool is a subclass of the class int, and cannot be subclassed.",
    .tp_base = &RpLong_Type,
    .tp_new = bool_new,
    .tp_vectorcall = bool_vectorcall,
};
