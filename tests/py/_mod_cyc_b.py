print("b: start")
import _mod_cyc_a
print("b: a partially initialized, has A_VALUE:", hasattr(_mod_cyc_a, "A_VALUE"))
B_VALUE = "b"
print("b: end")
