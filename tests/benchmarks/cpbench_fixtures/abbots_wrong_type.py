# Prints a list where a single number is expected.
import json

print(json.dumps({"men": [5], "women": 25, "children": 70}))
