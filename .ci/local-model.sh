#!/usr/bin/env bash
# End-to-end Leicester report with the real bundled local model (SmolLM2-135M via llama-cpp-python),
# once in-process (--backend local) and once through llama-cpp-python's own OpenAI-compatible
# server (an independent implementation of the API). Fails if a report is incomplete or if any
# published text did not pass the verifier; prints the verified pass rates.
set -euo pipefail
cd "$(dirname "$0")/.."
out=outputs/ci-local
rm -rf "$out" && mkdir -p "$out"

check() {  # report.json, label
    python - "$1" "$2" <<'PY'
import json, sys
path, label = sys.argv[1], sys.argv[2]
report = json.load(open(path))
texts = report["texts"]
assert len(texts) == len(report["charts"]) + len(report["sections"]) + 1, "report incomplete"
# a text is published with a passing verdict, or it is the number-free notice (status failed,
# no verdict: nothing was verified, and it says so)
unverified = [t["id"] for t in texts
              if t["status"] != "failed" and (t["verdict"] or {}).get("outcome") != "pass"]
assert not unverified, f"published texts without a passing verdict: {unverified}"
notices = [t["id"] for t in texts if t["status"] == "failed" and t["verdict"] is not None]
assert not notices, f"notices that claim a verdict: {notices}"
by = {s: sum(t["status"] == s for t in texts)
      for s in ("verified", "repaired", "fallback", "failed")}
print(f"{label}: {len(texts)} texts; verified first time {by['verified']} "
      f"({by['verified'] / len(texts):.0%}), repaired {by['repaired']}, fallback {by['fallback']}, "
      f"notice {by['failed']}; every other published text passed the verifier")
PY
}

echo "== local model in-process"
time narrator generate --authority Leicester --backend local --out "$out/inprocess" --no-cache \
    --max-repairs 1 --max-tokens 200 >/dev/null
check "$out/inprocess/leicester/report.json" "in-process"

echo "== local model through python -m llama_cpp.server"
model=$(python -c "from narrator.llm.local import bundled_model_path; print(bundled_model_path())")
port=${NARRATOR_LLAMA_PORT:-8766}
python -m llama_cpp.server --model "$model" --model_alias smollm2 --host 127.0.0.1 --port "$port" \
    --n_ctx 2048 --n_threads 2 >"$out/llama-server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$port/v1/models" >/dev/null && break
    kill -0 "$server" 2>/dev/null || { cat "$out/llama-server.log" >&2; exit 1; }
    sleep 1
done
time narrator generate --authority Leicester --backend openai --base-url "http://127.0.0.1:$port/v1" \
    --model smollm2 --prompt-style word_facts --out "$out/server" --no-cache \
    --max-repairs 1 --max-tokens 200 >/dev/null
check "$out/server/leicester/report.json" "llama_cpp.server"
