/* test_parser.c -- the front end against CPython 3.11: parse snippets and
 * compare RpAST_Dump with ast.dump(ast.parse(src)), and check the
 * SyntaxError (type, msg, lineno, offset) CPython gives for bad source.
 * The expected strings were generated once with /usr/bin/python3 (3.11).
 */
#include "rp.h"
#include <stdlib.h>

static const struct { const char *src, *dump; } ok_cases[] = {
    { "x = 1",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], type_ignores=[])" },
    { "x = y = 2",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store()), Name(id='y', ctx=Store())], value=Constant(value=2))], type_ignores=[])" },
    { "a, b = b, a",
      "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Tuple(elts=[Name(id='b', ctx=Load()), Name(id='a', ctx=Load())], ctx=Load()))], type_ignores=[])" },
    { "x += 1",
      "Module(body=[AugAssign(target=Name(id='x', ctx=Store()), op=Add(), value=Constant(value=1))], type_ignores=[])" },
    { "x: int = 5",
      "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), value=Constant(value=5), simple=1)], type_ignores=[])" },
    { "(x): int",
      "Module(body=[AnnAssign(target=Name(id='x', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[])" },
    { "x.y: int",
      "Module(body=[AnnAssign(target=Attribute(value=Name(id='x', ctx=Load()), attr='y', ctx=Store()), annotation=Name(id='int', ctx=Load()), simple=0)], type_ignores=[])" },
    { "del a, (b, c)",
      "Module(body=[Delete(targets=[Name(id='a', ctx=Del()), Tuple(elts=[Name(id='b', ctx=Del()), Name(id='c', ctx=Del())], ctx=Del())])], type_ignores=[])" },
    { "del x[0], y.z",
      "Module(body=[Delete(targets=[Subscript(value=Name(id='x', ctx=Load()), slice=Constant(value=0), ctx=Del()), Attribute(value=Name(id='y', ctx=Load()), attr='z', ctx=Del())])], type_ignores=[])" },
    { "pass\nbreak\ncontinue",
      "Module(body=[Pass(), Break(), Continue()], type_ignores=[])" },
    { "return",
      "Module(body=[Return()], type_ignores=[])" },
    { "return 1, 2",
      "Module(body=[Return(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])" },
    { "raise",
      "Module(body=[Raise()], type_ignores=[])" },
    { "raise E from e",
      "Module(body=[Raise(exc=Name(id='E', ctx=Load()), cause=Name(id='e', ctx=Load()))], type_ignores=[])" },
    { "global a, b",
      "Module(body=[Global(names=['a', 'b'])], type_ignores=[])" },
    { "nonlocal c",
      "Module(body=[Nonlocal(names=['c'])], type_ignores=[])" },
    { "assert x, 'msg'",
      "Module(body=[Assert(test=Name(id='x', ctx=Load()), msg=Constant(value='msg'))], type_ignores=[])" },
    { "import a.b.c as d, e",
      "Module(body=[Import(names=[alias(name='a.b.c', asname='d'), alias(name='e')])], type_ignores=[])" },
    { "from . import x",
      "Module(body=[ImportFrom(names=[alias(name='x')], level=1)], type_ignores=[])" },
    { "from ...a.b import (c as d, e,)",
      "Module(body=[ImportFrom(module='a.b', names=[alias(name='c', asname='d'), alias(name='e')], level=3)], type_ignores=[])" },
    { "from x import *",
      "Module(body=[ImportFrom(module='x', names=[alias(name='*')], level=0)], type_ignores=[])" },
    { "if a:\n    pass\nelif b:\n    x = 1\nelse:\n    y = 2\n",
      "Module(body=[If(test=Name(id='a', ctx=Load()), body=[Pass()], orelse=[If(test=Name(id='b', ctx=Load()), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))], orelse=[Assign(targets=[Name(id='y', ctx=Store())], value=Constant(value=2))])])], type_ignores=[])" },
    { "while x:\n  x -= 1\nelse:\n  pass",
      "Module(body=[While(test=Name(id='x', ctx=Load()), body=[AugAssign(target=Name(id='x', ctx=Store()), op=Sub(), value=Constant(value=1))], orelse=[Pass()])], type_ignores=[])" },
    { "for i, j in enumerate(x):\n    print(i)\nelse:\n    pass",
      "Module(body=[For(target=Tuple(elts=[Name(id='i', ctx=Store()), Name(id='j', ctx=Store())], ctx=Store()), iter=Call(func=Name(id='enumerate', ctx=Load()), args=[Name(id='x', ctx=Load())], keywords=[]), body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Name(id='i', ctx=Load())], keywords=[]))], orelse=[Pass()])], type_ignores=[])" },
    { "async def f():\n    async for x in y:\n        await z\n    async with a as b, c:\n        pass",
      "Module(body=[AsyncFunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[AsyncFor(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Expr(value=Await(value=Name(id='z', ctx=Load())))], orelse=[]), AsyncWith(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()))], body=[Pass()])], decorator_list=[])], type_ignores=[])" },
    { "with open(f) as g, h() as (i, j):\n    pass",
      "Module(body=[With(items=[withitem(context_expr=Call(func=Name(id='open', ctx=Load()), args=[Name(id='f', ctx=Load())], keywords=[]), optional_vars=Name(id='g', ctx=Store())), withitem(context_expr=Call(func=Name(id='h', ctx=Load()), args=[], keywords=[]), optional_vars=Tuple(elts=[Name(id='i', ctx=Store()), Name(id='j', ctx=Store())], ctx=Store()))], body=[Pass()])], type_ignores=[])" },
    { "with (a as b, c as d,):\n    pass",
      "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load()), optional_vars=Name(id='b', ctx=Store())), withitem(context_expr=Name(id='c', ctx=Load()), optional_vars=Name(id='d', ctx=Store()))], body=[Pass()])], type_ignores=[])" },
    { "with (a, b):\n    pass",
      "Module(body=[With(items=[withitem(context_expr=Name(id='a', ctx=Load())), withitem(context_expr=Name(id='b', ctx=Load()))], body=[Pass()])], type_ignores=[])" },
    { "with (yield):\n    pass",
      "Module(body=[With(items=[withitem(context_expr=Yield())], body=[Pass()])], type_ignores=[])" },
    { "try:\n    pass\nexcept E as e:\n    pass\nexcept (A, B):\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
      "Module(body=[Try(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), name='e', body=[Pass()]), ExceptHandler(type=Tuple(elts=[Name(id='A', ctx=Load()), Name(id='B', ctx=Load())], ctx=Load()), body=[Pass()]), ExceptHandler(body=[Pass()])], orelse=[Pass()], finalbody=[Pass()])], type_ignores=[])" },
    { "try:\n    pass\nexcept* E:\n    pass",
      "Module(body=[TryStar(body=[Pass()], handlers=[ExceptHandler(type=Name(id='E', ctx=Load()), body=[Pass()])], orelse=[], finalbody=[])], type_ignores=[])" },
    { "try:\n    pass\nfinally:\n    x = 1",
      "Module(body=[Try(body=[Pass()], handlers=[], orelse=[], finalbody=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1))])], type_ignores=[])" },
    { "@dec\n@dec2(1)\ndef f(a, b: int = 1, *args, c, d=2, **kw) -> str:\n    '''doc'''\n    return a",
      "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a'), arg(arg='b', annotation=Name(id='int', ctx=Load()))], vararg=arg(arg='args'), kwonlyargs=[arg(arg='c'), arg(arg='d')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='kw'), defaults=[Constant(value=1)]), body=[Expr(value=Constant(value='doc')), Return(value=Name(id='a', ctx=Load()))], decorator_list=[Name(id='dec', ctx=Load()), Call(func=Name(id='dec2', ctx=Load()), args=[Constant(value=1)], keywords=[])], returns=Name(id='str', ctx=Load()))], type_ignores=[])" },
    { "def f(a, /, b, *, c):\n    pass",
      "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], kwonlyargs=[arg(arg='c')], kw_defaults=[None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])" },
    { "class A(B, C, metaclass=M, **kw):\n    x = 1\n    def m(self): pass",
      "Module(body=[ClassDef(name='A', bases=[Name(id='B', ctx=Load()), Name(id='C', ctx=Load())], keywords=[keyword(arg='metaclass', value=Name(id='M', ctx=Load())), keyword(value=Name(id='kw', ctx=Load()))], body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=1)), FunctionDef(name='m', args=arguments(posonlyargs=[], args=[arg(arg='self')], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Pass()], decorator_list=[])], decorator_list=[])], type_ignores=[])" },
    { "class A: pass",
      "Module(body=[ClassDef(name='A', bases=[], keywords=[], body=[Pass()], decorator_list=[])], type_ignores=[])" },
    { "lambda: 0",
      "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Constant(value=0)))], type_ignores=[])" },
    { "lambda a, /, b=1, *c, d, e=2, **f: 0",
      "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[arg(arg='a')], args=[arg(arg='b')], vararg=arg(arg='c'), kwonlyargs=[arg(arg='d'), arg(arg='e')], kw_defaults=[None, Constant(value=2)], kwarg=arg(arg='f'), defaults=[Constant(value=1)]), body=Constant(value=0)))], type_ignores=[])" },
    { "lambda *, a: a",
      "Module(body=[Expr(value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a')], kw_defaults=[None], defaults=[]), body=Name(id='a', ctx=Load())))], type_ignores=[])" },
    { "x = a if b else c",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=Name(id='c', ctx=Load())))], type_ignores=[])" },
    { "x = (y := 10)",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=NamedExpr(target=Name(id='y', ctx=Store()), value=Constant(value=10)))], type_ignores=[])" },
    { "f(a, *b, c=1, **d)",
      "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load()), Starred(value=Name(id='b', ctx=Load()), ctx=Load())], keywords=[keyword(arg='c', value=Constant(value=1)), keyword(value=Name(id='d', ctx=Load()))]))], type_ignores=[])" },
    { "f(x for x in y)",
      "Module(body=[Expr(value=Call(func=Name(id='f', ctx=Load()), args=[GeneratorExp(elt=Name(id='x', ctx=Load()), generators=[comprehension(target=Name(id='x', ctx=Store()), iter=Name(id='y', ctx=Load()), ifs=[], is_async=0)])], keywords=[]))], type_ignores=[])" },
    { "f(a)(b)[c].d",
      "Module(body=[Expr(value=Attribute(value=Subscript(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[Name(id='a', ctx=Load())], keywords=[]), args=[Name(id='b', ctx=Load())], keywords=[]), slice=Name(id='c', ctx=Load()), ctx=Load()), attr='d', ctx=Load()))], type_ignores=[])" },
    { "a[1:2, 3]",
      "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2)), Constant(value=3)], ctx=Load()), ctx=Load()))], type_ignores=[])" },
    { "a[1:2]",
      "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(lower=Constant(value=1), upper=Constant(value=2)), ctx=Load()))], type_ignores=[])" },
    { "a[::2]",
      "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(step=Constant(value=2)), ctx=Load()))], type_ignores=[])" },
    { "a[:]",
      "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Slice(), ctx=Load()))], type_ignores=[])" },
    { "a[x, y]",
      "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])" },
    { "a[*b]",
      "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Starred(value=Name(id='b', ctx=Load()), ctx=Load())], ctx=Load()), ctx=Load()))], type_ignores=[])" },
    { "a[1:2:3, ...]",
      "Module(body=[Expr(value=Subscript(value=Name(id='a', ctx=Load()), slice=Tuple(elts=[Slice(lower=Constant(value=1), upper=Constant(value=2), step=Constant(value=3)), Constant(value=Ellipsis)], ctx=Load()), ctx=Load()))], type_ignores=[])" },
    { "x = -1 ** 2",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=USub(), operand=BinOp(left=Constant(value=1), op=Pow(), right=Constant(value=2))))], type_ignores=[])" },
    { "x = not a == b",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=UnaryOp(op=Not(), operand=Compare(left=Name(id='a', ctx=Load()), ops=[Eq()], comparators=[Name(id='b', ctx=Load())])))], type_ignores=[])" },
    { "a < b <= c != d",
      "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[Lt(), LtE(), NotEq()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load()), Name(id='d', ctx=Load())]))], type_ignores=[])" },
    { "a is not b",
      "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[IsNot()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])" },
    { "a not in b",
      "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[NotIn()], comparators=[Name(id='b', ctx=Load())]))], type_ignores=[])" },
    { "a in b is c",
      "Module(body=[Expr(value=Compare(left=Name(id='a', ctx=Load()), ops=[In(), Is()], comparators=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]))], type_ignores=[])" },
    { "x = a or b and c or not d",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BoolOp(op=Or(), values=[Name(id='a', ctx=Load()), BoolOp(op=And(), values=[Name(id='b', ctx=Load()), Name(id='c', ctx=Load())]), UnaryOp(op=Not(), operand=Name(id='d', ctx=Load()))]))], type_ignores=[])" },
    { "x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Name(id='a', ctx=Load()), op=BitOr(), right=BinOp(left=Name(id='b', ctx=Load()), op=BitXor(), right=BinOp(left=Name(id='c', ctx=Load()), op=BitAnd(), right=BinOp(left=BinOp(left=Name(id='d', ctx=Load()), op=LShift(), right=Name(id='e', ctx=Load())), op=RShift(), right=BinOp(left=BinOp(left=Name(id='f', ctx=Load()), op=Add(), right=Name(id='g', ctx=Load())), op=Sub(), right=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Name(id='h', ctx=Load()), op=Mult(), right=Name(id='i', ctx=Load())), op=Div(), right=Name(id='j', ctx=Load())), op=FloorDiv(), right=Name(id='k', ctx=Load())), op=Mod(), right=Name(id='l', ctx=Load())), op=MatMult(), right=Name(id='m', ctx=Load()))))))))], type_ignores=[])" },
    { "x = ~a + -b - +c",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=UnaryOp(op=Invert(), operand=Name(id='a', ctx=Load())), op=Add(), right=UnaryOp(op=USub(), operand=Name(id='b', ctx=Load()))), op=Sub(), right=UnaryOp(op=UAdd(), operand=Name(id='c', ctx=Load()))))], type_ignores=[])" },
    { "x = [1, 2, *a]",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2), Starred(value=Name(id='a', ctx=Load()), ctx=Load())], ctx=Load()))], type_ignores=[])" },
    { "x = (1,)",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=1)], ctx=Load()))], type_ignores=[])" },
    { "x = ()",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[], ctx=Load()))], type_ignores=[])" },
    { "x = []",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[], ctx=Load()))], type_ignores=[])" },
    { "x = {}",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[], values=[]))], type_ignores=[])" },
    { "x = {1, 2}",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Set(elts=[Constant(value=1), Constant(value=2)]))], type_ignores=[])" },
    { "x = {1: 2, **d, 3: 4}",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[Constant(value=1), None, Constant(value=3)], values=[Constant(value=2), Name(id='d', ctx=Load()), Constant(value=4)]))], type_ignores=[])" },
    { "x = [i for i in range(10) if i if not i]",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=ListComp(elt=Name(id='i', ctx=Load()), generators=[comprehension(target=Name(id='i', ctx=Store()), iter=Call(func=Name(id='range', ctx=Load()), args=[Constant(value=10)], keywords=[]), ifs=[Name(id='i', ctx=Load()), UnaryOp(op=Not(), operand=Name(id='i', ctx=Load()))], is_async=0)]))], type_ignores=[])" },
    { "x = {k: v for k, v in d.items()}",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=DictComp(key=Name(id='k', ctx=Load()), value=Name(id='v', ctx=Load()), generators=[comprehension(target=Tuple(elts=[Name(id='k', ctx=Store()), Name(id='v', ctx=Store())], ctx=Store()), iter=Call(func=Attribute(value=Name(id='d', ctx=Load()), attr='items', ctx=Load()), args=[], keywords=[]), ifs=[], is_async=0)]))], type_ignores=[])" },
    { "x = {a for b in c for a in b}",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=SetComp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='b', ctx=Store()), iter=Name(id='c', ctx=Load()), ifs=[], is_async=0), comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=0)]))], type_ignores=[])" },
    { "x = (a async for a in b)",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=GeneratorExp(elt=Name(id='a', ctx=Load()), generators=[comprehension(target=Name(id='a', ctx=Store()), iter=Name(id='b', ctx=Load()), ifs=[], is_async=1)]))], type_ignores=[])" },
    { "x = await y",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Await(value=Name(id='y', ctx=Load())))], type_ignores=[])" },
    { "def g():\n    x = yield\n    y = yield 1, 2\n    z = yield from w",
      "Module(body=[FunctionDef(name='g', args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield()), Assign(targets=[Name(id='y', ctx=Store())], value=Yield(value=Tuple(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))), Assign(targets=[Name(id='z', ctx=Store())], value=YieldFrom(value=Name(id='w', ctx=Load())))], decorator_list=[])], type_ignores=[])" },
    { "x = 'a' 'b'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='ab'))], type_ignores=[])" },
    { "x = b'a' b'\\x00'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=b'a\\x00'))], type_ignores=[])" },
    { "x = u'abc'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='abc', kind='u'))], type_ignores=[])" },
    { "x = r'\\n'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\\\\n'))], type_ignores=[])" },
    { "x = '\\n\\t\\\\\\'\\x41\\101\\u00e9'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value=\"\\n\\t\\\\'AA\303\251\"))], type_ignores=[])" },
    { "x = '''a\nb'''",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='a\\nb'))], type_ignores=[])" },
    { "x = f'a{b}c{d!r:>{e}}'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='a'), FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='c'), FormattedValue(value=Name(id='d', ctx=Load()), conversion=114, format_spec=JoinedStr(values=[Constant(value='>'), FormattedValue(value=Name(id='e', ctx=Load()), conversion=-1)]))]))], type_ignores=[])" },
    { "x = f'{x=}'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='x='), FormattedValue(value=Name(id='x', ctx=Load()), conversion=114)]))], type_ignores=[])" },
    { "x = f'{x = !s}'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='x = '), FormattedValue(value=Name(id='x', ctx=Load()), conversion=115)]))], type_ignores=[])" },
    { "x = f'{{}}{a:{b}.{c}}'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[Constant(value='{}'), FormattedValue(value=Name(id='a', ctx=Load()), conversion=-1, format_spec=JoinedStr(values=[FormattedValue(value=Name(id='b', ctx=Load()), conversion=-1), Constant(value='.'), FormattedValue(value=Name(id='c', ctx=Load()), conversion=-1)]))]))], type_ignores=[])" },
    { "x = f'{a[\"b\"]}'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=JoinedStr(values=[FormattedValue(value=Subscript(value=Name(id='a', ctx=Load()), slice=Constant(value='b'), ctx=Load()), conversion=-1)]))], type_ignores=[])" },
    { "x = F'{3.14:.2f}' + rb'x'.decode()",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=JoinedStr(values=[FormattedValue(value=Constant(value=3.14), conversion=-1, format_spec=JoinedStr(values=[Constant(value='.2f')]))]), op=Add(), right=Call(func=Attribute(value=Constant(value=b'x'), attr='decode', ctx=Load()), args=[], keywords=[])))], type_ignores=[])" },
    { "x = 1_000_000 + 0x_ff + 0o17 + 0b101 + 1.5e-3 + .5 + 5. + 1e10",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=BinOp(left=Constant(value=1000000), op=Add(), right=Constant(value=255)), op=Add(), right=Constant(value=15)), op=Add(), right=Constant(value=5)), op=Add(), right=Constant(value=0.0015)), op=Add(), right=Constant(value=0.5)), op=Add(), right=Constant(value=5.0)), op=Add(), right=Constant(value=10000000000.0)))], type_ignores=[])" },
    { "x = True, False, None, ...",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Tuple(elts=[Constant(value=True), Constant(value=False), Constant(value=None), Constant(value=Ellipsis)], ctx=Load()))], type_ignores=[])" },
    { "match x:\n    case [1, *r] | {'a': 2, **kw} | C(1, b=2) | -1 | None | a.b as z:\n        pass\n    case (a, b) if a > b:\n        pass\n    case _:\n        pass",
      "Module(body=[Match(subject=Name(id='x', ctx=Load()), cases=[match_case(pattern=MatchAs(pattern=MatchOr(patterns=[MatchSequence(patterns=[MatchValue(value=Constant(value=1)), MatchStar(name='r')]), MatchMapping(keys=[Constant(value='a')], patterns=[MatchValue(value=Constant(value=2))], rest='kw'), MatchClass(cls=Name(id='C', ctx=Load()), patterns=[MatchValue(value=Constant(value=1))], kwd_attrs=['b'], kwd_patterns=[MatchValue(value=Constant(value=2))]), MatchValue(value=UnaryOp(op=USub(), operand=Constant(value=1))), MatchSingleton(value=None), MatchValue(value=Attribute(value=Name(id='a', ctx=Load()), attr='b', ctx=Load()))]), name='z'), body=[Pass()]), match_case(pattern=MatchSequence(patterns=[MatchAs(name='a'), MatchAs(name='b')]), guard=Compare(left=Name(id='a', ctx=Load()), ops=[Gt()], comparators=[Name(id='b', ctx=Load())]), body=[Pass()]), match_case(pattern=MatchAs(), body=[Pass()])])], type_ignores=[])" },
    { "match x, y:\n    case 1, 2:\n        pass\n    case {1: _, 'x': [*_]}:\n        pass\n    case Point(x=0) | str():\n        pass",
      "Module(body=[Match(subject=Tuple(elts=[Name(id='x', ctx=Load()), Name(id='y', ctx=Load())], ctx=Load()), cases=[match_case(pattern=MatchSequence(patterns=[MatchValue(value=Constant(value=1)), MatchValue(value=Constant(value=2))]), body=[Pass()]), match_case(pattern=MatchMapping(keys=[Constant(value=1), Constant(value='x')], patterns=[MatchAs(), MatchSequence(patterns=[MatchStar()])]), body=[Pass()]), match_case(pattern=MatchOr(patterns=[MatchClass(cls=Name(id='Point', ctx=Load()), patterns=[], kwd_attrs=['x'], kwd_patterns=[MatchValue(value=Constant(value=0))]), MatchClass(cls=Name(id='str', ctx=Load()), patterns=[], kwd_attrs=[], kwd_patterns=[])]), body=[Pass()])])], type_ignores=[])" },
    { "match = 1\nmatch.x = 2\nmatch(3)\ncase = 4",
      "Module(body=[Assign(targets=[Name(id='match', ctx=Store())], value=Constant(value=1)), Assign(targets=[Attribute(value=Name(id='match', ctx=Load()), attr='x', ctx=Store())], value=Constant(value=2)), Expr(value=Call(func=Name(id='match', ctx=Load()), args=[Constant(value=3)], keywords=[])), Assign(targets=[Name(id='case', ctx=Store())], value=Constant(value=4))], type_ignores=[])" },
    { "print(*a, sep='')",
      "Module(body=[Expr(value=Call(func=Name(id='print', ctx=Load()), args=[Starred(value=Name(id='a', ctx=Load()), ctx=Load())], keywords=[keyword(arg='sep', value=Constant(value=''))]))], type_ignores=[])" },
    { "x = y[1](2).z\n",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Attribute(value=Call(func=Subscript(value=Name(id='y', ctx=Load()), slice=Constant(value=1), ctx=Load()), args=[Constant(value=2)], keywords=[]), attr='z', ctx=Load()))], type_ignores=[])" },
    { "if x:\n\n    # comment\n    pass\n\n",
      "Module(body=[If(test=Name(id='x', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])" },
    { "x = (1 +\n     2)",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])" },
    { "x = 1 + \\\n    2",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=BinOp(left=Constant(value=1), op=Add(), right=Constant(value=2)))], type_ignores=[])" },
    { "x = [\n  1,\n  2,\n]",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=List(elts=[Constant(value=1), Constant(value=2)], ctx=Load()))], type_ignores=[])" },
    { "for x, in y: pass",
      "Module(body=[For(target=Tuple(elts=[Name(id='x', ctx=Store())], ctx=Store()), iter=Name(id='y', ctx=Load()), body=[Pass()], orelse=[])], type_ignores=[])" },
    { "a, *b = c",
      "Module(body=[Assign(targets=[Tuple(elts=[Name(id='a', ctx=Store()), Starred(value=Name(id='b', ctx=Store()), ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])" },
    { "[a, b] = c",
      "Module(body=[Assign(targets=[List(elts=[Name(id='a', ctx=Store()), Name(id='b', ctx=Store())], ctx=Store())], value=Name(id='c', ctx=Load()))], type_ignores=[])" },
    { "(a) = 1",
      "Module(body=[Assign(targets=[Name(id='a', ctx=Store())], value=Constant(value=1))], type_ignores=[])" },
    { "x = a[b][c]",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Subscript(value=Subscript(value=Name(id='a', ctx=Load()), slice=Name(id='b', ctx=Load()), ctx=Load()), slice=Name(id='c', ctx=Load()), ctx=Load()))], type_ignores=[])" },
    { "def f(*, a=1, b): pass",
      "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[], kwonlyargs=[arg(arg='a'), arg(arg='b')], kw_defaults=[Constant(value=1), None], defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])" },
    { "def f(a, *args: int, **kw: str): pass",
      "Module(body=[FunctionDef(name='f', args=arguments(posonlyargs=[], args=[arg(arg='a')], vararg=arg(arg='args', annotation=Name(id='int', ctx=Load())), kwonlyargs=[], kw_defaults=[], kwarg=arg(arg='kw', annotation=Name(id='str', ctx=Load())), defaults=[]), body=[Pass()], decorator_list=[])], type_ignores=[])" },
    { "x = yield",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Yield())], type_ignores=[])" },
    { "f(a=1)(b=2)",
      "Module(body=[Expr(value=Call(func=Call(func=Name(id='f', ctx=Load()), args=[], keywords=[keyword(arg='a', value=Constant(value=1))]), args=[], keywords=[keyword(arg='b', value=Constant(value=2))]))], type_ignores=[])" },
    { "x = a if b else c if d else e",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=IfExp(test=Name(id='b', ctx=Load()), body=Name(id='a', ctx=Load()), orelse=IfExp(test=Name(id='d', ctx=Load()), body=Name(id='c', ctx=Load()), orelse=Name(id='e', ctx=Load()))))], type_ignores=[])" },
    { "x = lambda: (yield)",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Lambda(args=arguments(posonlyargs=[], args=[], kwonlyargs=[], kw_defaults=[], defaults=[]), body=Yield()))], type_ignores=[])" },
    { "x = {**a, 'b': 1}",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Dict(keys=[None, Constant(value='b')], values=[Name(id='a', ctx=Load()), Constant(value=1)]))], type_ignores=[])" },
    { "import a\nimport b as c",
      "Module(body=[Import(names=[alias(name='a')]), Import(names=[alias(name='b', asname='c')])], type_ignores=[])" },
    { "# -*- coding: utf-8 -*-\nx = '\303\251'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='\303\251'))], type_ignores=[])" },
    { "x = 'h\303\251llo w\303\266rld'",
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store())], value=Constant(value='h\303\251llo w\303\266rld'))], type_ignores=[])" },
};

