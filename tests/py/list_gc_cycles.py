# cycles through each container type are collected by gc.collect()
import gc
class Node:
    def __init__(self, name): self.name = name
    def __del__(self): print("collected", self.name)
def cycle(make):
    n = Node(make.__name__)
    make(n)
    del n
def via_list(n): n.ref = [n]
def via_tuple(n): n.ref = ([n],)
def via_dict(n): n.ref = {"k": n}
def via_dict_key(n): n.ref = {n: 1}
def via_set(n): n.ref = {n}
def via_frozenset(n): n.ref = [frozenset([n])]
def via_iter(n): n.ref = iter([n])
def via_dict_view(n): n.ref = {1: n}.values()
def via_enumerate(n): n.ref = enumerate([n])
def via_zip(n): n.ref = zip([n])
def via_map(n): n.ref = map(id, [n])
def via_filter(n): n.ref = filter(None, [n])
def via_reversed(n): n.ref = reversed((n,))
def via_slice(n): n.ref = slice(n)
for f in (via_list, via_tuple, via_dict, via_dict_key, via_set, via_frozenset, via_iter,
          via_dict_view, via_enumerate, via_zip, via_map, via_filter, via_reversed, via_slice):
    gc.disable()
    cycle(f)
    print("before collect:", f.__name__)
    gc.collect()
gc.enable()
a = []; a.append(a); print(gc.is_tracked(a), gc.is_tracked({}), gc.is_tracked({1: 2}), gc.is_tracked({"a": []}))
print(gc.is_tracked(()), gc.is_tracked(set()), gc.is_tracked(frozenset()), gc.is_tracked(range(3)))
class Sub(dict): pass
d = {}; d[1] = []; del d[1]
print(gc.is_tracked(Sub()), gc.is_tracked(dict()), gc.is_tracked(d), gc.is_tracked({1: 2}.copy()), gc.is_tracked({1: []}.copy()))
