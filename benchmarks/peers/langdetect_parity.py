#!/usr/bin/env python3
"""Parity of `creditbench score language` with langdetect 1.0.9's detect(), seeded.

Reference: langdetect==1.0.9 from PyPI with DetectorFactory.seed = 0 (IFEval calls detect()
unseeded; the Swift port implements the seeded detector). Each text's detected language, or
the LangDetectException ("No features in text.", reported by the CLI as an error) must be equal.

Texts compared (about 6,700):
- the 540 GPT-4 responses and 541 prompts of tasks/instructions, and each response upper-cased,
  lower-cased and cut to its first 40 code points;
- for each of the 55 profiles, texts built from the profile's own grams: words assembled from
  its 3-grams drawn by frequency (1 to 40 words, some capitalised or in capitals);
- mixed-language strings: two or three such texts of different languages joined;
- very short strings: one to three of a profile's 1-grams, with and without spaces;
- empty, whitespace-only, digit and symbol-only strings, lone URLs and e-mail addresses
  (langdetect raises on most);
- texts around the 10,000-code-point cut, and URLs and e-mail addresses at and beyond the
  patterns' length limits (2076; 64, 255 and 255);
- random strings over URL and e-mail pieces, Vietnamese letters + combining marks, Romanian
  comma-below letters, Farsi yeh, kana, hangul, CJK ideographs, Latin-1 and General
  Punctuation symbols, capitals and spaces (the normalisation and text-cleaning rules).

Usage: python3 benchmarks/peers/langdetect_parity.py   (CREDITBENCH_BIN to use a built binary)
Exit status is non-zero on any disagreement.
"""
import collections
import json
import os
import platform
import random
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import peer_env  # noqa: E402

REFERENCE = "langdetect==1.0.9"
PROFILES = os.path.join(str(peer_env.ROOT), "tasks", "instructions", "langdetect", "profiles")


def load_instruction_texts():
    data = os.path.join(str(peer_env.ROOT), "tasks", "instructions")
    with open(os.path.join(data, "input_response_data_gpt4_20231107_145030.jsonl"), encoding="utf-8") as f:
        responses = [json.loads(line)["response"] for line in f]
    with open(os.path.join(data, "input_data.jsonl"), encoding="utf-8") as f:
        prompts = [json.loads(line)["prompt"] for line in f]
    texts = [("response", r) for r in responses] + [("prompt", p) for p in prompts]
    for r in responses:
        texts += [("response variant", r.upper()), ("response variant", r.lower()), ("response variant", r[:40])]
    return texts


def load_profiles():
    profiles = {}
    for name in sorted(os.listdir(PROFILES)):
        with open(os.path.join(PROFILES, name), encoding="utf-8") as f:
            profiles[name] = json.load(f)["freq"]
    return profiles


class GramSampler:
    """Draws a profile's grams of one length by frequency."""

    def __init__(self, freq, length):
        self.grams = [g for g in freq if len(g) == length]
        self.weights = [freq[g] for g in self.grams]

    def draw(self, rng, k=1):
        return rng.choices(self.grams, weights=self.weights, k=k)


def profile_word(trigrams, rng):
    """A word: letters taken from 3-grams that hold no space."""
    inner = [g for g in trigrams.draw(rng, 4) if " " not in g]
    word = "".join(g[: rng.randint(1, 3)] for g in inner) or trigrams.draw(rng)[0].strip()
    style = rng.random()
    if style < 0.1:
        return word.upper()
    if style < 0.25:
        return word[:1].upper() + word[1:]
    return word


def profile_text(trigrams, rng, words):
    return " ".join(profile_word(trigrams, rng) for _ in range(words))


def profile_texts(profiles, rng):
    texts, samplers = [], {}
    for language, freq in profiles.items():
        samplers[language] = (GramSampler(freq, 1), GramSampler(freq, 3))
        for words in (1, 1, 2, 2, 3, 4, 5, 6, 8, 10, 12, 15, 20, 25, 30, 40) + tuple(rng.randint(1, 40) for _ in range(24)):
            texts.append((f"profile {language}", profile_text(samplers[language][1], rng, words)))
    return texts, samplers


def mixed_texts(samplers, rng, count):
    languages = sorted(samplers)
    texts = []
    for _ in range(count):
        parts = [profile_text(samplers[lang][1], rng, rng.randint(1, 12)) for lang in rng.sample(languages, rng.choice((2, 2, 3)))]
        texts.append(("mixed", rng.choice((" ", ". ", "\n", "")).join(parts)))
    return texts


def short_texts(samplers, rng, count):
    languages = sorted(samplers)
    texts = []
    for _ in range(count):
        unigrams = samplers[rng.choice(languages)][0]
        letters = unigrams.draw(rng, rng.randint(1, 3))
        texts.append(("short", rng.choice(("", " ")).join(letters)))
    return texts


SYMBOL_TEXTS = ["", " ", "  ", "\n", "\t \n", "1", "42", "3.14159", "!!!", "...", "?!", "-", "—", "***", "###", "@", "@@",
                "()[]{}", "<<>>", "1 2 3", "2023-11-07", "$100", "100%", "+-*/=", "«»", "°", "\u00a0", "\u2014\u2013\u2026",
                "\U0001F600", "\U0001F600\U0001F44D", "\u2600\u2601", "\u3000", "\u3001\u3002", "\uff01\uff1f", "\u00bf\u00a1",
                "https://example.com", "http://a.b/c?d=e&f=g#h", "me@example.com", "a.b-c_d@x-y.z", "https://x.y me@x.y",
                "12:30", "#hashtag", "@user", "\u0660\u0661\u0662", "\u0966\u0967", "\u2460\u2461", "\u00bd \u00bc", "`~|\\^_"]

