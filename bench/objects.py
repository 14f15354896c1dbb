# Classes, attributes, method calls, allocation and freeing of instances.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

acc = Vec(0, 0)
s = 0
for i in range(1000000):
    v = Vec(i, i + 1)
    acc = acc.add(v)
    s += v.dot(v) % 1000
print(acc.x, acc.y, s)