static const struct { const char *src, *type, *msg; int lineno, offset; } err_cases[] = {
    { "x = (", "SyntaxError", "'(' was never closed", 1, 5 },
    { "x = )", "SyntaxError", "unmatched ')'", 1, 5 },
    { "x = (]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 6 },
    { "f() = 1", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 1 },
    { "1 = x", "SyntaxError", "cannot assign to literal here. Maybe you meant '==' instead of '='?", 1, 1 },
    { "del f()", "SyntaxError", "cannot delete function call", 1, 5 },
    { "if x\n  pass", "SyntaxError", "expected ':'", 1, 5 },
    { "if x:\npass", "IndentationError", "expected an indented block after 'if' statement on line 1", 2, 1 },
    { "  x=1", "IndentationError", "unexpected indent", 1, 2 },
    { "if x:\n    a\n  b", "IndentationError", "unindent does not match any outer indentation level", 3, 4 },
    { "if x:\n\ta\n        b", "TabError", "inconsistent use of tabs and spaces in indentation", 3, 1 },
    { "print 'hi'", "SyntaxError", "Missing parentheses in call to 'print'. Did you mean print(...)?", 1, 1 },
    { "f(a=1, b)", "SyntaxError", "positional argument follows keyword argument", 1, 9 },
    { "def f(a=1, b): pass", "SyntaxError", "non-default argument follows default argument", 1, 12 },
    { "x = 'abc", "SyntaxError", "unterminated string literal (detected at line 1)", 1, 5 },
    { "x = '''abc\n\n", "SyntaxError", "unterminated triple-quoted string literal (detected at line 2)", 1, 5 },
    { "(a b)", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2 },
    { "[1 2]", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 2 },
    { "a b", "SyntaxError", "invalid syntax", 1, 3 },
    { "x = 1 +", "SyntaxError", "invalid syntax", 1, 8 },
    { "for 1 in x: pass", "SyntaxError", "cannot assign to literal", 1, 5 },
    { "a, f() = 1, 2", "SyntaxError", "cannot assign to function call here. Maybe you meant '==' instead of '='?", 1, 4 },
    { "(a, b) += 1", "SyntaxError", "'tuple' is an illegal expression for augmented assignment", 1, 1 },
    { "f() += 1", "SyntaxError", "'function call' is an illegal expression for augmented assignment", 1, 1 },
    { "import", "SyntaxError", "invalid syntax", 1, 7 },
    { "def f(*): pass", "SyntaxError", "named arguments must follow bare *", 1, 7 },
    { "def f(**k, a): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 12 },
    { "f(x for x in y, 1)", "SyntaxError", "Generator expression must be parenthesized", 1, 3 },
    { "f(a.b=1)", "SyntaxError", "expression cannot contain assignment, perhaps you meant \"==\"?", 1, 3 },
    { "x = 1\nelse: pass", "SyntaxError", "invalid syntax", 2, 1 },
    { "a = yield = 3", "SyntaxError", "assignment to yield expression not possible", 1, 5 },
    { "x = b'a' 'b'", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 13 },
    { "x = 0777", "SyntaxError", "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", 1, 5 },
    { "x = 1__0", "SyntaxError", "invalid decimal literal", 1, 6 },
    { "x = 0x", "SyntaxError", "invalid hexadecimal literal", 1, 6 },
    { "x = 1_", "SyntaxError", "invalid decimal literal", 1, 6 },
    { "f(**x, *y)", "SyntaxError", "iterable argument unpacking follows keyword argument unpacking", 1, 8 },
    { "try:\n pass\n", "SyntaxError", "expected 'except' or 'finally' block", 2, 6 },
    { "x = 5 if 3", "SyntaxError", "expected 'else' after 'if' expression", 1, 5 },
    { "(x for x in y) = 1", "SyntaxError", "cannot assign to generator expression", 1, 1 },
    { "[x for x in y] = 1", "SyntaxError", "cannot assign to list comprehension here. Maybe you meant '==' instead of '='?", 1, 1 },
    { "a + b = 1", "SyntaxError", "cannot assign to expression here. Maybe you meant '==' instead of '='?", 1, 1 },
    { "a if b else c = 1", "SyntaxError", "cannot assign to conditional expression", 1, 1 },
    { "x = 'a\\x'", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 1-2: truncated \\xXX escape", 1, 10 },
    { "def f():\n  x = 1\n   y = 2", "IndentationError", "unexpected indent", 3, 3 },
    { "f'{}'", "SyntaxError", "f-string: empty expression not allowed", 1, 6 },
    { "f'{a!x}'", "SyntaxError", "f-string: invalid conversion character: expected 's', 'r', or 'a'", 1, 9 },
    { "f'{a'", "SyntaxError", "f-string: expecting '}'", 1, 6 },
    { "f'}'", "SyntaxError", "f-string: single '}' is not allowed", 1, 5 },
    { "True = 1", "SyntaxError", "cannot assign to True", 1, 1 },
    { "None += 1", "SyntaxError", "'None' is an illegal expression for augmented assignment", 1, 1 },
    { "def f(x, /, y, /): pass", "SyntaxError", "/ may appear only once", 1, 16 },
    { "del (a, 1)", "SyntaxError", "cannot delete literal", 1, 9 },
    { "del x + 1", "SyntaxError", "cannot delete expression", 1, 5 },
    { "x = [", "SyntaxError", "'[' was never closed", 1, 5 },
    { "x = {1: }", "SyntaxError", "expression expected after dictionary key and ':'", 1, 7 },
    { "from x import a,", "SyntaxError", "trailing comma not allowed without surrounding parentheses", 1, 17 },
    { "def f[T](): pass", "SyntaxError", "expected '('", 1, 6 },
    { "class C: x = 1 y = 2", "SyntaxError", "invalid syntax", 1, 16 },
    { "x = 1;;", "SyntaxError", "invalid syntax", 1, 7 },
    { "if x = 1: pass", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 4 },
    { "with a as 1: pass", "SyntaxError", "cannot assign to literal", 1, 11 },
    { "(a.b := 1)", "SyntaxError", "cannot use assignment expressions with attribute", 1, 2 },
    { "[x for 1 in y]", "SyntaxError", "cannot assign to literal", 1, 8 },
    { "del *a", "SyntaxError", "cannot delete starred", 1, 5 },
    { "... = 1", "SyntaxError", "cannot assign to ellipsis here. Maybe you meant '==' instead of '='?", 1, 1 },
    { "f(), a = 1, 2", "SyntaxError", "invalid syntax. Maybe you meant '==' or ':=' instead of '='?", 1, 6 },
    { "x = f() = 1", "SyntaxError", "cannot assign to function call", 1, 5 },
    { "foo(a b", "SyntaxError", "'(' was never closed", 1, 4 },
    { "x = [1, 2\ny = 3", "SyntaxError", "'[' was never closed", 1, 5 },
    { "x = 1 +\ny = 'abc", "SyntaxError", "unterminated string literal (detected at line 2)", 2, 5 },
    { "foo(a b)\nx = (", "SyntaxError", "invalid syntax. Perhaps you forgot a comma?", 1, 5 },
    { "x = 1 \\", "SyntaxError", "unexpected EOF while parsing", 1, 8 },
    { "x = \\ 1", "SyntaxError", "unexpected character after line continuation character", 1, 6 },
    { "a\n)", "SyntaxError", "unmatched ')'", 2, 1 },
    { "x = 0o8", "SyntaxError", "invalid digit '8' in octal literal", 1, 7 },
    { "x = 0b2", "SyntaxError", "invalid digit '2' in binary literal", 1, 7 },
    { "if x:\n", "IndentationError", "expected an indented block after 'if' statement on line 1", 1, 6 },
    { "def f():\n", "IndentationError", "expected an indented block after function definition on line 1", 1, 9 },
    { "b'\303\251'", "SyntaxError", "bytes can only contain ASCII literal characters", 1, 1 },
    { "'a' b'c'", "SyntaxError", "cannot mix bytes and nonbytes literals", 1, 9 },
    { "f'{x!r=}'", "SyntaxError", "f-string: expecting '}'", 1, 10 },
    { "f'{x:{y:{z}}}'", "SyntaxError", "f-string: expressions nested too deeply", 1, 15 },
    { "x = 1abc", "SyntaxError", "invalid decimal literal", 1, 5 },
    { "x = \303\251 $", "SyntaxError", "invalid syntax", 1, 7 },
    { "lambda x=1, y: 0", "SyntaxError", "non-default argument follows default argument", 1, 13 },
    { "x = a b c", "SyntaxError", "invalid syntax", 1, 7 },
    { "x = 1 if 2 else", "SyntaxError", "invalid syntax", 1, 16 },
    { "return x = 1", "SyntaxError", "invalid syntax", 1, 10 },
    { "while True\n  pass", "SyntaxError", "expected ':'", 1, 11 },
    { "class A(:\n  pass", "SyntaxError", "invalid syntax", 1, 9 },
    { "for x in range(3):\nprint(x)", "IndentationError", "expected an indented block after 'for' statement on line 1", 2, 1 },
    { "x = (1, 2, 3]", "SyntaxError", "closing parenthesis ']' does not match opening parenthesis '('", 1, 13 },
    { "def f(:\n    pass", "SyntaxError", "invalid syntax", 1, 7 },
    { "a = 1\n  b = 2\nc = 3", "IndentationError", "unexpected indent", 2, 2 },
    { "x = '\\N{BULLET}' '\\N{NOPE}'", "SyntaxError", "(unicode error) 'unicodeescape' codec can't decode bytes in position 0-7: unknown Unicode character name", 1, 28 },
    { "with (a as b, c as d: pass", "SyntaxError", "invalid syntax", 1, 21 },
    { "if x:\n  pass\n else:\n  pass", "IndentationError", "unindent does not match any outer indentation level", 3, 7 },
    { "match x:\n    case 1+: pass", "SyntaxError", "invalid syntax", 2, 12 },
    { "f'{a b}'", "SyntaxError", "f-string: invalid syntax. Perhaps you forgot a comma?", 1, 2 },
    { "x = {1: 2, 3}", "SyntaxError", "':' expected after dictionary key", 1, 12 },
    { "x = 1 if True else 2 else 3", "SyntaxError", "invalid syntax", 1, 22 },
    { "def f(a, *, b=1, **c, d): pass", "SyntaxError", "arguments cannot follow var-keyword argument", 1, 23 },
    { "async = 1", "SyntaxError", "invalid syntax", 1, 7 },
};

static int failures;

static RpObject *parse(const char *src, size_t len, RpArena *a, mod_ty *out)
{
    RpObject *fn = RpUnicode_FromString("<test>");
    if (fn == NULL)
        return NULL;
    *out = RpParser_ParseString(src, (Rp_ssize_t)len, fn, RP_FILE_INPUT, a);
    return fn;
}

static void check_ok(const char *src, const char *want)
{
    RpArena *a = RpArena_New();
    mod_ty m = NULL;
    RpObject *fn = parse(src, strlen(src), a, &m);
    if (m == NULL) {
        printf("FAIL (error) %s\n", src);
        RpErr_Print();
        failures++;
    } else {
        char *buf = NULL;
        size_t len = 0;
        FILE *f = open_memstream(&buf, &len);
        RpAST_Dump(m, f);
        fclose(f);
        if (strcmp(buf, want) != 0) {
            printf("FAIL %s\n  want %s\n  got  %s\n", src, want, buf);
            failures++;
        }
        free(buf);
    }
    Rp_XDECREF(fn);
    RpArena_Free(a);
}

static long attr_long(RpObject *exc, const char *name)
{
    RpObject *v = RpObject_GetAttrString(exc, name);
    if (v == NULL) {
        RpErr_Clear();
        return -999;
    }
    long r = v == Rp_None ? -998 : RpLong_AsLong(v);
    Rp_DECREF(v);
    return r;
}

static void check_err(const char *src, size_t len, const char *type, const char *msg,
                      int lineno, int offset)
{
    RpArena *a = RpArena_New();
    mod_ty m = NULL;
    RpObject *fn = parse(src, len, a, &m);
    RpObject *exc = RpErr_GetRaisedException();
    const char *show = len > 60 ? "<long source>" : src;
    if (m != NULL || exc == NULL) {
        printf("FAIL (no error) %s\n", show);
        failures++;
    } else {
        const char *tname = Rp_TYPE(exc)->tp_name;
        RpObject *mo = strcmp(type, "MemoryError") ? RpObject_GetAttrString(exc, "msg") : NULL;
        const char *gotmsg = mo ? RpUnicode_AsUTF8(mo) : "";
        long l = mo ? attr_long(exc, "lineno") : 0, o = mo ? attr_long(exc, "offset") : 0;
        if (strcmp(tname, type) || strcmp(gotmsg, msg) || l != lineno || o != offset) {
            printf("FAIL %s\n  want %s: %s (%d, %d)\n  got  %s: %s (%ld, %ld)\n", show, type, msg,
                   lineno, offset, tname, gotmsg, l, o);
            failures++;
        }
        Rp_XDECREF(mo);
        RpErr_Clear();
    }
    Rp_XDECREF(exc);
    Rp_XDECREF(fn);
    RpArena_Free(a);
}

/* Deep nesting must fail cleanly, and fast. */
static void check_deep(void)
{
    size_t n = 100000;
    char *s = malloc(n + 2);
    memset(s, '-', n);
    s[n] = '1';
    s[n + 1] = '\0';
    check_err(s, n + 1, "MemoryError", "", 0, 0);
    memset(s, '(', 10000);
    memset(s + 10000, ')', 10000);
    s[20000] = '\0';
    check_err(s, 20000, "SyntaxError", "too many nested parentheses", 1, 201);
    free(s);
}

/* 10,000 lines must parse (linear time). */
static void check_big(void)
{
    size_t cap = 10000 * 64, len = 0;
    char *s = malloc(cap);
    for (int i = 0; i < 10000; i++)
        len += (size_t)snprintf(s + len, cap - len, "x%d = [%d, (%d + y) * 2, {'k': f(%d)}]\n", i, i, i, i);
    RpArena *a = RpArena_New();
    mod_ty m = NULL;
    RpObject *fn = parse(s, len, a, &m);
    if (m == NULL || asdl_seq_LEN(m->body) != 10000) {
        printf("FAIL big file\n");
        RpErr_Clear();
        failures++;
    }
    Rp_XDECREF(fn);
    RpArena_Free(a);
    free(s);
}

int main(void)
{
    if (Rp_Initialize() < 0)
        return 2;
    size_t nok = sizeof ok_cases / sizeof ok_cases[0];
    size_t nerr = sizeof err_cases / sizeof err_cases[0];
    for (size_t i = 0; i < nok; i++)
        check_ok(ok_cases[i].src, ok_cases[i].dump);
    for (size_t i = 0; i < nerr; i++)
        check_err(err_cases[i].src, strlen(err_cases[i].src), err_cases[i].type, err_cases[i].msg,
                  err_cases[i].lineno, err_cases[i].offset);
    check_deep();
    check_big();
    printf("%zu cases, %d failures\n", nok + nerr + 3, failures);
    Rp_Finalize();
    return failures != 0;
}
