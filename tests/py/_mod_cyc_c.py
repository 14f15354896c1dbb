from _mod_cyc_d import D
C = "c"
