/* opcodes.h -- the instruction set, as one X-macro table.
 *
 * An instruction is one 32-bit word: opcode in the low 8 bits, argument in
 * the high 24 bits (no EXTENDED_ARG).  Jump arguments are absolute
 * instruction indices.  Stack effects are written "before -> after", top of
 * stack on the right.  Where a name matches CPython 3.11's `dis` docs, the
 * semantics are 3.11's unless the comment says otherwise.
 *
 * Exceptions use a zero-cost table (see code.h): when an instruction at
 * index i raises, the VM finds the innermost entry with start <= i < end,
 * pops the value stack down to entry.depth, pushes lasti (as an int) if
 * entry.lasti, pushes the exception and jumps to entry.target.  No entry:
 * the frame is unwound.
 *
 * OP(name, comment) -- the comment is documentation only.
 */
#ifndef RP_OPCODES_H
#define RP_OPCODES_H

#define RP_OPCODES(OP) \
    OP(NOP, "") \
    OP(POP_TOP, "x ->") \
    OP(PUSH_NULL, "-> NULL") \
    OP(COPY, "arg n>=1: ... x(n) ... -> ... x(n) ... x(n)") \
    OP(SWAP, "arg n>=2: swap TOS with the n-th item") \
    OP(LOAD_CONST, "-> consts[arg]") \
    OP(LOAD_FAST, "-> localsplus[arg]; NULL raises UnboundLocalError") \
    OP(STORE_FAST, "v -> ; localsplus[arg] = v") \
    OP(DELETE_FAST, "localsplus[arg] = NULL; UnboundLocalError if already NULL") \
    OP(MAKE_CELL, "localsplus[arg] = cell(localsplus[arg]) (at function start)") \
    OP(COPY_FREE_VARS, "copy arg cells from func_closure to the last arg localsplus slots") \
    OP(LOAD_CLOSURE, "-> the cell object in localsplus[arg]") \
    OP(LOAD_DEREF, "-> contents of the cell in localsplus[arg]; empty raises NameError/UnboundLocalError") \
    OP(LOAD_CLASSDEREF, "class bodies: locals dict first, then the cell in localsplus[arg]") \
    OP(STORE_DEREF, "v -> ; cell in localsplus[arg] := v") \
    OP(DELETE_DEREF, "empty the cell in localsplus[arg]") \
    OP(LOAD_NAME, "-> locals/globals/builtins[names[arg]]") \
    OP(STORE_NAME, "v -> ; locals[names[arg]] = v") \
    OP(DELETE_NAME, "del locals[names[arg]]") \
    OP(LOAD_GLOBAL, "-> [NULL if arg&1] globals/builtins[names[arg>>1]]") \
    OP(STORE_GLOBAL, "v -> ; globals[names[arg]] = v") \
    OP(DELETE_GLOBAL, "del globals[names[arg]]") \
    OP(LOAD_ATTR, "obj -> obj.names[arg]") \
    OP(STORE_ATTR, "v obj -> ; obj.names[arg] = v") \
    OP(DELETE_ATTR, "obj -> ; del obj.names[arg]") \
    OP(LOAD_METHOD, "obj -> meth obj  |  NULL attr   (for CALL)") \
    OP(BINARY_SUBSCR, "container key -> container[key]") \
    OP(STORE_SUBSCR, "v container key -> ; container[key] = v") \
    OP(DELETE_SUBSCR, "container key -> ; del container[key]") \
    OP(BUILD_SLICE, "arg 2: start stop -> slice; arg 3: start stop step -> slice") \
    OP(BINARY_OP, "a b -> a (op) b; arg is an RP_NB_* code (inplace ones included)") \
    OP(UNARY_NEGATIVE, "x -> -x") \
    OP(UNARY_POSITIVE, "x -> +x") \
    OP(UNARY_INVERT, "x -> ~x") \
    OP(UNARY_NOT, "x -> not x") \
    OP(COMPARE_OP, "a b -> a (cmp) b; arg Rp_LT..Rp_GE") \
    OP(IS_OP, "a b -> (a is b) ^ arg") \
    OP(CONTAINS_OP, "a b -> (a in b) ^ arg") \
    OP(BUILD_TUPLE, "x1..xn -> tuple") \
    OP(BUILD_LIST, "x1..xn -> list") \
    OP(BUILD_SET, "x1..xn -> set") \
    OP(BUILD_MAP, "k1 v1 .. kn vn -> dict") \
    OP(BUILD_CONST_KEY_MAP, "v1..vn keys_tuple -> dict") \
    OP(BUILD_STRING, "s1..sn -> concatenation") \
    OP(LIST_APPEND, "... list(arg) ... v -> ... ; list.append(v), list is stack[-arg] after the pop") \
    OP(SET_ADD, "as LIST_APPEND for a set") \
    OP(MAP_ADD, "... dict(arg) ... k v -> ... ; dict[k] = v, dict is stack[-arg] after the pops") \
    OP(LIST_EXTEND, "list(arg) ... it -> list extended") \
    OP(SET_UPDATE, "set(arg) ... it -> set updated") \
    OP(DICT_UPDATE, "dict(arg) ... m -> dict updated ({**m})") \
    OP(DICT_MERGE, "as DICT_UPDATE, but a duplicate key raises TypeError (f(**a, **b)); callable is stack[-arg-2]") \
    OP(LIST_TO_TUPLE, "list -> tuple") \
    OP(FORMAT_VALUE, "v [spec if arg&4] -> str; arg&3: 0 none, 1 str, 2 repr, 3 ascii") \
    OP(UNPACK_SEQUENCE, "seq -> x_n .. x_1 (x_1 on top)") \
    OP(UNPACK_EX, "seq -> ...; arg = before | (after << 8); starred part as a list") \
    OP(JUMP, "goto arg (forward)") \
    OP(JUMP_BACKWARD, "goto arg (backward); checks the eval breaker") \
    OP(POP_JUMP_IF_FALSE, "x -> ; if not x: goto arg") \
    OP(POP_JUMP_IF_TRUE, "x -> ; if x: goto arg") \
    OP(POP_JUMP_IF_NONE, "x -> ; if x is None: goto arg") \
    OP(POP_JUMP_IF_NOT_NONE, "x -> ; if x is not None: goto arg") \
    OP(JUMP_IF_FALSE_OR_POP, "x -> x and goto arg if not x; else pop") \
    OP(JUMP_IF_TRUE_OR_POP, "x -> x and goto arg if x; else pop") \
    OP(GET_ITER, "x -> iter(x)") \
    OP(FOR_ITER, "it -> it next(it); exhausted: pop it and goto arg") \
    OP(RETURN_VALUE, "v -> ; return v") \
    OP(YIELD_VALUE, "v -> sent; suspend the generator yielding v") \
    OP(GET_YIELD_FROM_ITER, "x -> iter(x) (a generator stays itself)") \
    OP(SEND, "receiver v -> receiver yielded | (return value, goto arg) (3.11)") \
    OP(KW_NAMES, "consts[arg] is the tuple of keyword names for the next CALL") \
    OP(CALL, "NULL|meth callable|self a1..an -> result; n = arg (+1 with meth), last len(kwnames) are keywords") \
    OP(CALL_FUNCTION_EX, "NULL callable args_tuple [kwargs if arg&1] -> result") \
    OP(MAKE_FUNCTION, "[defaults if arg&1] [kwdefaults if arg&2] [annotations if arg&4] [closure if arg&8] code -> function") \
    OP(LOAD_BUILD_CLASS, "-> builtins.__build_class__") \
    OP(RAISE_VARARGS, "arg 0: re-raise the handled exception; 1: exc ->; 2: exc cause ->") \
    OP(RERAISE, "[lasti if arg] exc -> ; re-raise exc (restores f_lasti from the saved lasti when arg)") \
    OP(PUSH_EXC_INFO, "exc -> prev_handled exc ; exc becomes the handled exception") \
    OP(POP_EXCEPT, "prev_handled -> ; restore the handled exception") \
    OP(CHECK_EXC_MATCH, "exc type -> exc bool") \
    OP(BEFORE_WITH, "mgr -> bound __exit__, mgr.__enter__()") \
    OP(WITH_EXCEPT_START, "exit lasti prev exc -> exit lasti prev exc exit(type(exc), exc, tb)") \
    OP(LOAD_ASSERTION_ERROR, "-> AssertionError") \
    OP(IMPORT_NAME, "level fromlist -> module (__import__(names[arg], globals, None, fromlist, level))") \
    OP(IMPORT_FROM, "module -> module module.names[arg] (ImportError 'cannot import name')") \
    OP(IMPORT_STAR, "module -> ; copy public names into locals") \
    OP(SETUP_ANNOTATIONS, "create __annotations__ in locals if missing") \
    OP(PRINT_EXPR, "v -> ; sys.displayhook(v) (interactive mode)") \
    OP(GET_LEN, "x -> x len(x)") \
    OP(MATCH_MAPPING, "x -> x bool") \
    OP(MATCH_SEQUENCE, "x -> x bool") \
    OP(MATCH_KEYS, "subject keys -> subject keys values_tuple|None") \
    OP(MATCH_CLASS, "subject cls names -> attrs_tuple|None; arg = number of positional patterns") \
    OP(COPY_DICT_WITHOUT_KEYS, "subject keys -> subject keys rest_dict") \
    OP(GET_AWAITABLE, "x -> awaitable iterator of x; arg 1/2: after __aenter__/__aexit__ (messages)") \
    OP(GET_AITER, "x -> x.__aiter__()") \
    OP(GET_ANEXT, "aiter -> aiter awaitable(aiter.__anext__())") \
    OP(END_ASYNC_FOR, "aiter exc -> ; StopAsyncIteration ends the loop, anything else re-raises") \
    OP(BEFORE_ASYNC_WITH, "mgr -> bound __aexit__, mgr.__aenter__()") \
    OP(ASYNC_GEN_WRAP, "v -> v wrapped, so that an async generator's yield is told apart from an await") \
    OP(CHECK_EG_MATCH, "exc type -> rest match (except*: split exc by type; match None if nothing)") \
    OP(PREP_RERAISE_STAR, "orig list -> exc|None: what an except* statement re-raises")

