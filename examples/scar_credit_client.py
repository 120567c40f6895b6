#!/usr/bin/env python3
"""How a Python trainer gets SCAR's per-token rewards from `creditbench serve` (plain urllib).

Start the service, then run this file:

    creditbench serve --port 8081 &
    python3 examples/scar_credit_client.py --url http://127.0.0.1:8081/

`scar_token_rewards` sends the prompt and the response as the trainer's own token strings, so the
answer's "token_rewards" line up one to one with the trainer's tokens: the dense reward r_t of a
PPO step (in TRL, what goes in place of the single end-of-sequence score), summing to the sequence
reward R when the estimator is efficient (exact, kernelshap, owen). Errors come back as HTTP 4xx
with {"error": reason}.
"""
import argparse
import json
import sys
import urllib.error
import urllib.request


def scar_credit(url, prompt, tokens, units="spans", estimator="exact", budget=500, alpha=1.0,
                reward_model="vader", seed=0, timeout=60):
    """The service's whole answer for one response (a dict); raises RuntimeError with the
    server's one-line reason on a 4xx/5xx."""
    request = {"prompt": prompt, "tokens": tokens, "units": units, "estimator": estimator,
               "budget": budget, "alpha": alpha, "reward_model": reward_model, "seed": seed}
    data = json.dumps(request).encode()
    http_request = urllib.request.Request(url, data=data, headers={"Content-Type": "application/json"})
    try:
        with urllib.request.urlopen(http_request, timeout=timeout) as answer:
            return json.load(answer)
    except urllib.error.HTTPError as error:
        raise RuntimeError(f"{url}: HTTP {error.code}: {json.load(error).get('error')}") from None


def scar_token_rewards(url, prompt, tokens, **options):
    """One reward per token of `tokens`, SCAR's dense rewards."""
    return scar_credit(url, prompt, tokens, **options)["token_rewards"]


def main():
    parser = argparse.ArgumentParser(description="SCAR per-token rewards from creditbench serve")
    parser.add_argument("--url", default="http://127.0.0.1:8081/")
    parser.add_argument("--reward-model", default="vader", help="vader, learned or a reward-model URL")
    arguments = parser.parse_args()
    prompt = "Review: "
    # The trainer's tokenizer output for one sampled response (here: words with their spaces).
    tokens = ["The", " movie", " was", " not", " good,", " but", " the", " acting", " was", " great!"]
    answer = scar_credit(arguments.url, prompt, tokens, units="spans", reward_model=arguments.reward_model)
    print(f"R = {answer['sequence_reward']:+.4f} ({answer['estimator']}, {answer['calls']} reward calls, {answer['seconds']:.3f} s)")
    for unit, value in zip(answer["units"], answer["shapley_values"]):
        print(f"  phi {value:+.4f}  {unit}")
    for token, reward in zip(tokens, answer["token_rewards"]):
        print(f"  r_t {reward:+.4f}  {token!r}")
    print(f"sum of r_t = {sum(answer['token_rewards']):+.4f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
