/* modules.c -- the table of built-in C modules that import looks in. */
#include "rp.h"
#include "modules/stdmod.h"

const RpBuiltinModule _RpModules_Table[] = {
    {"builtins", RpInit_builtins},
    {"sys", RpInit_sys},
    {"gc", RpInit_gc},
    {"_weakref", RpInit__weakref},
    {"atexit", RpInit_atexit},
    {"time", RpInit_time},
    {"math", RpInit_math},
    {"refpy", RpInit__refpy},
    {"posix", RpInit_posix},
    {"_thread", RpInit__thread},
    {"_multiprocessing", RpInit__multiprocessing},
    {"_signal", RpInit__signal},
    {"_sha512", RpInit__sha512},
    {"_random", RpInit__random},
    {"_re", RpInit__re},
    {"_json", RpInit__json},
    {"_struct", RpInit__struct},
    {"array", RpInit_array},
    {"binascii", RpInit_binascii},
    {"_hashlib", RpInit__hashlib},
    {"cmath", RpInit_cmath},
    {"zlib", RpInit_zlib},
    {"unicodedata", RpInit_unicodedata},
    {"_ast", RpInit__ast},
    {NULL, NULL}
};
