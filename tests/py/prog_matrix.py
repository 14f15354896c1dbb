# A matrix class with operator overloading.

class Matrix:
    def __init__(self, rows):
        rows = [list(r) for r in rows]
        if not rows or any(len(r) != len(rows[0]) for r in rows):
            raise ValueError("rows must be non-empty and of equal length")
        self.rows = rows

    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])

    @classmethod
    def zeros(cls, r, c):
        return cls([[0] * c for _ in range(r)])

    @property
    def shape(self):
        return len(self.rows), len(self.rows[0])

    def __repr__(self):
        return f"Matrix({self.rows!r})"

    def __str__(self):
        cells = [[f"{v:g}" if isinstance(v, float) else str(v) for v in r] for r in self.rows]
        width = max(len(c) for r in cells for c in r)
        return "\n".join("[" + " ".join(c.rjust(width) for c in r) + "]" for r in cells)

    def __eq__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        return self.rows == other.rows

    def __hash__(self):
        return hash(tuple(map(tuple, self.rows)))

    def _elementwise(self, other, op):
        if isinstance(other, Matrix):
            if self.shape != other.shape:
                raise ValueError(f"shape mismatch: {self.shape} vs {other.shape}")
            return Matrix([[op(a, b) for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, other.rows)])
        if isinstance(other, (int, float)):
            return Matrix([[op(a, other) for a in r] for r in self.rows])
        return NotImplemented

    def __add__(self, other):
        return self._elementwise(other, lambda a, b: a + b)

    __radd__ = __add__

    def __sub__(self, other):
        return self._elementwise(other, lambda a, b: a - b)

    def __rsub__(self, other):
        return self._elementwise(other, lambda a, b: b - a)

    def __mul__(self, other):
        return self._elementwise(other, lambda a, b: a * b)

    def __rmul__(self, other):
        return self * other

    def __neg__(self):
        return self * -1

    def __matmul__(self, other):
        if not isinstance(other, Matrix):
            return NotImplemented
        n, m = self.shape
        m2, p = other.shape
        if m != m2:
            raise ValueError(f"cannot multiply {n}x{m} by {m2}x{p}")
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(row, col)) for col in cols] for row in self.rows])

    def __imatmul__(self, other):
        self.rows = (self @ other).rows
        return self

    def __pow__(self, k):
        result = Matrix.identity(self.shape[0])
        base = self
        while k:
            if k & 1:
                result = result @ base
            base = base @ base
            k >>= 1
        return result

    def __getitem__(self, idx):
        if isinstance(idx, tuple):
            r, c = idx
            return self.rows[r][c]
        return self.rows[idx]

    def __setitem__(self, idx, value):
        r, c = idx
        self.rows[r][c] = value

    def __iter__(self):
        for r in self.rows:
            yield from r

    def __len__(self):
        return len(self.rows)

    def __bool__(self):
        return any(self)

    def __abs__(self):
        return sum(v * v for v in self) ** 0.5

    @property
    def T(self):
        return Matrix(zip(*self.rows))

    def det(self):
        n, m = self.shape
        if n != m:
            raise ValueError("determinant needs a square matrix")
        if n == 1:
            return self.rows[0][0]
        if n == 2:
            (a, b), (c, d) = self.rows
            return a * d - b * c
        total = 0
        for j, v in enumerate(self.rows[0]):
            minor = Matrix([r[:j] + r[j + 1:] for r in self.rows[1:]])
            total += (-1) ** j * v * minor.det()
        return total


A = Matrix([[1, 2], [3, 4]])
B = Matrix([[0, 1], [1, 0]])
print(A)
print(repr(A + B), repr(A - 1), repr(10 - A))
print(A * 2 == 2 * A, A * 2)
print(A @ B)
print(B @ A)
print(repr(-A), abs(Matrix([[3, 4]])))
F = Matrix([[1, 1], [1, 0]])
print("fib via matrix power:", [(F ** k)[0, 1] for k in range(1, 15)])
C = Matrix([[2, 0, 1], [1, 3, 2], [1, 1, 1]])
print("det", C.det(), "shape", C.shape, "T", C.T.rows)
print(Matrix([[1.5, 2.25], [10.0, -0.5]]))
M = Matrix.identity(3)
M @= C
print(M == C, M is not C, M != A)
M[0, 0] = 99
print(M[0], M[0, 0], list(M)[:4], len(M), bool(Matrix.zeros(2, 2)), bool(M))
print(sum([A, B, A]))
print({A: "a", Matrix([[1, 2], [3, 4]]): "again"})
for bad in [lambda: A + Matrix([[1, 2, 3]]), lambda: A @ Matrix([[1, 2, 3]]),
            lambda: A @ 3, lambda: A + "x", lambda: Matrix([[1], [1, 2]]),
            lambda: Matrix([[1, 2, 3]]).det(), lambda: 3 @ A]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
