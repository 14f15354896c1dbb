# ast.literal_eval (every literal form, its errors) and ast.parse/dump of
# expressions and simple statements.
import ast
import re


def clean(s):
    return re.sub(r' at 0x[0-9a-f]+', ' at 0x?', s)


cases = [
    "42", "-7", "+3", "0x1F", "0o17", "0b1011", "1_000_000", "0", "00", "3.14", "1e10",
    "1.5e-3", ".5", "5.", "1_0.2_5e1_0", "2j", "-3.5j", "1+2j", "1-2j", "-1+2j", "1.5e3+4j",
    "'single'", '"double"', "'''triple\nline'''", '"""tri"ple"""', "r'raw\\n'", "R'\\d'",
    "u'unicode'", "b'bytes'", "B'\\x00\\xff'", "rb'\\n'", "BR'\\x'", "Rb'a'",
    "'esc \\n\\t\\\\ \\' \\\" \\a\\b\\f\\v\\r'", "'\\x41\\101\\0\\7\\777'", "'\\u00e9\\U0001F600'",
    "'\\N{GREEK SMALL LETTER ALPHA}\\N{bullet}'", "'unknown \\d \\q escape'", "b'\\u1234'",
    "'a' 'b' \"c\"", "b'x' b'y'", "'line\\\ncontinued'", "'é ü'",
    "True", "False", "None", "()", "(1,)", "(1, 2)", "1, 2", "(1, 'a', (None, [2]))",
    "[]", "[1, [2, [3]], {'k': (4,)}]", "[1, 2,]", "{}", "{'a': 1, 2: 'b', (3,): [4]}",
    "{1, 2, 3}", "{(1, 2), 'x'}", "set()", "  \t 12", "(\n 1,\n 2\n)", "[1, # comment\n 2]",
    "-0.0", "--1", "-(1)", "1 + 2", "x", "f(1)", "set([1])", "1 - -2j", "2j + 1",
    "[1, a]", "{'a': b}", "a.b", "a[0]", "not True", "1 if 2 else 3", "~1", "1 == 1", "2 ** 3",
    "f'x'", "f'{1}'", "...", "(1, *a)", "{**a}", "'x' * 2", "-'s'", "+ 'a'", "b'a' + b'b'",
    "1 +\n a", "[\n  1,\n  zz\n]", "100000000000000000000000", "1e400", "-1e400j",
]
for src in cases:
    try:
        v = ast.literal_eval(src)
        print(repr(src), '->', repr(v), type(v).__name__)
    except ValueError as e:
        print(repr(src), 'ValueError', clean(str(e)))
    except SyntaxError as e:
        print(repr(src), 'SyntaxError')

for bad in ["01", "1 +", "(1, 2", "'unterminated", "[1, 2]]", "1 2", "b'é'", "'a' b'b'",
            "'\\x4'", "'\\u12'", "'\\N{NO SUCH NAME}'", "", "   ", "{1: 2, 3}", "$"]:
    try:
        print(repr(bad), ast.literal_eval(bad))
    except (SyntaxError, ValueError) as e:
        print(repr(bad), type(e).__name__)

# nodes are accepted too
print(ast.literal_eval(ast.Constant(value=5)), ast.literal_eval(ast.parse('[1, -2]', mode='eval')))
print(ast.literal_eval(ast.Tuple(elts=[ast.Constant(1), ast.Constant('x')], ctx=ast.Load())))
try:
    ast.literal_eval(ast.Name(id='q', ctx=ast.Load()))
except ValueError as e:
    print(clean(str(e)))
try:
    ast.literal_eval(ast.Dict(keys=[ast.Constant(1)], values=[]))
except ValueError as e:
    print(clean(str(e)))

# parse and dump
for src in ["1 + 2 * 3", "-x ** 2", "a.b.c(1, *args, k=2, **kw)", "x[1:2, ::3]", "x[i]",
            "a < b <= c != d", "not a or b and c", "a if b else c", "[1, (2, 3), {4: 5}, {6}]",
            "'s' 'q'", "b'bytes'", "f'{x!r:>{w}} and {y}'", "lambda_ + yield_", "(a, *b)",
            "x is not None", "y not in z", "a | b ^ c & d << e >> f", "a // b % c @ d",
            "(x := 5)", "...", "{**a, 'k': v}", "u'unicode'", "~a + +b"]:
    print(ast.dump(ast.parse(src, mode='eval')))
print(ast.dump(ast.parse("x = y = 1; z += 2\nprint(x)\npass")))
print(ast.dump(ast.parse("a, b = b, a\nobj.attr[0] = 1")))
tree = ast.parse("f(a, [1, 2])", mode='eval')
print(ast.dump(tree, indent=2))
print(ast.dump(tree, annotate_fields=False))
print(ast.dump(ast.parse('x + 1', mode='eval'), include_attributes=True))
node = tree.body
print(node.lineno, node.col_offset, node.end_lineno, node.end_col_offset)
print(node.args[1].col_offset, node.args[1].end_col_offset, node.args[1].elts[1].col_offset)
multi = ast.parse("[1,\n  22,\n  333]", mode='eval').body
print([(e.lineno, e.col_offset, e.end_col_offset) for e in multi.elts], multi.end_lineno)
print(sorted({type(n).__name__ for n in ast.walk(tree)}))
print([type(n).__name__ for n in ast.iter_child_nodes(node)], list(ast.iter_fields(ast.Name('v'))))
print(ast.Constant._fields, ast.BinOp._fields, ast.Name._attributes, ast.Constant.kind)
print(issubclass(ast.BinOp, ast.expr), issubclass(ast.Add, ast.operator), isinstance(node, ast.AST))


class Names(ast.NodeVisitor):
    def __init__(self):
        self.found = []

    def visit_Name(self, node):
        self.found.append(node.id)
        self.generic_visit(node)


v = Names()
v.visit(ast.parse("a + b * f(c, d=e)", mode='eval'))
print(v.found)


class Double(ast.NodeTransformer):
    def visit_Constant(self, node):
        return ast.Constant(value=node.value * 2) if isinstance(node.value, int) else node


t = Double().visit(ast.parse("[1, 2, 'x']", mode='eval'))
print(ast.literal_eval(t))
n = ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))
print(ast.dump(n), n.left.value, hasattr(n, 'lineno'))
ast.fix_missing_locations(n)
print(n.lineno, n.col_offset)
try:
    ast.dump(3)
except TypeError as e:
    print(e)
try:
    ast.Name(1, 2, 3)
except TypeError as e:
    print(e)
