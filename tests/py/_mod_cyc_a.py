print("a: start")
import _mod_cyc_b
print("a: b.B_VALUE =", _mod_cyc_b.B_VALUE)
A_VALUE = "a"
print("a: end")
