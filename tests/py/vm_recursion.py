# Recursion: deep Python recursion, the recursion limit, RecursionError.
import sys

def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)

print(fact(10), fact(20))

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(500))

def forever(n):
    return forever(n + 1)

try:
    forever(0)
except RecursionError as e:
    print("RecursionError:", e)

print(sys.getrecursionlimit())

# After recovering, recursion works again.
print(depth(900))

class Node:
    def __init__(self, child):
        self.child = child
    def size(self):
        return 1 + (self.child.size() if self.child else 0)

n = None
for i in range(300):
    n = Node(n)
print(n.size())

def mutual_a(n):
    return "a" if n == 0 else mutual_b(n - 1)

def mutual_b(n):
    return "b" if n == 0 else mutual_a(n - 1)

print(mutual_a(101), mutual_b(101))

try:
    forever(0)
except RecursionError:
    print("caught again")

def catch_inside(n):
    try:
        return catch_inside(n + 1)
    except RecursionError:
        return n

print(catch_inside(0) > 900)
