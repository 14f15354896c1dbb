from _mod_cyc_c import C
D = "d"
