# refpy's memory-inspection tools.  Under CPython the expected output comes
# from a reference implementation of the same functions (_refpy_shim.py).
import gc
try:
    import refpy
except ImportError:
    import _refpy_shim as refpy

x = int("300")
print(refpy.refcount(x))
y = x
print(refpy.refcount(x))
lst = [x, x]
print(refpy.refcount(x))
del lst
print(refpy.refcount(x))
h = refpy.header(x)
print(h["type"], h["refcount"], h["value"], h["id"] == id(x), h["tracked"], h["generation"])
refpy.show(y, ids=False)
refpy.show([1, 2, 3], ids=False)
refpy.show("".join(["Se", "ven"]), ids=False)
gc.collect()
box = []
print(refpy.generation(box), refpy.generation(5))
gc.collect(0)
print(refpy.generation(box))
gc.collect()
print(refpy.generation(box))
del h, box
word = "".join(["Se", "ven"])
same = word
words = [word, word, word]
refpy.graph()
