# The builtin functions.
print(abs(-5), abs(2.5), abs(-0.0))
print(all([1, 2]), all([1, 0]), all([]), any([0, 0]), any([0, 3]), any([]))
print(ascii("héllo"), bin(10), bin(-3), oct(64), hex(255), hex(-1))
print(callable(len), callable(5), callable(lambda: 1))
print(chr(65), chr(233), ord("A"), ord("é"), ord(b"a"))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5))
print(format(3.14159, ".2f"), format(42, "05d"), format("x", ">3"))
print(hash(1) == hash(1.0), hash("abc") == hash("abc"))
print(isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)))
print(issubclass(bool, int), issubclass(int, (str, object)))
print(len("abc"), len([1, 2]), len({1: 2}), len(range(10)))
print(max(3, 1, 2), max([1, 5, 2]), max("abc"), max([], default=0), max([1, 2], key=lambda x: -x))
print(min(3, 1, 2), min([4, 2, 8]), min("zyx"), min([(2, "b"), (1, "c")]))
print(pow(2, 10), pow(2, -1), pow(3, 4, 5), round(2.5), round(3.5), round(2.675, 2), round(7, -1))
print(repr("a'b"), repr(1.0), repr([1, "2"]))
print(sorted([3, 1, 2]), sorted("cab", reverse=True), sorted([(1, "b"), (1, "a")], key=lambda t: t[1]))
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(101)), sum([1, 2], start=10))
print(list(zip([1, 2, 3], "ab")), list(enumerate("xy", 1)), list(map(str, [1, 2])))
print(list(filter(None, [0, 1, "", "a"])), list(reversed([1, 2, 3])), list(reversed(range(3))))
print(getattr(1, "real"), getattr(1, "nope", "default"), hasattr("", "upper"), hasattr(1, "nope"))
class C:
    pass
c = C()
setattr(c, "x", 5)
print(c.x, vars(c))
delattr(c, "x")
print(hasattr(c, "x"))
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
print(type(1), type("a"), type(None), type(type))
print(int("42"), int("-0x1f", 16), int("0b101", 0), int(3.9), int(" 7 "), float("1.5"), float("-inf"))
print(str(1), str(None), str([1]), bool(0), bool([1]), bool(""))
print(list("ab"), tuple([1, 2]), dict(a=1, b=2), set([1, 1, 2]), frozenset([3]))
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}))
g = {}
exec("y = 5\ndef f(): return y * 2", g)
print(g["y"], g["f"]())
code = compile("a + 1", "<expr>", "eval")
print(eval(code, {"a": 41}))
print(id(c) == id(c), id(c) != id(C()))
print(globals()["C"] is C, "c" in globals())
def loc():
    z = 1
    return sorted(locals())
print(loc())
print(dir(C()) == dir(C()), "__init__" in dir(C))
print(slice(1, 5, 2), range(0, 10, 3), list(range(10, 0, -3)))
print(isinstance(print, object), type(print).__name__, type(len))
print(chr(0x1F600) == "\U0001F600", len(chr(0x10FFFF)))
for bad in [lambda: chr(-1), lambda: ord("ab"), lambda: len(5), lambda: next(5),
            lambda: int("x"), lambda: abs("s"), lambda: max([]), lambda: sum(["a"], ""),
            lambda: getattr(1, 2), lambda: iter(5), lambda: hash([]), lambda: sorted(1, 2)]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
