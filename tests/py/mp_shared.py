# multiprocessing Value/Array/Lock: counters from 4 processes under a lock
import multiprocessing as mp


def bump(counter, total, arr, lock, n):
    for i in range(n):
        with counter.get_lock():
            counter.value += 1
        with lock:
            total.value += 0.5
            arr[i % len(arr)] += 1


def fill(chars, nums):
    chars.value = b'hello'
    for i in range(len(nums)):
        nums[i] = nums[i] * 2


if __name__ == '__main__':
    counter = mp.Value('i', 0)
    total = mp.Value('d', 0.0, lock=False)
    arr = mp.Array('i', 8)
    lock = mp.Lock()
    procs = [mp.Process(target=bump, args=(counter, total, arr, lock, 2000)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print(counter.value, total.value, arr[:], sum(arr), [p.exitcode for p in procs])
    chars = mp.Array('c', 10)
    nums = mp.Array('d', [1.5, 2.5, 3.5])
    b = mp.Value('b', -3)
    p = mp.Process(target=fill, args=(chars, nums))
    p.start()
    p.join()
    print(chars.value, chars.raw, nums[:], list(nums), len(nums), b.value)
    v = mp.Value('c', b'x')
    print(v.value, mp.RawValue('q', 2 ** 40).value, mp.RawArray('B', [1, 255])[:])
    l = mp.Lock()
    print(l.acquire(), l.acquire(False), l.acquire(timeout=0.01))
    l.release()
    r = mp.RLock()
    print(r.acquire(), r.acquire(), r.release(), r.release())
    try:
        r.release()
    except AssertionError as e:
        print('AssertionError', e)
    try:
        l.release()
    except ValueError as e:
        print('ValueError', e)
    s = mp.Semaphore(2)
    print(s.acquire(), s.acquire(), s.acquire(False), s.get_value())
