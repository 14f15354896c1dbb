# ast.parse of whole programs (refpy's parser through _ast) and ast.dump.
import ast

SOURCES = [
    "import os, sys as system\nfrom . import a\nfrom ..pkg.mod import (b as c, d)\n",
    "def f(a, /, b: int = 1, *args, c, d=2, **kw) -> str:\n    '''doc'''\n    return a\n",
    "@dec\n@dec2(1)\nclass C(Base, metaclass=M):\n    x: int = 3\n    y: str\n    pass\n",
    "async def g():\n    async with a as b, c:\n        await x\n    async for i in y:\n        yield i\n",
    "for i in range(3):\n    if i:\n        continue\n    elif not i:\n        break\n    else:\n        pass\nelse:\n    x = 1\n",
    "while True:\n    del a[0], b.c\n    x += 1\n    y **= 2\n",
    "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nexcept C:\n    raise\nelse:\n    pass\nfinally:\n    f()\n",
    "try:\n    pass\nexcept* ValueError:\n    pass\n",
    "with open(p) as f, lock:\n    assert f, 'msg'\n",
    "global g1, g2\nnonlocal_ = lambda x, *y, z=1, **w: x\n",
    "x = [i for i in y if i if not i]\ns = {k: v for k, v in d.items()}\ng = (a async for a in b)\n",
    "match cmd:\n    case [x, y, *rest]:\n        pass\n    case {'k': v, **kw}:\n        pass\n    case Point(x=0, y=yy) | None:\n        pass\n    case 1 | 2.5 | 'str' | -3 | 1+2j:\n        pass\n    case (a, b) if a > b:\n        pass\n    case _:\n        pass\n",
    "f'{x!r:>10} {y=}'\nprint(*a, **k)\nx[1:2:3, ...]\n",
    "a if b else c\nx := 5\n" if False else "a if b else c\n(x := 5)\n",
    "def h():\n    yield from z\n    return\n",
    "class E:\n    def m(self):\n        nonlocal q\n",
]
for src in SOURCES:
    try:
        tree = ast.parse(src)
    except SyntaxError as e:
        print('SyntaxError', e.msg)
        continue
    print(ast.dump(tree))
tree = ast.parse(SOURCES[1])
print(ast.dump(tree, indent=1))
print(ast.get_docstring(tree.body[0]) if False else ast.get_docstring(ast.parse('"""Module doc."""\nx = 1')))
fn = tree.body[0]
print(fn.lineno, fn.col_offset, fn.end_lineno, fn.end_col_offset, fn.args.args[0].arg,
      fn.args.args[0].annotation.id, fn.returns.id)
print([type(n).__name__ for n in ast.walk(ast.parse(SOURCES[0]))])
print(ast.dump(ast.parse('1 + 1', mode='eval')), ast.dump(ast.parse('x', mode='single')))
try:
    ast.parse('x = = 1')
except SyntaxError as e:
    print('SyntaxError', e.msg, e.lineno)
try:
    ast.parse('x', mode='bogus')
except ValueError as e:
    print('ValueError', e)


class Counter(ast.NodeVisitor):
    def __init__(self):
        self.defs = []

    def visit_FunctionDef(self, node):
        self.defs.append(node.name)
        self.generic_visit(node)


c = Counter()
c.visit(ast.parse("def a():\n    def b():\n        pass\nclass K:\n    def c(self): pass\n"))
print(c.defs)
print(ast.literal_eval('[x for x in y]') if False else 'ok')
try:
    ast.literal_eval('[i for i in range(3)]')
except ValueError as e:
    print(str(e).split(' at ')[0])
