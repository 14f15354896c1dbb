# The type `type` and the generic protocols seen from Python.
print(type(1), type('a'), type(type), type(None), type(len), type([].append))
print(int.__name__, int.__qualname__, int.__module__, list.__mro__, bool.__mro__)
print(type.__name__, object.__doc__[:20], int.__base__, bool.__bases__)
print(issubclass(type, object), isinstance(type, type), isinstance(object, type))
print(isinstance(1, (str, int)), isinstance(1, ((str,), (float, int))), isinstance('a', ()))
try:
    isinstance(1, 1)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(int, 1)
except TypeError as e:
    print("TypeError:", e)

class Meta(type):
    def __instancecheck__(cls, inst):
        return inst == 'magic'
    def __subclasscheck__(cls, sub):
        return sub is int
class Magic(metaclass=Meta):
    pass
print(isinstance('magic', Magic), isinstance('x', Magic), issubclass(int, Magic), issubclass(str, Magic))

# operator errors
one, f = 1, 1.5
for expr in ["1 + 'a'", "'a' - 1", "[1] * 1.5", "-'a'", "~1.5", "abs('a')", "'a' @ 1",
             "divmod(1, 'a')", "pow('a', 1)", "pow('a', 1, 2)", "1 < 'a'", "[] < ()",
             "len(1)", "one[0]", "iter(1)", "one()", "None.x", "(1).x", "hash([])",
             "int([])", "float({})", "[][f]", "{}[[]]", "(1,)[0:1:0]"]:
    try:
        eval(expr)
        print(expr, 'ok')
    except Exception as e:
        print(expr, '->', type(e).__name__ + ':', e)

x = 1
try:
    x += 'a'
except TypeError as e:
    print("TypeError:", e)
t = (1, 2)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
try:
    setattr(1, 'x', 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(object(), 'x', 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(1, 2)
except TypeError as e:
    print("TypeError:", e)

# sequence protocol fallbacks
print([1, 2] + [3], 'ab' * 3, 3 * 'ab', [0] * 3, 2 * (1,), 'x' in 'xyz')
l = [1]
l += (2, 3)
l *= 2
print(l)
print(list(range(3)) == [0, 1, 2], (1, 2) < (1, 3), [1, 2] == [1, 2])

# type(name, bases, dict)
Dyn = type('Dyn', (), {'a': 1, '__repr__': lambda self: '<Dyn>'})
print(Dyn, Dyn(), Dyn.a, Dyn.__module__)
try:
    type('X', 1, {})
except TypeError as e:
    print("TypeError:", e)
try:
    type(1, (), {})
except TypeError as e:
    print("TypeError:", e)
try:
    type('X', (), {}, 1)
except TypeError as e:
    print("TypeError:", e)
print(type.__call__(int, '5'), type.mro(bool))

# truthiness
print(bool(None), bool(0), bool(''), bool([]), bool({}), bool(()), bool(object()))
# __sizeof__ and __dir__ exist
print(object().__sizeof__() > 0, 'append' in dir([]), 'real' in dir(1))
print(sorted(set(dir(object))) == sorted(object.__dir__(object())) or 'ok')
# format protocol
print(format(5, '03d'), format('a', '>3'), format(1.5, '.2f'), f'{"x"!r:>5}')
