# SyntaxError reporting of the tokenizer and parser: message, line, column.
cases = [
    "x = (", "x = )", "x = (]", "f() = 1", "1 = x", "del f()", "if x\n  pass",
    "if x:\npass", "  x=1", "if x:\n    a\n  b", "if x:\n\ta\n        b",
    "print 'hi'", "f(a=1, b)", "def f(a=1, b): pass", "x = 'abc", "x = '''abc\n\n",
    "(a b)", "[1 2]", "a b", "x = 1 +", "for 1 in x: pass", "a, f() = 1, 2",
    "(a, b) += 1", "f() += 1", "import", "def f(*): pass", "def f(**k, a): pass",
    "f(x for x in y, 1)", "f(a.b=1)", "x = 1\nelse: pass", "a = yield = 3",
    "x = b'a' 'b'", "x = 0777", "x = 1__0", "x = 0x", "x = 1_",
    "try:\n pass\n", "x = 5 if 3", "(x for x in y) = 1", "[x for x in y] = 1",
    "a + b = 1", "a if b else c = 1", "x = 'a\\x'", "def f():\n  x = 1\n   y = 2",
    "f'{}'", "f'{a!x}'", "f'{a'", "f'}'", "True = 1", "None += 1",
    "def f(x, /, y, /): pass", "del (a, 1)", "del x + 1", "x = [", "x = {1: }",
    "from x import a,", "def f[T](): pass", "class C: x = 1 y = 2", "x = 1;;",
    "if x = 1: pass", "with a as 1: pass", "(a.b := 1)", "[x for 1 in y]",
    "del *a", "... = 1", "f(), a = 1, 2", "x = f() = 1", "foo(a b",
    "x = [1, 2\ny = 3", "x = 1 +\ny = 'abc", "foo(a b)\nx = (", "x = \\ 1",
    "a\n)", "x = 0o8", "x = 0b2", "if x:\n", "def f():\n", "'a' b'c'",
    "f'{x:{y:{z}}}'", "x = 1abc", "lambda x=1, y: 0", "x = a b c",
    "return x = 1", "x = $", "while True\n  pass", "class A(:\n  pass",
    "for x in range(3):\nprint(x)", "x = (1, 2, 3]",
    "(" * 250 + ")" * 250,
]
for src in cases:
    try:
        compile(src, "<test>", "exec")
        print("no error:", repr(src))
    except SyntaxError as e:
        shown = src if len(src) < 60 else src[:20] + "..."
        print(repr(shown), "->", type(e).__name__, repr(e.msg), e.lineno, e.offset)

# deeply nested unary operators exhaust the parser, not the C stack
try:
    compile("-" * 100000 + "1", "<test>", "eval")
except MemoryError:
    print("MemoryError for 100000 nested '-'")

# a syntax error inside exec() carries the same information
try:
    exec("def f(:\n    pass")
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.offset, repr(e.text))

# invalid UTF-8 in source bytes
try:
    compile(b"x = '\xff'", "<test>", "exec")
except SyntaxError as e:
    print(type(e).__name__, e.msg)

# a large program parses (linear time)
src = "".join("v%d = [%d, (%d + 1) * 2, {'k': str(%d)}]\n" % (i, i, i, i) for i in range(10000))
ns = {}
exec(compile(src, "<big>", "exec"), ns)
print(ns["v9999"])
