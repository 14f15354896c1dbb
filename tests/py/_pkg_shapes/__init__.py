print("loading package", __name__, __package__)
from .square import Square
from . import circle
NAME = "shapes"
