# Deallocating very deep structures must not overflow the C stack (the
# trashcan), and many small objects come and go through the allocator.
import gc

gc.disable()

# A 1,000,000-deep chain of nested lists.
chain = []
for i in range(1000000):
    chain = [chain]
del chain
print("nested lists freed")

# Nested tuples and dicts.
t = ()
for i in range(200000):
    t = (t, i)
del t
print("nested tuples freed")
d = {}
for i in range(200000):
    d = {"inner": d}
del d
print("nested dicts freed")


# A long linked list of instances.
class Cell:
    pass


head = None
for i in range(300000):
    c = Cell()
    c.next = head
    head = c
c = None
head = None
print("linked instances freed")

# A deep chain that is garbage only because of a cycle at its end.
start = []
cur = start
for i in range(100000):
    nxt = []
    cur.append(nxt)
    cur = nxt
cur.append(start)
del start, cur, nxt
print("deep cycle collected:", gc.collect())

# Many objects of many sizes, allocated and freed in waves.
total = 0
for wave in range(20):
    objs = [bytes(n % 700) for n in range(wave * 1000, wave * 1000 + 5000)]
    objs += [[0] * (n % 50) for n in range(3000)]
    objs += [str(n) * (n % 40) for n in range(3000)]
    total += len(objs)
    del objs
print("allocated in waves:", total)