typedef enum {
#define RP_OP_ENUM(name, doc) OP_##name,
    RP_OPCODES(RP_OP_ENUM)
#undef RP_OP_ENUM
    RP_NUM_OPCODES
} RpOpcode;

extern const char *const _RpOpcode_Names[RP_NUM_OPCODES];

/* BINARY_OP argument: the operator (in-place variants are +RP_NB_INPLACE). */
enum {
    RP_NB_ADD, RP_NB_AND, RP_NB_FLOOR_DIVIDE, RP_NB_LSHIFT, RP_NB_MATRIX_MULTIPLY,
    RP_NB_MULTIPLY, RP_NB_REMAINDER, RP_NB_OR, RP_NB_POWER, RP_NB_RSHIFT,
    RP_NB_SUBTRACT, RP_NB_TRUE_DIVIDE, RP_NB_XOR,
    RP_NB_INPLACE = 13   /* RP_NB_INPLACE + RP_NB_ADD is +=, etc. */
};

#define RP_INSTR(op, arg) ((uint32_t)(op) | ((uint32_t)(arg) << 8))
#define RP_INSTR_OP(w) ((w) & 0xFF)
#define RP_INSTR_ARG(w) ((w) >> 8)
#define RP_MAX_ARG 0xFFFFFF

#endif
