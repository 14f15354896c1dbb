# Priority-queue task scheduler using generators as coroutines and heapq.
import heapq
import itertools


class Task:
    _ids = itertools.count(1)

    def __init__(self, name, gen, priority=5):
        self.id = next(Task._ids)
        self.name = name
        self.gen = gen
        self.priority = priority
        self.steps = 0
        self.result = None

    def __lt__(self, other):
        return (self.priority, self.id) < (other.priority, other.id)

    def __repr__(self):
        return f"<Task {self.id}:{self.name} p={self.priority}>"


class Sleep:
    def __init__(self, ticks):
        self.ticks = ticks


class Scheduler:
    def __init__(self):
        self.ready = []
        self.sleeping = []
        self.clock = 0
        self.log = []
        self.seq = itertools.count()

    def spawn(self, name, gen, priority=5):
        task = Task(name, gen, priority)
        heapq.heappush(self.ready, task)
        return task

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                wake, _, task = heapq.heappop(self.sleeping)
                self.clock = max(self.clock, wake)
                heapq.heappush(self.ready, task)
                continue
            while self.sleeping and self.sleeping[0][0] <= self.clock:
                _, _, t = heapq.heappop(self.sleeping)
                heapq.heappush(self.ready, t)
            task = heapq.heappop(self.ready)
            self.clock += 1
            try:
                value = task.gen.send(None) if task.steps == 0 else task.gen.send(self.clock)
                task.steps += 1
            except StopIteration as stop:
                task.result = stop.value
                self.log.append((self.clock, task.name, "done", stop.value))
                continue
            except Exception as e:
                self.log.append((self.clock, task.name, "error", repr(e)))
                continue
            if isinstance(value, Sleep):
                heapq.heappush(self.sleeping, (self.clock + value.ticks, next(self.seq), task))
            else:
                if value is not None:
                    self.log.append((self.clock, task.name, "yield", value))
                heapq.heappush(self.ready, task)


def counter(name, n):
    total = 0
    for i in range(n):
        now = yield f"{name}-{i}"
        total += now
    return total


def sleeper(ticks):
    start = yield Sleep(ticks)
    end = yield Sleep(ticks)
    return end - start


def failing():
    yield "about to fail"
    raise RuntimeError("boom")


def subtask(k):
    acc = []
    for i in range(k):
        t = yield i * i
        acc.append(t)
    return len(acc)


def parent():
    a = yield from subtask(2)
    b = yield from subtask(3)
    return a + b


sched = Scheduler()
tasks = [
    sched.spawn("low", counter("low", 3), priority=9),
    sched.spawn("high", counter("high", 2), priority=1),
    sched.spawn("sleepy", sleeper(4), priority=3),
    sched.spawn("bad", failing(), priority=2),
    sched.spawn("parent", parent(), priority=5),
]
sched.run()
for entry in sched.log:
    print(*entry)
for t in tasks:
    print(t, "steps", t.steps, "result", t.result)
print("clock", sched.clock)

# plain heapq utilities
data = [5, 1, 8, 3, 9, 2, 7]
heapq.heapify(data)
print(data, heapq.nsmallest(3, data), heapq.nlargest(2, data))
print([heapq.heappop(data) for _ in range(len(data))])
words = ["pear", "fig", "banana", "kiwi", "apple", "date"]
print(heapq.nsmallest(3, words, key=len), heapq.nlargest(2, words, key=lambda w: w[-1]))
print(list(heapq.merge([1, 4, 9], [2, 3, 10], [0, 11])))
h = []
for w in words:
    heapq.heappush(h, (len(w), w))
print(heapq.heappushpop(h, (1, "z")), heapq.heapreplace(h, (100, "big")), h[0])

# generator protocol details
def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print("closing with", received)
    finally:
        print("echo finally")

g = echo()
print(next(g), g.send("a"), g.send("b"))
g.close()
g2 = echo()
next(g2)
try:
    g2.throw(ValueError("injected"))
except ValueError as e:
    print("propagated:", e)
print(list(itertools.islice(itertools.count(10, 5), 4)))
