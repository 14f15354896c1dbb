import asyncio

# say() delays are in units of SCALE seconds, far enough apart that the
# order of wake-ups stays the same on a slow machine or under valgrind.
SCALE = 3

async def say(delay, what):
    await asyncio.sleep(delay * SCALE)
    print(what)
    return what.upper()

async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print('put', i)
        await asyncio.sleep(0)
    await q.put(None)

async def consumer(q, name):
    total = 0
    while True:
        item = await q.get()
        q.task_done()
        if item is None:
            break
        print(name, 'got', item)
        total += item
    return total

async def main():
    r = await asyncio.gather(say(0.09, 'c'), say(0.03, 'a'), say(0.06, 'b'))
    print(r)
    q = asyncio.Queue(maxsize=2)
    p = asyncio.create_task(producer(q, 5))
    c = asyncio.create_task(consumer(q, 'cons'))
    await p
    print('total', await c)
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.01)
    except asyncio.TimeoutError as e:
        print('timeout', type(e).__name__, asyncio.TimeoutError is TimeoutError)
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled', t.cancelled(), t.done())
    async def fail():
        raise ValueError('boom')
    res = await asyncio.gather(fail(), say(0, 'ok'), return_exceptions=True)
    print(res)
    try:
        await asyncio.gather(fail(), say(0.02, 'late'))
    except ValueError as e:
        print('gather raised', e)
    await asyncio.sleep(0.06 * SCALE)
    ev = asyncio.Event()
    async def waiter(i):
        await ev.wait()
        print('woke', i)
    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ws)
    lock = asyncio.Lock()
    async def locked(i):
        async with lock:
            print('in', i)
            await asyncio.sleep(0)
            print('out', i)
    await asyncio.gather(*(locked(i) for i in range(3)))
    sem = asyncio.Semaphore(2)
    async def limited(i):
        async with sem:
            print('sem in', i)
            await asyncio.sleep(0.05 * (i + 1))
            print('sem out', i)
    await asyncio.gather(*(limited(i) for i in range(4)))
    for coro in asyncio.as_completed([say(0.05, 'x'), say(0.01, 'y')]):
        print('as_completed', await coro)
    done, pending = await asyncio.wait([asyncio.create_task(say(0.01, 'w1')),
                                        asyncio.create_task(say(0.08, 'w2'))],
                                       return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending))
    for p in pending:
        p.cancel()
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_later(0.01, fut.set_result, 42)
    loop.call_soon(print, 'call_soon ran')
    print('future', await fut)
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout block')
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(say(0.01, 'tg1'))
        t2 = tg.create_task(say(0.05, 'tg2'))
    print(t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail())
            tg.create_task(say(1, 'never'))
    except* ValueError as eg:
        print('taskgroup', repr(eg.exceptions))
    print(asyncio.current_task().get_name())
    return 'main done'

print(asyncio.run(main()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(say(0, 'ruc')))
loop.close()
