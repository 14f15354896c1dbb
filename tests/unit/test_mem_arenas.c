/* test_mem_arenas.c -- the allocator across many (2 MiB, prefaulted)
 * arenas: fill several arenas with blocks of every size class, check the
 * contents survive, free them in an interleaved order and check that all
 * but the retained arenas go back to the system. */
#include "rp.h"
#include <stdio.h>
#include <string.h>

#define NBLOCKS 200000      /* ~ 50 MiB of blocks: many arenas */

static void *blocks[NBLOCKS];
static int failures;

#define CHECK(cond, ...)                                            \
    do {                                                            \
        if (!(cond)) {                                              \
            fprintf(stderr, "FAIL %s:%d: ", __FILE__, __LINE__);    \
            fprintf(stderr, __VA_ARGS__);                           \
            fputc('\n', stderr);                                    \
            failures++;                                             \
        }                                                           \
    } while (0)

static size_t size_of(int i) { return (size_t)(i % 32 + 1) * 16; }

int main(void)
{
    RpMem_Init();
    RpMemStats s;
    for (int i = 0; i < NBLOCKS; i++) {
        blocks[i] = RpObject_Malloc(size_of(i));
        CHECK(blocks[i] != NULL, "allocation %d failed", i);
        memset(blocks[i], i & 0xFF, size_of(i));
    }
    RpMem_GetStats(&s);
    CHECK(s.using_malloc || s.arenas_live > 4, "only %zu arenas live", s.arenas_live);
    for (int i = 0; i < NBLOCKS; i++) {
        const unsigned char *p = blocks[i];
        CHECK(p[0] == (i & 0xFF) && p[size_of(i) - 1] == (i & 0xFF), "block %d corrupted", i);
    }
    /* odd blocks first, then even: pools go through partly-free states */
    for (int pass = 1; pass >= 0; pass--)
        for (int i = pass; i < NBLOCKS; i += 2)
            RpObject_Free(blocks[i]);
    RpMem_GetStats(&s);
    CHECK(s.blocks_in_use == 0 && s.pools_in_use == 0, "blocks %zu pools %zu",
          s.blocks_in_use, s.pools_in_use);
    CHECK(s.arenas_live <= 2, "arenas_live %zu after freeing everything", s.arenas_live);
    CHECK(s.using_malloc || s.arenas_freed + s.arenas_live == s.arenas_allocated,
          "arenas not returned");
    RpMem_Fini();
    if (failures) {
        fprintf(stderr, "%d failures\n", failures);
        return 1;
    }
    printf("test_mem_arenas: ok\n");
    return 0;
}
