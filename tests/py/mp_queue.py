# multiprocessing.Queue: 10,000 objects (big ints, nested containers) between processes
import multiprocessing as mp
import queue


def make(i):
    return (i, 2 ** (64 + i % 50) + i, [i, {'n': i, 's': str(i)}, (i, None, 1.5)], {i % 7})


def producer(q, start, n):
    for i in range(start, start + n):
        q.put(make(i))
    q.put(None)


def echo(inq, outq):
    while True:
        x = inq.get()
        if x is None:
            break
        outq.put(x)


if __name__ == '__main__':
    q = mp.Queue()
    procs = [mp.Process(target=producer, args=(q, k * 2500, 2500)) for k in range(4)]
    for p in procs:
        p.start()
    got, done = [], 0
    while done < 4:
        x = q.get(timeout=30)
        if x is None:
            done += 1
        else:
            got.append(x)
    for p in procs:
        p.join()
    got.sort()
    print(len(got), got == [make(i) for i in range(10000)], [p.exitcode for p in procs])
    print(got[9999])
    # the parent puts before the consumer runs: put never blocks (feeder thread)
    inq, outq = mp.Queue(), mp.Queue()
    for i in range(3000):
        inq.put(make(i))
    inq.put(None)
    p = mp.Process(target=echo, args=(inq, outq))
    p.start()
    back = [outq.get() for _ in range(3000)]
    p.join()
    print(back == [make(i) for i in range(3000)], p.exitcode)
    try:
        outq.get(timeout=0.05)
    except queue.Empty:
        print('Empty')
    bq = mp.Queue(2)
    bq.put(1)
    bq.put(2)
    try:
        bq.put(3, timeout=0.05)
    except queue.Full:
        print('Full')
    print(bq.get(), bq.get(), bq.empty())
