import asyncio
import time

# Delays are in units of SCALE seconds, far enough apart that the order of
# wake-ups stays the same on a slow machine or under valgrind.
SCALE = 5

# Producer/consumer with a bounded queue and several workers (the classic
# asyncio demo), then the tutorial's gather of sleeps.

async def worker(name, queue, results):
    while True:
        delay = await queue.get()
        await asyncio.sleep(delay * SCALE)
        results.append((name, delay))
        print(f'{name} slept {delay}')
        queue.task_done()

async def main():
    queue = asyncio.Queue()
    for d in (0.16, 0.02, 0.10, 0.04, 0.12):
        queue.put_nowait(d)
    results = []
    tasks = [asyncio.create_task(worker(f'worker-{i}', queue, results)) for i in range(3)]
    await queue.join()
    for t in tasks:
        t.cancel()
    out = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(x).__name__ for x in out])
    print(sorted(results))

async def say_after(delay, what):
    await asyncio.sleep(delay * SCALE)
    print(what)

async def tutorial():
    t0 = time.monotonic()
    print('started')
    await say_after(0.02, 'hello')
    await say_after(0.01, 'world')
    task1 = asyncio.create_task(say_after(0.05, 'hello'))
    task2 = asyncio.create_task(say_after(0.01, 'world'))
    await task1
    await task2
    print('finished', time.monotonic() - t0 >= 0.08 * SCALE)

async def factorial(name, number):
    f = 1
    for i in range(2, number + 1):
        print(f"Task {name}: Compute factorial({number}), currently i={i}...")
        await asyncio.sleep(0)
        f *= i
    print(f"Task {name}: factorial({number}) = {f}")
    return f

async def gathered():
    L = await asyncio.gather(factorial("A", 2), factorial("B", 3), factorial("C", 4))
    print(L)

async def pingpong():
    q1, q2 = asyncio.Queue(), asyncio.Queue()
    async def ping():
        for i in range(3):
            await q1.put(i)
            print('ping', i, 'got', await q2.get())
    async def pong():
        for i in range(3):
            v = await q1.get()
            await q2.put(v * 10)
            print('pong', v)
    await asyncio.gather(ping(), pong())

async def cancel_demo():
    async def slow():
        try:
            await asyncio.sleep(5)
        except asyncio.CancelledError:
            print('slow was cancelled')
            raise
        finally:
            print('slow cleanup')
    t = asyncio.create_task(slow())
    await asyncio.sleep(0.01)
    print('cancel ->', t.cancel('stop it'))
    try:
        await t
    except asyncio.CancelledError as e:
        print('CancelledError', e.args)
    print(t.cancelled())
    t2 = asyncio.create_task(asyncio.sleep(0.01, result='res'))
    print(await asyncio.shield(t2))
    try:
        await asyncio.wait_for(slow(), timeout=0.01)
    except TimeoutError:
        print('wait_for timed out')
    print(await asyncio.wait_for(asyncio.sleep(0, 'quick'), timeout=1))

def callbacks():
    loop = asyncio.new_event_loop()
    order = []
    loop.call_later(0.05, order.append, 'later2')
    loop.call_later(0.01, order.append, 'later1')
    loop.call_soon(order.append, 'soon1')
    h = loop.call_soon(order.append, 'cancelled')
    h.cancel()
    loop.call_soon(order.append, 'soon2')
    loop.call_later(0.09, loop.stop)
    loop.run_forever()
    print(order)
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('done callback', f.result()))
    loop.call_soon(fut.set_result, 7)
    print(loop.run_until_complete(fut))
    try:
        fut.set_result(8)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError')
    loop.close()
    print(loop.is_closed())

asyncio.run(main())
asyncio.run(tutorial())
asyncio.run(gathered())
asyncio.run(pingpong())
asyncio.run(cancel_demo())
callbacks()
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print(e)
async def inner_run():
    coro = asyncio.sleep(0)
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print(e)
    await coro
asyncio.run(inner_run())
try:
    asyncio.run(5)
except ValueError as e:
    print(e)
