import asyncio
import contextlib

@contextlib.asynccontextmanager
async def resource(name):
    print('open', name)
    await asyncio.sleep(0)
    try:
        yield name.upper()
    finally:
        await asyncio.sleep(0)
        print('close', name)

async def agen():
    try:
        for i in range(5):
            yield i
    finally:
        print('agen closed')

async def main():
    async with resource('a') as a:
        print('using', a)
    try:
        async with resource('b'):
            raise ValueError('inside')
    except ValueError as e:
        print('propagated', e)
    async with contextlib.AsyncExitStack() as stack:
        x = await stack.enter_async_context(resource('x'))
        y = await stack.enter_async_context(resource('y'))
        stack.callback(print, 'sync callback')
        async def acb(msg):
            print('async callback', msg)
        stack.push_async_callback(acb, 'hi')
        print('stack body', x, y)
    async with contextlib.aclosing(agen()) as g:
        async for v in g:
            if v == 2:
                break
            print('v', v)
    async with contextlib.nullcontext(5) as n:
        print('null', n)

asyncio.run(main())
