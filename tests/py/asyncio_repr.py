import asyncio

async def fails(msg):
    raise ValueError(msg)

async def sleeper():
    await asyncio.sleep(1)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print(fut)
    fut.add_done_callback(print)
    t = asyncio.create_task(sleeper(), name='sleepy')
    print(t)
    await asyncio.sleep(0)
    print(t)
    t.cancel()
    print(t)
    await asyncio.sleep(0)
    print(t, t.cancelled())
    fut.set_result([1, 2, 3])
    print(fut)
    await asyncio.sleep(0)
    f2 = loop.create_future()
    f2.set_exception(KeyError('k'))
    print(f2)
    f2.exception()
    del f2
    t2 = asyncio.create_task(fails('lost'))
    await asyncio.sleep(0)
    print(t2.done(), t2)
    del t2
    print('after del')
    t3 = asyncio.create_task(fails('seen'))
    await asyncio.sleep(0)
    print(repr(t3.exception()))
    del t3
    print(asyncio.current_task().get_name())
    return 'ok'

print(asyncio.run(main()))

loop = asyncio.new_event_loop()
t = loop.create_task(sleeper())
loop.run_until_complete(asyncio.sleep(0.01))
print(t)
loop.close()
t = None
print('end')
