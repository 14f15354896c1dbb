# The seed's Node example: refcounts, then a cycle only the collector frees.
import gc, sys

class Node:
    def __init__(self, value):
        self.value = value
    def next(self, next):
        self.next = next

gc.collect()
root = Node('root')
left = Node('left')
right = Node('right')
root.next(left)
left.next(right)
right.next(left)
print("root", sys.getrefcount(root) - 1)
print("left", sys.getrefcount(left) - 1)
print("right", sys.getrefcount(right) - 1)
del root
del left
del right
print("collected", gc.collect())
print("again", gc.collect())

a = []
a.append(a)
del a
print("self-cycle", gc.collect())

class A:
    pass
x = A(); y = A()
x.other = y; y.other = x
x.__dict__      # materialized dicts are objects of their own
del x, y
print("with dicts", gc.collect())

gc.disable()
print(gc.isenabled())
l = [1]
l.append(l)
del l
print("disabled, count > 0:", gc.get_count()[0] > 0)
gc.enable()
print("collected after enable", gc.collect())
print(gc.get_threshold())
gc.set_threshold(500, 5, 5)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(()))
