/* sha512module.c -- the `_sha512` module: SHA-512 (FIPS 180-4) of a bytes
 * object.  random.seed() needs it: CPython seeds from a str or bytes `a`
 * with the integer of a + sha512(a).digest(), so string seeds must hash
 * exactly as CPython does to reproduce its sequences.  The hash itself is
 * hashlib's (hashmodule.c). */
#include "stdmod.h"

/* _sha512.digest(data: bytes) -> the 64-byte digest */
static RpObject *sha512_digest(RpObject *self, RpObject *data)
{
    if (!RpBytes_Check(data))
        return RpErr_Format(RpExc_TypeError, "a bytes object is required, not '%.200s'",
                            Rp_TYPE(data)->tp_name);
    unsigned char out[64];
    RpStd_Sha512((const unsigned char *)RpBytes_AS_STRING(data), (size_t)RpBytes_GET_SIZE(data), out);
    return RpBytes_FromStringAndSize((const char *)out, 64);
}

static RpMethodDef sha512_methods[] = {
    {"digest", sha512_digest, RP_METH_O, NULL},
    {NULL, NULL, 0, NULL}
};

RpObject *RpInit__sha512(void)
{
    RpObject *m = RpModule_New("_sha512");
    if (m != NULL && RpModule_AddFunctions(m, sha512_methods) < 0)
        Rp_CLEAR(m);
    return m;
}
