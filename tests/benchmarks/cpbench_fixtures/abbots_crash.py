# Crashes before printing anything.
raise RuntimeError("this candidate always fails")