FUZZ_PIECES = ["http://", "https://", "http:/", "https:", "www.", ".com", "/path", "?q=1", "#frag", "&", "~", ";", "+", "=",
               "@", "@@", ".", "..", "-", "_", "user", "mail", "x1", "EXAMPLE", "A", "B", "Z", "a", "e", "o", "y", "u",
               " ", " ", " ", "  ", "\n", "\t", "A\u0300", "e\u0301", "o\u0303", "u\u0309", "a\u0323", "\u00e2\u0301",
               "\u01a1\u0300", "\u01b0\u0323", "Y\u0309", "\u0300", "\u0323", "\u1ea0", "\u1ec7", "\u1e00", "\u0219", "\u021b",
               "\u015f", "\u0163", "\u06cc", "\u064a", "\u0627\u0644", "\u3042", "\u30a2", "\u30ab\u30bf", "\u3072\u3089",
               "\u3105", "\u31a0", "\uac00", "\ud55c\uad6d", "\u4e00", "\u4e80", "\u5263", "\u6c38", "\u00a0", "\u00ab",
               "\u00b0", "\u00e9", "\u00df", "\u00c9", "\u2019", "\u201c", "\u2014", "\u0400", "\u0416", "\u0436",
               "\u0394", "\u03bb", "\u05d0", "\u0915", "\u0e01", "\u1100", "\u0531", "\uff21", "\U00020000", "\ua7cb", "\u0295", "\ua7f2", "1", "9"]


def edge_texts(responses):
    """The bounds of the text cleaning: the 10,000-code-point cut, and URLs and e-mail
    addresses at and beyond their patterns' repetition limits."""
    long_text = " ".join(responses)
    texts = [long_text[:n] for n in (9999, 10000, 10001, 20000)]
    texts += ["Guten Tag " * 999 + "hello world " * 200, "  " * 6000 + "bonjour tout le monde"]
    for n in (63, 64, 65, 100):
        texts.append("a" * n + "@example.com ciao a tutti")
        texts.append("x." * (n // 2) + "@" + "h" * (n * 3) + "." + "d" * (n * 3) + " hola amigos")
    for n in (254, 255, 256, 600):
        texts.append("mail me@" + "b" * n + " merci beaucoup")
        texts.append("me@" + "b" * n + "." + "c" * n + " dank je wel")
    for n in (2075, 2076, 2077, 5000):
        texts.append("http://" + "w" * n + " obrigado pela ajuda")
    return [("edge", t) for t in texts]


def fuzz_texts(rng, count):
    return [("fuzz", "".join(rng.choice(FUZZ_PIECES) for _ in range(rng.randint(1, 30)))) for _ in range(count)]


def main():
    peer_env.ensure([REFERENCE])
    from langdetect import DetectorFactory, LangDetectException, detect
    DetectorFactory.seed = 0

    rng = random.Random(20231107)
    profiles = load_profiles()
    generated, samplers = profile_texts(profiles, rng)
    instruction_texts = load_instruction_texts()
    responses = [t for origin, t in instruction_texts if origin == "response"]
    texts = (instruction_texts + generated + mixed_texts(samplers, rng, 600) + short_texts(samplers, rng, 600)
             + [("symbols", t) for t in SYMBOL_TEXTS] + edge_texts(responses) + fuzz_texts(rng, 900))

    started = time.time()
    payload = "".join(json.dumps({"text": t}) + "\n" for _, t in texts)
    outputs = [json.loads(line) for line in peer_env.run_creditbench(["score", "language"], payload).splitlines()]
    swift_seconds = time.time() - started
    if len(outputs) != len(texts):
        print(f"FAIL: {len(outputs)} output lines for {len(texts)} texts")
        return 1

    started = time.time()
    compared, disagreed, raised = collections.Counter(), collections.Counter(), collections.Counter()
    failures = []
    for (origin, text), out in zip(texts, outputs):
        group = origin.split(" ")[0]
        try:
            expected = {"language": detect(text)}
        except LangDetectException as error:
            expected = {"error": str(error)}
        compared[group] += 1
        raised[group] += "error" in expected
        if out != expected:
            disagreed[group] += 1
            failures.append((origin, text, expected, out))
    python_seconds = time.time() - started

    print(f"reference {REFERENCE} (seed 0) on CPython {platform.python_version()}; "
          f"creditbench {swift_seconds:.1f} s, langdetect {python_seconds:.1f} s")
    print(f"{'texts':20s} {'compared':>8s} {'raised':>8s} {'disagree':>8s}")
    for group in compared:
        print(f"{group:20s} {compared[group]:8d} {raised[group]:8d} {disagreed[group]:8d}")
    for origin, text, expected, got in failures[:15]:
        print(f"DISAGREE {origin}: langdetect={expected} swift={got} text={text[:120]!r}")
    total, bad = sum(compared.values()), sum(disagreed.values())
    status = "OK" if bad == 0 else "FAIL"
    print(f"{status}: langdetect parity {total - bad}/{total} texts agree "
          f"({sum(raised.values())} where langdetect raises)")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
