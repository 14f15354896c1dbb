# hash(x) returns x.__hash__() unchanged when it fits a hash value; only
# larger ints are reduced (datetime's hashes depend on this).
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v

for v in [0, 1, -2, 2**61 - 2, 2**61 - 1, 2**61, 2**62, -2**62, 2**63 - 1, -2**63, 2**63, 2**64 + 5, -2**70, True]:
    print(v, hash(H(v)))
print(hash(H(-1)))
try:
    hash(H(1.5))
except TypeError as e:
    print(e)
