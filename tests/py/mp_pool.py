# multiprocessing.Pool: 50 tasks with one raising, map/starmap/imap, apply_async, a killed worker
import multiprocessing as mp
import os, signal, sys, time


def task(x):
    if x == 37:
        raise KeyError('task %d failed' % x)
    return x * x + 1


def add(a, b):
    return a + b


def slow(x):
    time.sleep(x)
    return x


def suicide(x):
    if x == 3:
        os.kill(os.getpid(), signal.SIGKILL)
    return x


if __name__ == '__main__':
    with mp.Pool(4) as pool:
        try:
            pool.map(task, range(50))
        except KeyError as e:
            print('map raised', type(e).__name__, e)
            cause = e.__cause__
            print(type(cause).__name__, cause.tb.startswith('\n"""\nTraceback'),
                  'task 37 failed' in str(cause))
        print(pool.map(task, range(37)) == [x * x + 1 for x in range(37)])
        results = [pool.apply_async(task, (i,)) for i in range(50)]
        ok, bad = [], []
        for i, r in enumerate(results):
            try:
                ok.append(r.get(timeout=10))
            except KeyError as e:
                bad.append((i, str(e)))
        print(len(ok), sum(ok), bad)
        print(pool.starmap(add, [(i, i) for i in range(10)], chunksize=3))
        print(list(pool.imap(task, range(10), chunksize=4)))
        print(sorted(pool.imap_unordered(task, range(10))))
        print(pool.apply(add, (2, 3)), pool.apply(add, (), {'a': 1, 'b': 2}))
        r = pool.apply_async(slow, (2,))
        try:
            r.get(timeout=0.05)
        except mp.TimeoutError:
            print('TimeoutError', r.ready())
        got = []
        pool.apply_async(add, (20, 22), callback=got.append).wait(10)
        time.sleep(0.05)
        print('callback', got)
        # CPython's Pool.map hangs forever when a worker is killed; refpy's
        # raises (multiprocessing.pool.WorkerLostError) and replaces the worker.
        if sys.implementation.name == 'refpy':
            try:
                pool.map(suicide, range(8), chunksize=1)
            except Exception as e:
                print('killed worker made map raise', isinstance(e, mp.ProcessError))
        else:
            print('killed worker made map raise', True)
        print(pool.map(task, range(5)))
    pool = mp.Pool(2)
    print(pool.map(add, [1, 2]) if False else pool.map(task, []))
    pool.close()
    pool.join()
    print('done')
