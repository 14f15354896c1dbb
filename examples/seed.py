# The examples of the user's notes on Python memory management, made
# runnable (typos fixed) and printing what the notes' tables show.
# Runs unchanged on CPython 3.11 and on refpy, with the same output.
import gc
import sys


def refs(obj):
    """References to obj, not counting the one this call holds."""
    return sys.getrefcount(obj) - 2   # minus our parameter and getrefcount's argument


print("== Names - References -> Objects ==")
x = int("300")          # an object made at run time (a literal would also be
y = x                   # referenced by the code's constants)
print("x = 300; y = x")
n = refs(x)             # (computed first: print's own arguments would count too)
print("type:", type(x).__name__, " value:", x, " references:", n)
print("x is y:", x is y, " id(x) == id(y):", id(x) == id(y))

del x
print("after del x, references:", refs(y))


print()
print("== Freed the moment the count reaches 0 ==")


class Word:
    def __init__(self, text):
        self.text = text
        print("  created", repr(text))

    def __del__(self):
        print("  freed  ", repr(self.text))


def print_word():
    word = Word("Seven")
    print("  inside print_word, references to word:", refs(word))


print("calling print_word()")
print_word()
print("print_word() returned: its local 'word' is gone")

keep = Word("global")
print("a global lives on, references:", refs(keep))


print()
print("== id() and the small-int cache ==")
a = 30
b = 30
print("a = 30; b = 30; a is b:", a is b, " id(a) == id(b):", id(a) == id(b))
print("int('30') is int('30'):", int("30") is int("30"))
print("int('300') is int('300'):", int("300") is int("300"))


print()
print("== Reference counting: the Node example ==")


class Node:
    def __init__(self, value):
        self.value = value

    def next(self, next):
        self.next = next

    def __del__(self):
        print("  freed Node", repr(self.value))


root = Node("root")
left = Node("left")
right = Node("right")

root.next(left)
left.next(right)
right.next(left)

print("reference counts:")
print("  root -", refs(root))
print("  left -", refs(left))
print("  right -", refs(right))

print("del root, left, right")
del root
del left
del right
print("left and right still reference each other: not freed yet")


print()
print("== Tracing: the cycle collector ==")
print("gc.collect() finds", gc.collect(), "unreachable objects")


print()
print("== Generations ==")
print("thresholds:", gc.get_threshold())
gc.collect()
survivor = []
print("a new list is in generation 0:", any(o is survivor for o in gc.get_objects(0)))
gc.collect(0)
print("after collecting generation 0, it moved to 1:",
      any(o is survivor for o in gc.get_objects(1)))
print("ints and strs are not tracked:", gc.is_tracked(300), gc.is_tracked("Seven"))
print("containers are:", gc.is_tracked(survivor))

print()
print("== The end: globals are freed at exit ==")
