print("loading", __name__)
from ._consts import PI
def area(r):
    return PI * r * r
