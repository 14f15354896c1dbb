# How an uncaught SyntaxError is printed: the stripped source line, and a
# caret line placed as CPython 3.11 places it (none when the offset falls
# in the indentation, one caret for indentation errors, a run of carets
# for a one-line range).
import sys
srcs = ["x = 1\n  y = 2\n", "def f():\nreturn 1\n", "if True:\n    x = 1\n  y = 2\n",
        "def broken(:\n    pass\n", "x = (1, 2\n", "print 'a'\n", "a = 1 +\n",
        "x = 'abc\n", "1 = 2\n", "for x in range(3):\nprint(x)\n", "x = [1, 2\ny = 3\n",
        "def f(a, a): pass\n", "return 5\n", "x = 5 5\n", "else:\n", "a b c\n", "del f()\n",
        "x := 3\n", "'''abc\n", "f(a for a in b, c)\n", "import\n", "class A(:\n", "x = 1e\n",
        "0777\n", "x = $\n", "nonlocal x\n", "break\n",
        "    if x:\n        y = (1 +\n          2 +)\n", "d = {1: 2, 3}\n", "f(x for x in y)=1\n",
        "if x:\n\tpass\n        pass\n", "def g():\n    yield = 3\n"]
for s in srcs:
    try:
        compile(s, "prog.py", "exec")
        print("compiled", repr(s))
    except SyntaxError as e:
        e.__traceback__ = None
        sys.excepthook(type(e), e, None)
