# binascii and base64: hex, base64, base32, base16, CRCs, errors.
import binascii
import base64
from array import array

def show(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__ + ':', e)

data = [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)),
        b'\xff\xfe\x00\x01', b'hello world' * 10]
for d in data:
    h = binascii.hexlify(d)
    e64 = binascii.b2a_base64(d)
    print(h[:40], binascii.unhexlify(h) == d, e64[:40], binascii.a2b_base64(e64) == d)
    print(binascii.crc32(d), binascii.crc_hqx(d, 0), binascii.crc_hqx(d, 0xffff))
    b64 = base64.b64encode(d)
    print(b64[:40], base64.b64decode(b64) == d, base64.b32encode(d)[:40],
          base64.b32decode(base64.b32encode(d)) == d, base64.b16encode(d)[:40],
          base64.b16decode(base64.b16encode(d)) == d,
          base64.b32hexencode(d)[:24], base64.b32hexdecode(base64.b32hexencode(d)) == d)

print(binascii.crc32(b'world', binascii.crc32(b'hello ')), binascii.crc32(b'hello world'))
print(binascii.crc32(b'abc', -1), binascii.crc32(b'abc', 2**40 + 5))
print(binascii.b2a_hex(b'\x01\xab'), binascii.a2b_hex('01AB'), binascii.a2b_hex(bytearray(b'ff')))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', '-'), binascii.hexlify(b'\x01\x02\x03\x04\x05', b':', 2),
      binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2), binascii.hexlify(b'', '-'))
print(binascii.b2a_base64(b'abc', newline=False), binascii.a2b_base64('YWJj'),
      binascii.a2b_base64(b'YW\nJj\n'), binascii.a2b_base64(b'YQ==YQ=='), binascii.a2b_base64(b'Y!Q=='))
print(binascii.hexlify(memoryview(b'ab')), binascii.hexlify(array('B', [1, 2])), binascii.crc32(bytearray(b'x')))
print(issubclass(binascii.Error, ValueError), binascii.Error.__module__, binascii.Incomplete.__name__)

show(lambda: binascii.unhexlify(b'abc'))
show(lambda: binascii.unhexlify(b'zz'))
show(lambda: binascii.unhexlify('é1'))
show(lambda: binascii.unhexlify(5))
show(lambda: binascii.hexlify('abc'))
show(lambda: binascii.hexlify(b'ab', 'xx'))
show(lambda: binascii.hexlify(b'ab', 5))
show(lambda: binascii.a2b_base64(b'YWJ'))
show(lambda: binascii.a2b_base64(b'Y'))
show(lambda: binascii.a2b_base64(b'YWJjZ'))
show(lambda: binascii.a2b_base64(b'YW!j', strict_mode=True))
show(lambda: binascii.a2b_base64(b'=YWJj', strict_mode=True))
show(lambda: binascii.a2b_base64(b'YQ==YQ', strict_mode=True))
show(lambda: binascii.a2b_base64(b'YQ=a', strict_mode=True))
show(lambda: binascii.crc32('abc'))

# base64 variants
print(base64.b64encode(b'\xfb\xff\xfe', altchars=b'-_'), base64.b64decode(b'-__-', altchars=b'-_'))
print(base64.urlsafe_b64encode(b'\xfb\xff\xfe'), base64.urlsafe_b64decode('-__-'))
print(base64.standard_b64encode(b'xyz'), base64.standard_b64decode(b'eHl6'))
print(base64.b64decode('YWJj\n'), base64.b64decode(b'YW Jj'), base64.b64decode(bytearray(b'YWJj')))
print(base64.b32decode(b'mzxw6===', casefold=True), base64.b32decode(b'MZXW6YQ=', map01=b'L'))
print(base64.b32decode(b'ME======'), base64.b32decode(b'MFRA===='), base64.b16decode(b'abcd', casefold=True))
long = bytes(range(200))
enc = base64.encodebytes(long)
print(enc.count(b'\n'), enc[:80], base64.decodebytes(enc) == long, base64.encodebytes(b''))
show(lambda: base64.b64decode(b'ab!c', validate=True))
show(lambda: base64.b64decode(b'abc'))
show(lambda: base64.b64decode(3))
show(lambda: base64.b64decode('é'))
show(lambda: base64.b32decode(b'MZXW6'))
show(lambda: base64.b32decode(b'MZXW6!=='))
show(lambda: base64.b32decode(b'M======='))
show(lambda: base64.b16decode(b'abcd'))
show(lambda: base64.b16decode(b'ABC'))
show(lambda: base64.encodebytes('abc'))
import io
src, dst = io.BytesIO(long), io.BytesIO()
base64.encode(src, dst)
back = io.BytesIO()
base64.decode(io.BytesIO(dst.getvalue()), back)
print(dst.getvalue() == enc, back.getvalue() == long)
for d in [b'', b'a', b'ab', b'abc', b'abcd', b'abcde', bytes(range(256)), b'\xff' * 9]:
    e = base64.b85encode(d)
    print(e[:40], base64.b85encode(d, pad=True)[-6:], base64.b85decode(e) == d)
show(lambda: base64.b85decode(b'ab"d'))
show(lambda: base64.b85decode(b'~~~~~'))
print(base64.b85decode('VPa!sWoBn+X=-b1ZEkOHadLBXb#`}nd3r%'))
