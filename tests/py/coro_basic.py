import types

class Sleep:
    def __init__(self, v): self.v = v
    def __await__(self):
        r = yield self.v
        return r

def run(coro):
    """Drive a coroutine by hand: each yielded value is sent back doubled."""
    log = []
    val = None
    try:
        while True:
            y = coro.send(val)
            log.append(y)
            val = y * 2 if isinstance(y, int) else None
    except StopIteration as e:
        return log, e.value

async def inner(x):
    a = await Sleep(x)
    b = await Sleep(x + 1)
    return a + b

async def outer():
    r1 = await inner(1)
    r2 = await inner(10)
    return r1, r2

print(run(outer()))
c = outer()
print(type(c).__name__, c.__name__, c.__qualname__, c.cr_running, c.cr_await, c.cr_frame is not None)
c.close()
print(c.cr_frame)

class AIter:
    def __init__(self, n): self.n = n; self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await Sleep(self.i)
        return self.i

async def use_afor():
    out = []
    async for x in AIter(3):
        out.append(x)
    else:
        out.append('else')
    async for x in AIter(5):
        if x == 2:
            continue
        if x == 4:
            break
        out.append(x * 100)
    return out
print(run(use_afor()))

class ACM:
    def __init__(self, name, suppress=False): self.name = name; self.suppress = suppress
    async def __aenter__(self):
        print('enter', self.name)
        await Sleep(0)
        return self.name.upper()
    async def __aexit__(self, t, v, tb):
        print('exit', self.name, t.__name__ if t else None)
        await Sleep(0)
        return self.suppress

async def use_awith():
    async with ACM('a') as x, ACM('b') as y:
        print('body', x, y)
    async with ACM('c', True):
        raise ValueError('swallowed')
    try:
        async with ACM('d'):
            raise KeyError('k')
    except KeyError as e:
        print('caught', repr(e))
    for i in range(3):
        async with ACM('loop%d' % i):
            if i == 1:
                break
    return 'done'
print(run(use_awith()))

async def agen(n):
    for i in range(n):
        got = await Sleep(i)
        yield i, got
    print('agen end')

async def use_agen():
    res = []
    async for v in agen(3):
        res.append(v)
    res.append([x async for x in agen(2)])
    res.append({k: v async for k, v in agen(2)})
    res.append([await inner(i) for i in range(2)])
    g = agen(5)
    res.append(await g.__anext__())
    res.append(await g.asend(None))
    await g.aclose()
    try:
        await g.__anext__()
    except StopAsyncIteration:
        res.append('stopped')
    return res
print(run(use_agen()))

async def agen2():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print('agen2 got', repr(e))
        yield 99
    finally:
        print('agen2 finally')

async def use_athrow():
    g = agen2()
    print(await g.__anext__())
    print(await g.athrow(ValueError('x')))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('done')
    print(repr(type(g)), type(g).__name__)
run(use_athrow())

@types.coroutine
def gen_based():
    x = yield 'gb'
    return x

async def use_gen_based():
    return await gen_based()
print(run(use_gen_based()))

async def errors():
    try:
        await 1
    except TypeError as e:
        print(e)
    try:
        async for x in 1:
            pass
    except TypeError as e:
        print(e)
    try:
        async with 1:
            pass
    except TypeError as e:
        print(e)
    co = inner(1)
    await co
    try:
        await co
    except RuntimeError as e:
        print(e)
    async def bad():
        raise StopIteration
    try:
        await bad()
    except RuntimeError as e:
        print(e, repr(e.__cause__))
    async def bad_agen():
        raise StopAsyncIteration
        yield
    try:
        async for x in bad_agen():
            pass
    except RuntimeError as e:
        print(e)
print(run(errors()))
c = inner(1)
try:
    iter(c)
except TypeError as e:
    print(e)
c.close()
w = inner(2).__await__()
print(type(w).__name__, next(w), w.send(5))
