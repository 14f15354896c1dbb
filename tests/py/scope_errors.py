# SyntaxErrors found by the symbol table and the compiler.
sources = [
    "def f(x):\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f():\n    x = 1\n    global x\n",
    "nonlocal x\n",
    "def f():\n    nonlocal y\n",
    "def f():\n    x = 1\n    def g():\n        print(x)\n        nonlocal x\n",
    "def f(a, a):\n    pass\n",
    "return 1\n",
    "break\n",
    "continue\n",
    "while 1:\n    def g():\n        continue\n",
    "class C:\n    yield 1\n",
    "[(yield) for i in y]\n",
    "[y for x in (z := [1])]\n",
    "f(a=1, a=2)\n",
    "def f():\n    from m import *\n",
    "def f(x):\n    nonlocal x\n",
]
for src in sources:
    try:
        compile(src, "<test>", "exec")
        print("compiled?!")
    except SyntaxError as e:
        print(e.msg, "| line", e.lineno)
