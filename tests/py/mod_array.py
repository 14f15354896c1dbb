# array.array: typecodes, methods, slicing, operators, repr, buffer.
from array import array
import array as array_module

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

print(array_module.typecodes, array_module.ArrayType is array)
for tc in 'bBuhHiIlLqQfd':
    a = array(tc)
    print(tc, a.typecode, a.itemsize, repr(a), len(a))

a = array('i', [1, 2, 3])
print(a, repr(a), str(a), list(a), a.tolist())
a.append(4)
a.extend([5, 6])
a.extend(array('i', [7]))
a.insert(0, 0)
a.insert(-1, 99)
a.insert(100, 100)
print(a)
print(a.pop(), a.pop(0), a.pop(-2), a)
a.remove(99)
print(a, a.index(3), a.index(3, 1), a.index(3, 2, 5), a.count(3), 3 in a, 42 in a)
a.reverse()
print(a)
print(a[0], a[-1], a[1:3], a[::2], a[::-1], a[5:1:-2], a[100:])
a[0] = 10
a[-1] = 11
a[1:3] = array('i', [20, 21, 22, 23])
print(a)
a[::2] = array('i', [0] * len(a[::2]))
print(a)
del a[0]
del a[1:3]
del a[::2]
print(a)
a[:] = a
a[len(a):] = array('i', [8, 9])
print(a, len(a))

b = array('h', [1, 2]) + array('h', [3])
print(b, b * 2, 2 * b, b * 0, b * -1)
b += array('h', [4])
b *= 2
print(b)
c = array('h', [1])
c *= 0
print(c)

# comparisons (element-wise, across typecodes)
print(array('i', [1, 2]) == array('d', [1.0, 2.0]), array('i', [1, 2]) != array('i', [1, 2]))
print(array('i', [1, 2]) < array('i', [1, 3]), array('i', [1, 2]) < array('i', [1, 2, 0]),
      array('i', [2]) >= array('i', [1, 9]), array('i') == [], array('b', [1]) <= array('b', [1]))

# conversions
d = array('d', [1.5, -2.25, 1e300])
print(d, d.tobytes()[:8])
f = array('f', [1.1, 2.5])
print(f, f[0])
h = array('h', [1, 2, 256])
raw = h.tobytes()
print(raw, bytes(h), bytearray(h), len(memoryview(h).tobytes()))
h2 = array('h')
h2.frombytes(raw)
h2.frombytes(bytearray(b'\x05\x00'))
print(h2, array('h', raw), array('b', b'\x01\x02\xff'), array('B', bytearray(b'\x01\xff')))
h2.byteswap()
print(h2)
h2.fromlist([7, 8])
print(h2)
u = array('u', 'héllo')
print(u, u.tounicode(), u[1], u.itemsize)
u.fromunicode('!')
u.append('x')
print(u, repr(array('u')))
print(array('d', array('i', [1, 2])), array('q', (x * x for x in range(4))), array('L', range(3)))
print(array('Q', [2**64 - 1]), array('q', [-2**63]), array('I', [2**32 - 1]), array('b', [-128, 127]))
print(array('B', [True, False]))
info = a.buffer_info()
print(type(info), len(info), info[1] == len(a))
import copy
cp = copy.copy(a)
cp.append(1)
print(a, cp, copy.deepcopy(d))
it = iter(array('i', [1, 2]))
print(next(it), next(it), list(it), list(reversed(array('i', [1, 2, 3]))))
print(sorted(array('i', [3, 1, 2])), sum(array('d', [0.5, 0.25])), max(array('b', [1, 5, 2])))

class MyArray(array):
    pass
m = MyArray('i', [1, 2])
m.extra = 'x'
print(m, type(m).__name__, m.extra, m[0], isinstance(m, array))

# errors
for tc, v in [('b', 128), ('b', -129), ('B', 256), ('B', -1), ('h', 2**15), ('h', -2**15 - 1),
              ('H', 2**16), ('H', -1), ('i', 2**31), ('i', -2**31 - 1), ('I', 2**32), ('I', -1),
              ('l', 2**63), ('l', -2**63 - 1), ('L', 2**64), ('L', -1), ('q', 2**63),
              ('q', -2**63 - 1), ('Q', 2**64), ('Q', -1), ('i', 1.5), ('i', 'x'), ('d', 'x'),
              ('u', 'ab'), ('u', 1), ('b', 2**64), ('I', 2**63), ('H', -2**64)]:
    show(lambda: array(tc, [v]))
show(lambda: array('z'))
show(lambda: array(1))
show(lambda: array('ii'))
show(lambda: array('i', 'abc'))
show(lambda: array('u', [1]))
show(lambda: array('i', array('d', [1.0])))
show(lambda: array('u', array('i')))
show(lambda: array('i') + array('d'))
show(lambda: array('i') + [1])
show(lambda: array('i').pop())
show(lambda: array('i', [1]).pop(5))
show(lambda: array('i').remove(1))
show(lambda: array('i').index(1))
show(lambda: array('i', [1, 2, 3]).index(2, 2))
show(lambda: array('i')[0])
show(lambda: array('i').__setitem__(0, 1))
show(lambda: array('i').extend(array('d')))
show(lambda: array('i').extend(5))
show(lambda: array('i').frombytes(b'abc'))
show(lambda: array('i').fromlist((1,)))
show(lambda: array('i', [1, 2]).__setitem__(slice(0, 1), [1]))
show(lambda: array('i', [1, 2, 3, 4]).__setitem__(slice(0, 4, 2), array('i', [9])))
show(lambda: array('i').tounicode())
show(lambda: array('i', [1]).fromunicode('a'))
show(lambda: hash(array('i')))
show(lambda: array('i')['x'])
x = array('i', [1, 2])
show(lambda: x.fromlist([3, 'a']))
print(x)

# the buffer protocol: arrays are bytes-like
w = array('h', [1, 2, 3])
print(bytearray(w), b''.join([w, b'x']), b'ab' + w, bytes(w) == w.tobytes())
print(w == b'\x01\x00\x02\x00\x03\x00', b'\x01\x00\x02\x00\x03\x00' == w,
      bytearray(b'\x01\x00\x02\x00\x03\x00') == w, w == bytearray(w))
mv = memoryview(array('B', [7, 8, 9]))
print(bytes(mv), len(mv), mv[0])
e = array('i')
print(e * 3, 3 * e, e + e)
e[0:0] = array('i')
e[0:0] = array('i', [5])
e[1:1] = array('i')
del e[0:0]
e *= 4
print(e, e[::-1], e[5:], len(e))
