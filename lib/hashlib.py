"""Secure hashes and message digests: md5, sha1, sha224, sha256, sha384,
sha512, sha3_*, shake_*, blake2b, blake2s (implemented in C by _hashlib)."""

import _hashlib

__always_supported = ('md5', 'sha1', 'sha224', 'sha256', 'sha384', 'sha512',
                      'sha3_224', 'sha3_256', 'sha3_384', 'sha3_512',
                      'shake_128', 'shake_256', 'blake2b', 'blake2s')

algorithms_guaranteed = set(__always_supported)
algorithms_available = set(__always_supported)

__all__ = __always_supported + ('new', 'algorithms_guaranteed',
                                'algorithms_available', 'pbkdf2_hmac', 'file_digest')

new = _hashlib.new
md5 = _hashlib.md5
sha1 = _hashlib.sha1
sha224 = _hashlib.sha224
sha256 = _hashlib.sha256
sha384 = _hashlib.sha384
sha512 = _hashlib.sha512
sha3_224 = _hashlib.sha3_224
sha3_256 = _hashlib.sha3_256
sha3_384 = _hashlib.sha3_384
sha3_512 = _hashlib.sha3_512
shake_128 = _hashlib.shake_128
shake_256 = _hashlib.shake_256
blake2b = _hashlib.blake2b
blake2s = _hashlib.blake2s


def pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None):
    """Password-based key derivation function 2 (RFC 8018) with HMAC."""
    import hmac
    password = bytes(memoryview(password))
    salt = bytes(memoryview(salt))
    if iterations < 1:
        raise ValueError('iteration value must be greater than 0.')
    inner = new(hash_name)
    if dklen is None:
        dklen = inner.digest_size
    if dklen < 1:
        raise ValueError('key length must be greater than 0.')
    mac = hmac.new(password, None, hash_name)
    out = bytearray()
    block = 1
    while len(out) < dklen:
        h = mac.copy()
        h.update(salt + block.to_bytes(4, 'big'))
        u = h.digest()
        acc = int.from_bytes(u, 'big')
        for _ in range(iterations - 1):
            h = mac.copy()
            h.update(u)
            u = h.digest()
            acc ^= int.from_bytes(u, 'big')
        out += acc.to_bytes(len(u), 'big')
        block += 1
    return bytes(out[:dklen])


def file_digest(fileobj, digest, /, *, _bufsize=2**18):
    """Hash the contents of a binary file object opened for reading."""
    digestobj = new(digest) if isinstance(digest, str) else digest()
    while True:
        chunk = fileobj.read(_bufsize)
        if not chunk:
            break
        digestobj.update(chunk)
    return digestobj
