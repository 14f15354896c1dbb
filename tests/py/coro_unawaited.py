# A coroutine that never ran warns when it is freed (RuntimeWarning, once
# per line); one that ran, or was closed, does not.
import asyncio

async def job(n):
    return n

def drop():
    job(1)

job(0)
drop()
drop()
for i in range(3):
    job(i)
c = job(5)
c.close()
del c
c = job(6)
try:
    c.send(None)
except StopIteration as e:
    print('ran', e.value)
del c

async def main():
    asyncio.sleep(0)       # forgot the await
    await asyncio.sleep(0)
    return 'main'

print(asyncio.run(main()))
kept = job(7)
print('end')
