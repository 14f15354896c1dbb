# Reference counts of runtime-created objects, as the seed teaches them.
import sys
import gc

x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
container = [x]
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
container.append(x)
print(sys.getrefcount(x))
container.clear()
print(sys.getrefcount(x))

d = {'k': x}
print(sys.getrefcount(x))
del d
print(sys.getrefcount(x))


class Node:
    def __init__(self, value):
        self.value = value

    def next(self, next):
        self.next = next


root = Node('root')
left = Node('left')
right = Node('right')
print(sys.getrefcount(root), sys.getrefcount(left), sys.getrefcount(right))
root.next(left)
left.next(right)
right.next(left)
print(sys.getrefcount(root), sys.getrefcount(left), sys.getrefcount(right))
del root
print(sys.getrefcount(left), sys.getrefcount(right))

# attributes hold references; deleting them drops the counts
class Holder:
    pass
h = Holder()
obj = [1, 2]
h.a = obj
h.b = obj
print(sys.getrefcount(obj))
del h.a
print(sys.getrefcount(obj))
h.b = None
print(sys.getrefcount(obj))
h.c = obj
del h
print(sys.getrefcount(obj))

# a class is referenced by its instances
class K:
    pass
before = sys.getrefcount(K)
ks = [K() for _ in range(5)]
print(sys.getrefcount(K) - before)
del ks
print(sys.getrefcount(K) - before)

# bound methods hold the instance
k = K()
k.f = None
before = sys.getrefcount(k)
m = Node.next.__get__(k)
print(sys.getrefcount(k) - before)
del m
print(sys.getrefcount(k) - before)

# __del__ runs the moment the count reaches zero
class Loud:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print('del', self.name)
a = Loud('a')
b = a
del a
print('after del a')
del b
print('after del b')
def scope():
    l = Loud('local')
    print('in scope')
scope()
print('after scope')
lst = [Loud('x'), Loud('y')]
lst.pop()
print('popped')
lst = None
print('cleared')

# attributes are released in insertion order
o = Holder()
o.first = Loud('first')
o.second = Loud('second')
o.third = Loud('third')
del o
print('instance gone')

# the seed's Node cycle: two instances, no dict objects
del left, right
print('first cycle', gc.collect())
class Node2:
    def __init__(self, value):
        self.value = value
    def next(self, next):
        self.next = next
left = Node2('left')
right = Node2('right')
left.next(right)
right.next(left)
del left
del right
print('collected', gc.collect())

# once __dict__ was asked for, the dicts count too
a = Node2('a'); b = Node2('b')
a.next(b); b.next(a)
a.__dict__; b.__dict__
del a, b
print('collected with dicts', gc.collect())

# a cycle through an instance and its own attribute
z = Node2('self')
z.next(z)
del z
print('self cycle', gc.collect())
