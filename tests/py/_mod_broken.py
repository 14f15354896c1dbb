print("broken: running")
raise ValueError("broken module")
