# hashlib (md5, sha1, sha2 family), hmac, secrets.
import hashlib
import hmac
import secrets

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

names = ['md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512']
print(sorted(hashlib.algorithms_guaranteed & set(names)))
print(set(names) <= hashlib.algorithms_available)
inputs = [b'', b'abc', b'a' * 55, b'a' * 56, b'a' * 63, b'a' * 64, b'a' * 111, b'a' * 112,
          b'a' * 127, b'a' * 128, b'a' * 1000, bytes(range(256)) * 5,
          b'The quick brown fox jumps over the lazy dog']
for name in names:
    ctor = getattr(hashlib, name)
    h = ctor()
    print(name, h.name, h.digest_size, h.block_size)
    for data in inputs:
        print(' ', len(data), ctor(data).hexdigest(), hashlib.new(name, data).digest()[:4])
    # incremental updates across block boundaries
    whole = bytes(range(256)) * 7
    h = ctor()
    for i in range(0, len(whole), 37):
        h.update(whole[i:i + 37])
    print('  chunked', h.hexdigest() == ctor(whole).hexdigest())
    c = h.copy()
    c.update(b'more')
    print('  copy', h.hexdigest() == ctor(whole).hexdigest(), c.hexdigest() == ctor(whole + b'more').hexdigest())

print(hashlib.new('SHA256', b'x').hexdigest(), hashlib.sha256(string=b'x').hexdigest())
print(hashlib.md5(bytearray(b'abc')).hexdigest(), hashlib.md5(memoryview(b'abc')).hexdigest())
print(hashlib.sha1(b'abc', usedforsecurity=False).hexdigest())
print(hashlib.pbkdf2_hmac('sha256', b'password', b'salt', 2).hex())
print(hashlib.pbkdf2_hmac('sha1', b'password', b'salt', 1, 30).hex())
show(lambda: hashlib.new('nope'))
show(lambda: hashlib.md5('text'))
show(lambda: hashlib.sha256().update('text'))
show(lambda: hashlib.sha256(5))

# hmac
key = b'key'
msg = b'The quick brown fox jumps over the lazy dog'
for dm in ['md5', 'sha1', 'sha256', hashlib.sha512, 'sha384']:
    m = hmac.new(key, msg, dm)
    print(m.name, m.digest_size, m.block_size, m.hexdigest())
m = hmac.new(b'k' * 200, digestmod='sha256')
m.update(b'part1')
m2 = m.copy()
m.update(b'part2')
print(m.hexdigest(), m2.hexdigest(), hmac.new(b'k' * 200, b'part1part2', 'sha256').hexdigest())
print(hmac.digest(key, msg, 'sha256') == hmac.new(key, msg, 'sha256').digest())
print(hmac.compare_digest(b'abc', b'abc'), hmac.compare_digest(b'abc', b'abd'),
      hmac.compare_digest('abc', 'abc'), hmac.compare_digest(b'ab', b'abc'),
      hmac.compare_digest(bytearray(b'x'), b'x'))
show(lambda: hmac.new(key, msg))
show(lambda: hmac.new('key', msg, 'md5'))
show(lambda: hmac.compare_digest('abc', b'abc'))
show(lambda: hmac.compare_digest('é', 'é'))

# secrets: only properties that do not depend on the random values
print(len(secrets.token_bytes()), len(secrets.token_bytes(5)), type(secrets.token_bytes(1)))
t = secrets.token_hex(8)
print(len(t), all(c in '0123456789abcdef' for c in t), len(secrets.token_hex()))
u = secrets.token_urlsafe(12)
print(len(u), all(c.isalnum() or c in '-_' for c in u))
print(all(0 <= secrets.randbelow(10) < 10 for _ in range(50)))
print(secrets.choice('aaaa'), secrets.choice([7]), 0 <= secrets.randbits(8) < 256)
print(secrets.compare_digest(b'a', b'a'))
show(lambda: secrets.randbelow(0))
show(lambda: hmac.compare_digest(b'abc', 'abc'))
show(lambda: hmac.compare_digest(1, 2))
show(lambda: hmac.compare_digest(b'a', 1))
show(lambda: hmac.compare_digest('a', 1))

# SHA-3 and SHAKE
for name in ['sha3_224', 'sha3_256', 'sha3_384', 'sha3_512']:
    ctor = getattr(hashlib, name)
    h = ctor()
    print(name, h.name, h.digest_size, h.block_size, name in hashlib.algorithms_guaranteed)
    for data in inputs:
        print(' ', len(data), ctor(data).hexdigest())
    whole = bytes(range(256)) * 7
    h = ctor()
    for i in range(0, len(whole), 37):
        h.update(whole[i:i + 37])
    c = h.copy()
    c.update(b'x')
    print('  chunked', h.digest() == ctor(whole).digest(), c.digest() == hashlib.new(name, whole + b'x').digest())
for name in ['shake_128', 'shake_256']:
    ctor = getattr(hashlib, name)
    h = ctor(b'abc')
    print(name, h.name, h.digest_size, h.block_size, h.hexdigest(10), h.digest(0), len(h.digest(500)))
    print(' ', ctor(b'').hexdigest(32), hashlib.new(name, b'a' * 200).hexdigest(7))
    print(' ', ctor(bytes(range(256)) * 3).digest(300)[-8:])
    show(lambda: ctor().digest())
print(hmac.new(b'key', b'msg', 'sha3_256').hexdigest())

# BLAKE2
for ctor in (hashlib.blake2b, hashlib.blake2s):
    for data in (b'', b'abc', b'a' * 63, b'a' * 64, b'a' * 65, b'a' * 127, b'a' * 128, b'a' * 129, bytes(range(256)) * 5):
        print(ctor(data).hexdigest()[:32], ctor(data, digest_size=16).hexdigest(), ctor(data, key=b'secret').hexdigest()[:16],
              ctor(data, salt=b'salty', person=b'me').hexdigest()[:16], ctor(data, key=b'k' * 32, digest_size=20).hexdigest()[:16])
    h = ctor(digest_size=20); print(h.name, h.digest_size, h.block_size)
    w = bytes(range(256)) * 7
    h = ctor()
    for i in range(0, len(w), 64): h.update(w[i:i+64])
    print(h.hexdigest() == ctor(w).hexdigest(), hashlib.new(ctor().name, b'x').hexdigest()[:16])
    for kw in ({'digest_size': 0}, {'digest_size': 65}, {'key': b'k' * 65}, {'salt': b's' * 17}, {'person': b'p' * 17}):
        try: ctor(**kw)
        except ValueError as e: print(e)
