#!/usr/bin/env python3
"""Check of `creditbench serve` through examples/scar_credit_client.py against a live server.

Starts `creditbench serve` (and examples/vader_reward_server.py, vaderSentiment 3.3.2) on free
loopback ports and checks, through the example client's functions:
- the per-unit Shapley values equal `creditbench explain` on prompt + response-less text games
  (the same units, VADER, exact) within 1e-12, for a built-in model and for a reward-model URL;
- the per-token rewards sum to the sequence reward (alpha = 1 and alpha = 0.5), one per token,
  and each unit's credit sits on the token that ends it;
- bad requests (malformed JSON, an unknown estimator, exact over the unit limit, a body over the
  size limit) get a 4xx with a one-line reason and the server keeps answering;
- a reward-model URL not allowed at startup (`serve --allow-reward-model URL`) gets 403 with a
  one-line reason naming it.
The servers are stopped in every case, failures included.
"""
import json
import os
import sys
import urllib.error
import urllib.request

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_env  # noqa: E402

TOLERANCE = 1e-12
TOKENS = ["The", " movie", " was", " not", " good,", " but", " the", " acting", " was", " great!"]
# Words without punctuation, so that the word-token units are exactly these tokens.
WORDS = ["The", " movie", " was", " not", " good", " but", " the", " acting", " was", " great"]


def post(url, body):
    request = urllib.request.Request(url, data=body, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.load(answer)
    except urllib.error.HTTPError as error:
        return error.code, json.load(error)


def main():
    peer_env.ensure(["vaderSentiment==3.3.2"])
    sys.path.insert(0, str(peer_env.ROOT / "examples"))
    import scar_credit_client as client
    failures = 0

    def check(label, ok, detail=""):
        nonlocal failures
        print(f"  {label}: {'ok' if ok else 'FAILED'} {detail}")
        failures += not ok

    python_server = [sys.executable, "examples/vader_reward_server.py", "--port", "0"]
    with peer_env.Server(python_server) as reward_server, \
            peer_env.Server([peer_env.creditbench(), "serve", "--port", "0", "--allow-reward-model", reward_server.url]) as service:
        text = "".join(WORDS)
        reference = json.loads(peer_env.run_creditbench(
            ["explain", "--task", "sentiment", "--text", text, "--units", "tokens", "--format", "json"]))
        for model in ("vader", reward_server.url):
            answer = client.scar_credit(service.url, "", WORDS, units="tokens", reward_model=model)
            difference = max(abs(a - b) for a, b in zip(answer["shapley_values"], reference["credits"]))
            check(f"shapley values via {model}", difference <= TOLERANCE and answer["calls"] == reference["calls"],
                  f"(max |difference| {difference:.3g}, {answer['calls']} calls)")
            # With tokens as units each unit ends on its own token: r_t = phi_t + v(empty)/T.
            expected = [phi + answer["empty_reward"] / len(WORDS) for phi in answer["shapley_values"]]
            placed = max(abs(a - b) for a, b in zip(answer["token_rewards"], expected))
            check(f"token rewards placed via {model}", placed <= TOLERANCE, f"(max |difference| {placed:.3g})")
        for alpha in (1.0, 0.5):
            answer = client.scar_credit(service.url, "Review: ", TOKENS, units="spans", alpha=alpha,
                                        estimator="kernelshap-paired", budget=200)
            total = sum(answer["token_rewards"])
            check(f"spans, kernelshap-paired, alpha {alpha}: {len(answer['units'])} units",
                  len(answer["token_rewards"]) == len(TOKENS) and abs(total - answer["sequence_reward"]) <= 1e-9,
                  f"(sum r_t {total:.6f}, R {answer['sequence_reward']:.6f}, {answer['calls']} calls)")
        long_response = " ".join(["good"] * 40)
        bad_requests = [
            ("malformed JSON", b"{not json"),
            ("unknown estimator", json.dumps({"response": text, "estimator": "nope"}).encode()),
            ("exact over the unit limit", json.dumps({"response": long_response, "units": "tokens", "estimator": "exact"}).encode()),
            ("body over the size limit", b'{"response": "' + b"a" * (9 << 20) + b'"}'),
        ]
        not_allowed = reward_server.url + "elsewhere"
        status, answer = post(service.url, json.dumps({"response": text, "reward_model": not_allowed}).encode())
        reason = answer.get("error", "")
        check("reward-model URL not allowed -> 403", status == 403 and not_allowed in reason and "\n" not in reason, f"({reason[:120]})")
        for label, body in bad_requests:
            try:
                status, answer = post(service.url, body)
            except (urllib.error.URLError, ConnectionError) as error:  # the server may close a too-large upload early
                status, answer = 413, {"error": f"connection closed ({error})"}
            reason = answer.get("error", "")
            check(f"{label} -> {status}", 400 <= status < 500 and reason and "\n" not in reason, f"({reason[:100]})")
        status, _ = post(service.url, json.dumps({"response": text}).encode())
        check("still answering after the bad requests", status == 200)
    print("scar service check: " + ("ok" if failures == 0 else f"{failures} failures"))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
