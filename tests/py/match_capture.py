def t(subject):
    for name in ('x', 'y', 'z', 'rest', 'k'):
        globals().pop(name, None)
    match subject:
        case (x, 3):
            print('case1', x)
        case [x, y] if y > 10:
            print('case2', x, y)
        case {'k': k, **rest} if k == 'no':
            print('case3')
        case (1, z) | (z, 2):
            print('case4', z)
        case _:
            pass
    print({n: globals().get(n) for n in ('x', 'y', 'z', 'rest', 'k')})

t((1, 2))
t((5, 6))
t([7, 20])
t((1, 3))
t({'k': 'yes', 'a': 1})
t({'k': 'no'})
t((9, 2))

def f(v):
    match v:
        case [a, b, c] if a > 0:
            return 'pos', a, b, c
        case [a, b]:
            return 'two', a, b
        case {'x': a} | [a]:
            return 'alt', a
        case Point(x=0, y=yy) if yy:
            return 'pt', yy
        case _:
            try:
                return 'none', a
            except UnboundLocalError as e:
                return 'unbound', str(e)

class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x = x; self.y = y

for v in ([1, 2, 3], [-1, 2, 3], [1, 2], {'x': 4}, [5], Point(0, 7), Point(0, 0), 'str', [1, 2, 3, 4]):
    print(f(v))

def g(v):
    match v:
        case [1, (2 | 3) as w, *others] if len(others) > 5:
            return w
        case [q, *_] if q == 'nope':
            return q
        case _:
            pass
    return [n for n in ('w', 'others', 'q') if n in locals()]
print(g([1, 2, 3]))
print(g(['a']))
print(g([1, 3, 4, 5, 6, 7, 8, 9]))
class Point:
    __match_args__ = ('x', 'y')
    def __init__(self, x, y): self.x = x; self.y = y

def probe(v):
    match v:
        case [x, [y, 5]]:
            pass
        case {'a': x, 'b': 2}:
            pass
        case Point(x, y=1):
            pass
        case [x, 1] | [2, x]:
            pass
        case [*x, 9, 9]:
            pass
        case [(1 as x) | (2 as x), 0]:
            pass
        case _:
            pass
    loc = locals()
    return sorted(n for n in ("x", "y") if n in loc)

for v in ([1, [2, 6]], [1, [2, 5]], {'a': 1, 'b': 3}, Point(4, 2), Point(4, 1), [3, 3], [2, 3],
          [1, 2, 9, 8], [1, 1], [2, 1]):
    print(repr(v) if not isinstance(v, Point) else 'Point', probe(v))

def orders(v):
    match v:
        case [a, b] | [b, a, 0]:
            return a, b
        case {'k': [c, d]} | Point(x=d, y=c):
            return c, d
        case (1 | 2 | 3) as e, [f, *g] | [*g, f, 9] as h:
            return e, f, g, h
        case _:
            return None
for v in ([1, 2], [1, 2, 0], {'k': [5, 6]}, Point(7, 8), [2, [4, 5, 6]], [3, [7, 8, 9]], [4]):
    print(orders(v))

def binds(v):
    match v:
        case [x, y, z] if all(isinstance(i, int) for i in (x, y, z)) and x + y == z:
            res = 'sum'
        case [x, y, z] if False:
            res = 'never'
        case [[x, y], [z]] | [z, [x, y], 5]:
            res = 'nested'
        case _:
            res = 'none'
    loc = locals()
    return res, {n: loc[n] for n in ('x', 'y', 'z') if n in loc}
for v in ([1, 2, 3], [1, 2, 4], [[1, 2], [3]], [1, [2, 3], 5], [1, [2, 3], 6], [[1], [2]]):
    print(binds(v))
for src in ("match 1:\n case [x, x]: pass", "match 1:\n case [x] | [y]: pass",
            "match 1:\n case [x] | x: pass", "match 1:\n case {'a': x, **x}: pass"):
    try:
        compile(src, '<s>', 'exec')
    except SyntaxError as e:
        print('SyntaxError', e.msg)
