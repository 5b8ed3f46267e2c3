-- wrk script for scripts/pacing-check.sh: every connection POSTs one streaming chat completion,
-- reads it to the end, and sends the next; the mock's /stats holds the pacing truth.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["x-mock-ttft-ms"] = os.getenv("TTFT_MS") or "200"
wrk.headers["x-mock-itl-ms"] = os.getenv("ITL_MS") or "20"
wrk.headers["x-mock-output-tokens"] = os.getenv("OUTPUT_TOKENS") or "100"
wrk.body = '{"model":"' .. (os.getenv("MODEL") or "paced")
    .. '","stream":true,"messages":[{"role":"user","content":"Tell me about pacing."}]}'
