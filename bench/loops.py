# Tight loops: range iteration, int arithmetic, local variables.
def run(n):
    total = 0
    for i in range(n):
        total += i * 3 % 7
        if total > 1000000:
            total -= 1000000
    return total

print(run(10000000))
