# concurrent.futures: Future states, thread and process pools, wait,
# as_completed, map with timeout/chunksize, shutdown, callbacks.
import concurrent.futures as cf
import re
import threading
import time
from concurrent.futures import (ThreadPoolExecutor, ProcessPoolExecutor, Future,
                                wait, as_completed, FIRST_COMPLETED,
                                FIRST_EXCEPTION, ALL_COMPLETED)


def clean(r):
    return re.sub(r'0x[0-9a-f]+', '0x?', r)


def square(x):
    return x * x


def fail(x):
    raise ValueError('bad %d' % x)


def add(a, b=0):
    return a + b


# ---- Future by hand
f = Future()
print(clean(repr(f)), f.done(), f.running(), f.cancelled())
print(f.set_running_or_notify_cancel(), f.running(), clean(repr(f)))
print(f.cancel())
f.set_result(42)
print(clean(repr(f)), f.result(), f.exception(), f.done())
try:
    f.set_result(1)
except cf.InvalidStateError as e:
    print('InvalidStateError', clean(str(e)))
f = Future()
f.set_exception(KeyError('k'))
print(clean(repr(f)), repr(f.exception()))
try:
    f.result()
except KeyError as e:
    print('raised', repr(e))
f = Future()
print(f.cancel(), f.cancel(), f.cancelled(), f.done(), clean(repr(f)))
for meth in (f.result, f.exception):
    try:
        meth()
    except cf.CancelledError as e:
        print('CancelledError', type(e).__mro__[1].__name__)
print(f.set_running_or_notify_cancel(), f.cancelled())
f = Future()
try:
    f.result(timeout=0.01)
except cf.TimeoutError as e:
    print('TimeoutError', type(e) is TimeoutError)
try:
    f.exception(timeout=0)
except TimeoutError:
    print('exception timeout')
calls = []
f.add_done_callback(lambda fut: calls.append(('first', fut.result())))
f.set_result('v')
f.add_done_callback(lambda fut: calls.append(('late', fut.result())))
print(calls)
print(Future[int], issubclass(cf.BrokenExecutor, RuntimeError), cf.CancelledError.__mro__[1:3])

# ---- ThreadPoolExecutor
with ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(square, i) for i in range(10)]
    print([f.result() for f in futs])
    print(list(ex.map(add, [1, 2, 3], [10, 20, 30])))
    print(ex.submit(add, 1, b=5).result())
    bad = ex.submit(fail, 3)
    print(repr(bad.exception()))
    print(sorted(f.result() for f in as_completed(futs)))

# names of the worker threads
names = []
with ThreadPoolExecutor(max_workers=2, thread_name_prefix='wk') as ex:
    ev = threading.Event()
    fs = [ex.submit(lambda: (names.append(threading.current_thread().name), ev.wait(5)))
          for _ in range(2)]
    time.sleep(0.05)
    ev.set()
print(sorted(names))

# initializer and a failing initializer
seen = []
with ThreadPoolExecutor(1, initializer=seen.append, initargs=('init',)) as ex:
    ex.submit(seen.append, 'task').result()
print(seen)
for bad_args in (dict(max_workers=0), dict(initializer=3)):
    try:
        ThreadPoolExecutor(**bad_args)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# shutdown: no new work; cancel_futures
ex = ThreadPoolExecutor(1)
gate = threading.Event()
running = ex.submit(gate.wait, 5)
queued = [ex.submit(square, i) for i in range(3)]
time.sleep(0.05)
print(running.running(), [q.running() for q in queued])
gate.set()
ex.shutdown(wait=True, cancel_futures=False)
print([q.result() for q in queued])
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print(e)
ex = ThreadPoolExecutor(1)
gate = threading.Event()
first = ex.submit(gate.wait, 5)
time.sleep(0.05)
rest = [ex.submit(square, i) for i in range(3)]
ex.shutdown(wait=False, cancel_futures=True)
gate.set()
print(first.result(), [r.cancelled() for r in rest])
ex.shutdown()

# wait() and its return_when
with ThreadPoolExecutor(3) as ex:
    slow_gate = threading.Event()
    quick = ex.submit(square, 3)
    slow = ex.submit(slow_gate.wait, 5)
    done, not_done = wait([quick, slow], return_when=FIRST_COMPLETED)
    print(quick in done, slow in not_done)
    done, not_done = wait([quick, slow], timeout=0.05)
    print(len(done), len(not_done))
    err = ex.submit(fail, 1)
    done, not_done = wait([err, slow], return_when=FIRST_EXCEPTION)
    print(err in done, slow in not_done)
    slow_gate.set()
    r = wait([quick, slow, err], return_when=ALL_COMPLETED)
    print(type(r).__name__, len(r.done), len(r.not_done))

# as_completed with a timeout
with ThreadPoolExecutor(2) as ex:
    gate = threading.Event()
    fs = [ex.submit(square, 2), ex.submit(gate.wait, 5)]
    got = []
    try:
        for f in as_completed(fs, timeout=0.1):
            got.append(f.result())
    except cf.TimeoutError as e:
        print('as_completed:', e, got)
    gate.set()

# map with a timeout
with ThreadPoolExecutor(2) as ex:
    gate = threading.Event()
    it = ex.map(lambda x: gate.wait(5) and x, [1, 2])
    try:
        list(ex.map(lambda x: gate.wait(5), [1], timeout=0.05))
    except TimeoutError:
        print('map timeout')
    gate.set()
    print(list(it))
    it = ex.map(fail, [1, 2])
    try:
        list(it)
    except ValueError as e:
        print('map raised', e)

# callbacks run once the future finishes, in the worker
order = []
with ThreadPoolExecutor(1) as ex:
    f = ex.submit(square, 5)
    f.add_done_callback(lambda fut: order.append(fut.result()))
print(order)

# ---- ProcessPoolExecutor (fork)
if __name__ == '__main__':
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(ex.submit(square, 12).result())
        print(list(ex.map(square, range(8))))
        print(list(ex.map(add, range(7), range(7), chunksize=3)))
        e = ex.submit(fail, 9).exception()
        print(type(e).__name__, e)
        fs = [ex.submit(square, i) for i in range(6)]
        print(sorted(f.result() for f in as_completed(fs)))
        done, _ = wait(fs)
        print(len(done))
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print(e)
    for kw in (dict(max_workers=0), dict(max_tasks_per_child=0),
               dict(max_tasks_per_child='x')):
        try:
            ProcessPoolExecutor(**kw)
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
    try:
        ProcessPoolExecutor(1).map(square, [1], chunksize=0)
    except ValueError as e:
        print(e)
    with ProcessPoolExecutor(1) as ex:
        blocker = ex.submit(time.sleep, 0.3)
        while not blocker.running():
            time.sleep(0.01)
        queued = [ex.submit(square, i) for i in range(5)]
        ex.shutdown(wait=True, cancel_futures=True)
        print(blocker.result(), sum(q.cancelled() for q in queued) >= 3,
              all(q.cancelled() or q.result() == i * i for i, q in enumerate(queued)))

    # a worker that dies breaks the pool
    import os

    def die():
        os._exit(1)

    with ProcessPoolExecutor(1) as ex:
        f = ex.submit(die)
        try:
            f.result(timeout=30)
        except cf.process.BrokenProcessPool as e:
            print('BrokenProcessPool:', e, isinstance(e, cf.BrokenExecutor))
        try:
            ex.submit(square, 1)
        except cf.process.BrokenProcessPool as e:
            print('BrokenProcessPool:', e)
    print(cf.thread.ThreadPoolExecutor is ThreadPoolExecutor, cf._base.Future is Future)
