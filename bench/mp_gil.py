# CPU-bound job (a) sequentially, (b) in 2 threads, (c) in Pool(2): each mode
# several times, interleaved, fastest kept.  Threads share one GIL, so (b)
# takes about as long as (a); processes have one GIL each, so (c) nears (a)/2.
import time
import threading
import multiprocessing

N = 1000000
ROUNDS = 3


def job(n):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def sequential():
    return [job(N), job(N)]


def threads():
    out = [None, None]

    def run(k):
        out[k] = job(N)
    ts = [threading.Thread(target=run, args=(k,)) for k in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return out


def processes(pool):
    return pool.map(job, [N, N], chunksize=1)


if __name__ == '__main__':
    with multiprocessing.Pool(2) as pool:
        pool.map(job, [10, 10], chunksize=1)      # warm the workers
        best = {'sequential': 1e9, 'threads(2)': 1e9, 'Pool(2)': 1e9}
        expect = sequential()
        for _ in range(ROUNDS):
            for name, fn in (('sequential', sequential), ('threads(2)', threads),
                             ('Pool(2)', lambda: processes(pool))):
                t0 = time.perf_counter()
                res = fn()
                dt = time.perf_counter() - t0
                assert res == expect, name
                best[name] = min(best[name], dt)
    for name, dt in best.items():
        print('%-11s %.3f s' % (name, dt))
    print('threads/sequential %.2f  Pool/sequential %.2f'
          % (best['threads(2)'] / best['sequential'], best['Pool(2)'] / best['sequential']))
