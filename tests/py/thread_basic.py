import threading, time, queue
counter = 0
lock = threading.Lock()
def inc(n):
    global counter
    for _ in range(n):
        with lock:
            counter += 1
ts = [threading.Thread(target=inc, args=(100000,)) for _ in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(counter, ts[0].name, threading.active_count(), threading.current_thread().name)
shared = []
def app(k):
    for i in range(100000):
        shared.append(i)
ts = [threading.Thread(target=app, args=(k,)) for k in range(8)]
for t in ts: t.start()
for t in ts: t.join()
print(len(shared))
q = queue.Queue()
def producer():
    for i in range(1000):
        q.put((i, [i] * 3, 2**40 + i))
    q.put(None)
res = []
def consumer():
    while True:
        item = q.get()
        if item is None: break
        res.append(item[0])
a = threading.Thread(target=producer); b = threading.Thread(target=consumer)
a.start(); b.start(); a.join(); b.join()
print(len(res), res[:3], res[-1])
ev = threading.Event()
def waiter():
    ev.wait(); print("event seen")
w = threading.Thread(target=waiter); w.start(); time.sleep(0.05); ev.set(); w.join()
loc = threading.local()
loc.x = 1
def tl():
    loc.x = 2; print("in thread", loc.x)
t = threading.Thread(target=tl); t.start(); t.join(); print("main", loc.x)
cond = threading.Condition(); items = []
def cons():
    with cond:
        cond.wait_for(lambda: items)
        print("got", items[0])
c = threading.Thread(target=cons); c.start()
with cond:
    items.append(42); cond.notify()
c.join()
b = threading.Barrier(3); out = []
def bw(i):
    b.wait(); out.append(i)
ws = [threading.Thread(target=bw, args=(i,)) for i in range(3)]
for w in ws: w.start()
for w in ws: w.join()
print(sorted(out))
sem = threading.BoundedSemaphore(2)
sem.acquire(); sem.release()
try: sem.release()
except ValueError as e: print(e)
r = threading.RLock()
with r:
    with r: print("reentrant ok")
tm = threading.Timer(0.01, lambda: print("timer fired")); tm.start(); tm.join()
d = threading.Thread(target=time.sleep, args=(10,), daemon=True); d.start()
print("main done")
