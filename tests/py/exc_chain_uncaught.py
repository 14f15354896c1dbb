# Implicit chaining: "During handling of the above exception..."
def parse(s):
    try:
        return int(s)
    except ValueError:
        raise RuntimeError("could not parse " + repr(s))

parse("x1")
