"""The engine benchmark's queueing work in SimPy, for a side-by-side figure (bench/simpy.ts).

1,000,000 RestockItem commands arrive 1 ms apart; a pool of 4 workers decides each in 1 ms
(reading the stock when the decision starts, appending one event when it ends); a zero-latency
state store enacts each event. Latencies are kept for percentiles, as the engine does.
Usage: python3 simpy_pool.py [commands]
"""
import json
import sys

import simpy

N = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000


def main():
    env = simpy.Environment()
    workers = simpy.Resource(env, capacity=4)
    state = {}
    latencies = []
    log = []

    def command(k):
        arrived = env.now
        with workers.request() as slot:
            yield slot
            _read = state.get("stock:tee@main", 0)  # the decision reads the state when it starts
            yield env.timeout(1)
            event = {"seq": len(log) + 1, "type": "ItemRestocked", "qty": 1}
            log.append(event)
            state["stock:tee@main"] = state.get("stock:tee@main", 0) + event["qty"]  # the state store enacts it
            latencies.append(env.now - arrived)

    def arrivals():
        for k in range(N):
            env.process(command(k))
            yield env.timeout(1)

    env.process(arrivals())
    env.run()
    latencies.sort()
    rank = lambda p: latencies[max(0, -(-p * len(latencies) // 100) - 1)]
    print(json.dumps({"commands": N, "events": len(log), "makespanMs": env.now, "p50": rank(50), "p99": rank(99), "stock": state["stock:tee@main"]}))


main()
