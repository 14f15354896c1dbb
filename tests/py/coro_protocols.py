import types

class Sleep:
    def __await__(self):
        return (yield 'sleep')

class BadAwait:
    def __await__(self):
        return 42

def drive(coro, sends=()):
    out = []
    sends = list(sends)
    val = None
    try:
        while True:
            out.append(coro.send(val))
            val = sends.pop(0) if sends else None
    except StopIteration as e:
        out.append(('ret', e.value))
    except BaseException as e:
        out.append(('raised', type(e).__name__, str(e)))
    return out

async def echo():
    a = await Sleep()
    b = await Sleep()
    return a, b
print(drive(echo(), ['x', 'y']))

async def bad():
    await BadAwait()
print(drive(bad()))

async def waits_twice():
    c = echo()
    c.send(None)
    try:
        await c
    except RuntimeError as e:
        print('twice:', e)
    c.close()
print(drive(waits_twice()))

c = echo()
try:
    c.send(1)
except TypeError as e:
    print(e)
c.send(None)
print(type(c.cr_await).__name__, c.cr_suspended if hasattr(c, 'cr_suspended') else '')
try:
    c.throw(KeyError('k'))
except KeyError as e:
    print('thrown back', repr(e))
print(c.cr_frame, c.cr_await)

async def catcher():
    try:
        await Sleep()
    except ValueError as e:
        print('caught in coro', e)
        return 'recovered'
c = catcher()
c.send(None)
try:
    c.throw(ValueError('v'))
except StopIteration as e:
    print('stop', e.value)

async def closer():
    try:
        await Sleep()
    finally:
        print('finally on close')
c = closer()
c.send(None)
c.close()

async def ag():
    try:
        for i in range(3):
            x = yield i
            if x:
                print('ag got', x)
    finally:
        print('ag finally')

async def use_ag():
    g = ag()
    print(await g.asend(None))
    print(await g.asend('hello'))
    print(await g.__anext__())
    await g.aclose()
    await g.aclose()
    print([i async for i in ag() if i != 1])
    print([i * j for i in range(3) async for j in ag()])
    gen = (await Sleep2(i) async for i in ag())
    print(type(gen).__name__)
    print([x async for x in gen])
    async def nested():
        return [[j async for j in ag()] for _ in range(2)]
    print(await nested())
    g2 = ag()
    try:
        await g2.athrow(KeyError('early'))
    except KeyError as e:
        print('athrow on fresh', repr(e))
    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        print(e)
    return 'ok'

class Sleep2:
    def __init__(self, v): self.v = v
    def __await__(self):
        yield 'inner'
        return self.v * 10

print(drive(use_ag()))

@types.coroutine
def legacy():
    v = yield 'legacy'
    return v

async def use_legacy():
    return await legacy()
print(drive(use_legacy(), ['L']))

class AsyncCM:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        print('aexit', a[0].__name__ if a[0] else None)
        return True

async def returns_in_with():
    for i in range(3):
        async with AsyncCM():
            if i == 1:
                continue
            if i == 2:
                return 'from with'
            raise ValueError
print(drive(returns_in_with()))

class NoAenter:
    async def __aexit__(self, *a): pass
class NoAexit:
    async def __aenter__(self): pass
class SyncEnter:
    def __aenter__(self): return 1
    def __aexit__(self, *a): return 2
class NoAnext:
    def __aiter__(self): return self
class AnextNotAwaitable:
    def __aiter__(self): return self
    def __anext__(self): return 5

async def protocol_errors():
    for obj in (NoAenter(), NoAexit(), SyncEnter()):
        try:
            async with obj:
                pass
        except TypeError as e:
            print(e)
    for obj in (NoAnext(), AnextNotAwaitable()):
        try:
            async for x in obj:
                pass
        except TypeError as e:
            print(e)
print(drive(protocol_errors()))
print(type(echo).__name__, echo.__code__.co_flags & 0x80 != 0, ag.__code__.co_flags & 0x200 != 0)
