# Source forms the front end must accept, checked by running them.
x = 1_000 + 0x_ff + 0o17 + 0b101
print(x, 1.5e-3, .5, 5., 1e10, 0e0)
print('a' 'b' "c" '''d''' """e""", b'x' b'y', r'\n', len('\N{BULLET}'))
print('\x41\101\u00e9\U0001F600'.encode('utf-8'))
name, width = "pi", 10
print(f"{name!r:>{width}}|{3.14159:.2f}|{{literal}}|{name=}|{width = }")
print(f'{"nested " + f"{name}"}', f"{'a' if x else 'b'}", f"{x:#x}")
print(F'''multi
{name}''', rf'\d{name}')
a = [i * j for i in range(3) for j in range(3) if i != j]
b = {k: v for k, v in zip("abc", range(3))}
c = {i % 3 for i in range(10)}
g = sum(i for i in range(5))
print(a, b, sorted(c), g)
(y := 5)
print(y, [z := 2, z * 3])
def f(p, /, q=2, *args, r, s=4, **kw) -> int:
    return p + q + r + s + len(args) + len(kw)
print(f(1, r=3), f(1, 2, 3, 4, r=5, t=6))
print((lambda a, *, b=2: a * b)(4))
t = 1,
u, *v = range(4)
[w1, w2] = "ab"
print(t, u, v, w1, w2)
m = [[1, 2], [3, 4]]
print(m[1][::-1], m[0][:1], "abcdef"[1:5:2])
if x > 100 and not x < 0 or x == 3:
    print("if")
elif x:
    pass
else:
    pass
print(1 < 2 < 3, x is not None, 2 not in [1], -2 ** 2, ~5, 7 // 2, 7 % 3, 2 ** -1)
with open(__file__) as fh, open(__file__) as gh:
    print(fh.readline() == gh.readline())
try:
    raise ValueError("v") from None
except (ValueError, TypeError) as e:
    print("caught", e)
finally:
    print("finally")
class C(object):
    "doc"
    attr: int = 3
    def m(self): return self.attr
print(C().m(), C.__doc__)
def gen():
    x = yield 1
    yield from range(2)
print(list(gen()))
match (1, [2, 3], {"k": "v"}):
    case (0, *_):
        print("zero")
    case (1, [2, *rest], {"k": str() as val}) if rest:
        print("matched", rest, val)
    case _:
        print("default")
for point in [(0, 0), (1, 0), (5, 5)]:
    match point:
        case (0, 0):
            print("origin")
        case (x1, 0) | (0, x1):
            print("axis", x1)
        case _:
            print("other")
match = 3; case = 4
print(match + case)
total = 0
for i in range(3):
    total += i
else:
    total *= 10
print(total)
print(*[1, 2], sep="-", **{"end": "!\n"})
x = [
    1,
    2,  # comment
]
print(x, \
      "continued")
global_var = 1
def h():
    global global_var
    global_var += 1
    def inner():
        nonlocal_var = 1
        def deeper():
            nonlocal nonlocal_var
            nonlocal_var += 1
            return nonlocal_var
        return deeper()
    return inner()
print(h(), global_var)
assert True, "never"
del x
print(...)
