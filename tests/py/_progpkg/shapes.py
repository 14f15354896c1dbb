import math
from .util import convert


class Shape:
    def area(self):
        raise NotImplementedError

    def perimeter(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self._arg()})"


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def _arg(self):
        return self.r

    def area(self):
        return math.pi * self.r ** 2

    def perimeter(self):
        return 2 * math.pi * self.r


class Square(Shape):
    def __init__(self, side):
        self.side = side

    def _arg(self):
        return convert.to_roman(self.side) if isinstance(self.side, int) else self.side

    def area(self):
        return self.side ** 2

    def perimeter(self):
        return 4 * self.side


def total_area(shapes):
    return round(sum(s.area() for s in shapes), 4)
