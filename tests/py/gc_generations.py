# Generations, promotion, thresholds, counts, freeze, get_objects,
# get_referents/get_referrers, get_stats, enable/disable.
import gc

gc.disable()
gc.collect()
print("isenabled:", gc.isenabled())
gc.enable()
print("isenabled:", gc.isenabled())
gc.disable()

print("threshold:", gc.get_threshold())
gc.set_threshold(500)
print("threshold:", gc.get_threshold())
gc.set_threshold(600, 7, 8)
print("threshold:", gc.get_threshold())
gc.set_threshold(700, 10, 10)
try:
    gc.set_threshold()
except TypeError as e:
    print("TypeError:", e)
try:
    gc.set_threshold(1, 2, 3, 4)
except TypeError as e:
    print("TypeError:", e)

count = gc.get_count()
print("count is a 3-tuple:", type(count).__name__, len(count))
before = gc.get_count()[0]
keep = [[] for i in range(100)]
after = gc.get_count()[0]
print("100 lists counted:", after - before >= 100)
gc.collect()
print("count after full collect small:", gc.get_count()[0] < 50, gc.get_count()[1:])


def generation_of(obj):
    for g in range(3):
        for o in gc.get_objects(g):
            if o is obj:
                return g
    return None


x = []
print("new list in generation", generation_of(x))
gc.collect(0)
print("after collect(0):", generation_of(x))
gc.collect(1)
print("after collect(1):", generation_of(x))
gc.collect(0)
print("collect(0) keeps it in:", generation_of(x))
gc.collect(2)
print("after collect(2):", generation_of(x))
print("count after collect(0) then (1):", end=" ")
gc.collect(0)
c1 = gc.get_count()[1]
gc.collect(0)
print(gc.get_count()[1] - c1)
print("in all objects:", any(o is x for o in gc.get_objects()))
print("int not tracked, not in objects:", generation_of(12345))
try:
    gc.get_objects(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.get_objects(-2)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.collect(3)
except ValueError as e:
    print("ValueError:", e)
try:
    gc.collect(-1)
except ValueError as e:
    print("ValueError:", e)
print("collect(generation=0):", gc.collect(generation=0))

# freeze / unfreeze
gc.collect()
print("freeze count before:", gc.get_freeze_count())
gc.freeze()
print("frozen something:", gc.get_freeze_count() > 0)
frozen_list = []
z = []
print("new objects are not frozen:", generation_of(z))


class Cyc:
    pass


c = Cyc()
c.me = c
gc.collect()
print("frozen list is in no generation:", generation_of(x))
gc.unfreeze()
print("freeze count after unfreeze:", gc.get_freeze_count())
print("unfrozen objects go to the oldest generation:", generation_of(x))
del c
print("cycle collected:", gc.collect())

# get_referents / get_referrers
a = [1, "two", (3,)]
print("referents:", sorted(map(repr, gc.get_referents(a))))
print("referents of int:", gc.get_referents(42))
d = {"k": "v"}
print("referents of dict:", sorted(gc.get_referents(d)))
holder = [a]
refs = gc.get_referrers(a)
print("holder refers to a:", any(r is holder for r in refs))
print("several objs:", len(gc.get_referents([1], [2, 3])))

# get_stats
stats = gc.get_stats()
print("stats:", len(stats), [sorted(s) for s in stats])
n0 = gc.get_stats()[0]["collections"]
gc.collect(0)
print("gen0 collections +1:", gc.get_stats()[0]["collections"] - n0)
