# A feasible landing schedule for aircraft_landing that is not optimal (penalty 190, optimum 50).
import json

earliest_landing = [1, 3, 5]
target_landing = [5, 6, 7]
penalty_after = [10, 20, 30]
penalty_before = [5, 10, 15]
times = [5, 8, 12]  # windows and separations hold; aircraft 1 and 2 land late
penalty = sum(
    penalty_before[i] * max(0, target_landing[i] - t) + penalty_after[i] * max(0, t - target_landing[i])
    for i, t in enumerate(times)
)
print(json.dumps({"landing_times": times, "total_penalty": penalty}))
