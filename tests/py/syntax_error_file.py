# A file whose own source has a syntax error: nothing runs.
print("never printed")

def broken(:
    pass
