# helper module for import_basic.py
print("loading _mod_util as", __name__)
VALUE = 42
_private = "hidden"
__all__ = ["VALUE", "double"]

def double(x):
    return 2 * x

if __name__ == "__main__":
    print("never when imported")
