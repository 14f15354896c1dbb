/* test_embed.c -- the public embedding API (include/refpy.h only): start,
 * run code, exchange values, finalize, and start again. */
#include "refpy.h"
#include <stdio.h>
#include <string.h>

#define CHECK(cond)                                                   \
    do {                                                              \
        if (!(cond)) {                                                \
            fprintf(stderr, "%s:%d: check failed: %s\n", __FILE__,    \
                    __LINE__, #cond);                                 \
            return 1;                                                 \
        }                                                             \
    } while (0)

static int one_life(int round)
{
    CHECK(Rp_Initialize() == 0);
    CHECK(Rp_IsInitialized());
    CHECK(RpRun_SimpleString("x = [i * i for i in range(10)]\ntotal = sum(x)\n") == 0);
    RpObject *total = RpMain_GetGlobal("total");
    CHECK(total != NULL);
    CHECK(RpLong_AsLongLong(total) == 285);

    RpObject *v = RpLong_FromLongLong(41 + round);
    CHECK(v != NULL);
    CHECK(RpMain_SetGlobal("answer", v) == 0);
    Rp_DECREF(v);
    RpObject *r = RpRun_Eval("answer + 1");
    CHECK(r != NULL && RpLong_AsLongLong(r) == 42 + round);
    Rp_DECREF(r);

    RpObject *s = RpRun_Eval("'-'.join(['a', 'b'])");
    CHECK(s != NULL && strcmp(RpUnicode_AsUTF8(s), "a-b") == 0);
    Rp_DECREF(s);

    /* an error is reported, not fatal */
    CHECK(RpRun_Eval("1 / 0") == NULL);
    CHECK(RpErr_Occurred() != NULL);
    RpErr_Clear();
    CHECK(RpRun_SimpleString("import gc\nclass N: pass\na = N(); a.me = a\ndel a\n"
                             "assert gc.collect() == 1\n") == 0);
    CHECK(Rp_Finalize() == 0);
    CHECK(!Rp_IsInitialized());
    return 0;
}

int main(void)
{
    for (int round = 0; round < 2; round++)
        if (one_life(round) != 0)
            return 1;
    printf("embed ok\n");
    return 0;
}
