def show(expr):
    try:
        print(expr, '=>', repr(eval(expr)))
    except Exception as ex:
        print(expr, '->', type(ex).__name__ + ':', ex)

def run(stmt):
    ns = {}
    parts = stmt.split('; ')
    try:
        for p in parts[:-1]:
            exec(p, ns)
        print(stmt, '=>', repr(eval(parts[-1], ns)))
    except Exception as ex:
        print(stmt, '->', type(ex).__name__ + ':', ex)


show("hash('')")
show("hash('a')")
show("hash('abc')")
show("hash('é')")
show("hash('€uro')")
show("hash('😀')")
show("hash(b'abc')")
show("hash(b'')")

print(sorted({'apple', 'banana', 'cherry'}))
print(list({'one': 1, 'two': 2, 'three': 3}))
print(list({'x', 'y', 'z', 'w', 'alpha', 'beta'}))
