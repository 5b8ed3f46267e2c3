-- wrk script for scripts/unpaced-bench.sh: 63-event streams with no delays (role, 60 content events,
-- finish, [DONE]), one request after another on each connection.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-mock-output-tokens"] = "60"
wrk.headers["x-mock-ttft-ms"] = "0"
wrk.headers["x-mock-itl-ms"] = "0"
wrk.body = '{"model":"instant","stream":true,"messages":[{"role":"user","content":"Tell me about throughput."}]}'
