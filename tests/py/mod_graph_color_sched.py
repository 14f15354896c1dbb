# graphlib, colorsys and sched.
import colorsys
import graphlib
import sched
from graphlib import TopologicalSorter, CycleError

# ---- graphlib
graph = {"D": {"B", "C"}, "C": {"A"}, "B": {"A"}}
print(tuple(TopologicalSorter({"D": ["B", "C"], "C": ["A"], "B": ["A"]}).static_order()))
ts = TopologicalSorter()
ts.add(3, 2, 1)
ts.add(1, 0)
ts.add(5)
print(list(ts.static_order()))
ts = TopologicalSorter({'x': ['y', 'z'], 'y': ['w'], 'z': ['w'], 'w': []})
ts.prepare()
rounds = []
while ts.is_active():
    ready = ts.get_ready()
    rounds.append(sorted(ready))
    ts.done(*ready)
print(rounds, bool(ts))
for g in ({1: [2], 2: [3], 3: [1]}, {'a': ['b'], 'b': ['c'], 'c': ['b']}, {'s': ['s']},
          {1: [2, 3], 2: [4], 4: [2], 3: []}):
    try:
        TopologicalSorter(g).prepare()
    except CycleError as e:
        print('CycleError', e.args, isinstance(e, ValueError))
ts = TopologicalSorter({1: [0]})
for call in (ts.get_ready, ts.is_active, lambda: ts.done(1)):
    try:
        call()
    except ValueError as e:
        print('ValueError', e)
ts.prepare()
for call in (ts.prepare, lambda: ts.add(9), lambda: ts.done(7), lambda: ts.done(1)):
    try:
        call()
    except ValueError as e:
        print('ValueError', e)
print(ts.get_ready(), ts.get_ready())
ts.done(0)
try:
    ts.done(0)
except ValueError as e:
    print('ValueError', e)
print(ts.get_ready(), TopologicalSorter[int])
big = TopologicalSorter()
for i in range(30):
    big.add(i, *(j for j in range(i) if i % (j + 2) == 0))
print(list(big.static_order()))

# ---- colorsys
samples = [(0.0, 0.0, 0.0), (1.0, 1.0, 1.0), (1.0, 0.0, 0.0), (0.0, 1.0, 0.0), (0.0, 0.0, 1.0),
           (0.2, 0.4, 0.4), (0.5, 0.25, 0.75), (0.9, 0.1, 0.3), (0.3, 0.3, 0.9), (0.6, 0.6, 0.1),
           (0.123, 0.456, 0.789), (0.99, 0.98, 0.97)]
for rgb in samples:
    yiq = colorsys.rgb_to_yiq(*rgb)
    hls = colorsys.rgb_to_hls(*rgb)
    hsv = colorsys.rgb_to_hsv(*rgb)
    print(rgb, yiq, colorsys.yiq_to_rgb(*yiq))
    print('   ', hls, colorsys.hls_to_rgb(*hls))
    print('   ', hsv, colorsys.hsv_to_rgb(*hsv))
for h in [i / 12 for i in range(13)]:
    print(h, colorsys.hsv_to_rgb(h, 0.5, 0.8), colorsys.hls_to_rgb(h, 0.7, 0.3))
print(colorsys.yiq_to_rgb(1.0, 1.0, 1.0), colorsys.yiq_to_rgb(0.0, -1.0, 0.0))

# ---- sched, with a simulated clock
class Clock:
    def __init__(self):
        self.now = 0.0

    def time(self):
        return self.now

    def sleep(self, d):
        self.log.append(('sleep', d))
        self.now += d


clock = Clock()
clock.log = []
s = sched.scheduler(clock.time, clock.sleep)
out = []
e1 = s.enter(5, 1, out.append, ('five',))
e2 = s.enter(2, 2, out.append, argument=('two-low',))
e3 = s.enter(2, 1, lambda object: out.append(object), kwargs={'object': 'two-high'})
e4 = s.enterabs(1, 0, lambda: out.append('one') or s.enter(1, 0, out.append, ('nested',)))
e5 = s.enter(3, 0, out.append, ('cancelled',))
print(e1.time, e1.priority, e1.argument, e1.kwargs, type(e1).__name__, e1._fields)
print([ev.time for ev in s.queue], s.empty())
s.cancel(e5)
try:
    s.cancel(e5)
except ValueError as e:
    print('ValueError', e)
print(s.run(blocking=False), out)
s.run()
print(out, s.empty(), clock.now)
print([x for x in clock.log if x[1] != 0])
print(s.run(blocking=False))
s.enter(10, 0, out.append, ('later',))
print(s.run(blocking=False), clock.now)
