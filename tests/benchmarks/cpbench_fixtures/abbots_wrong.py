# Prints a total of 100 people but 150 bushels: violates the corn constraint.
import json

print(json.dumps({"men": 10, "women": 50, "children": 40}))
