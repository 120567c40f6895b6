"""ROUGE: CreditBench's `score rouge` against rouge-score 0.1.2 (with nltk 3.10.4's Porter
stemmer), all four variants (rouge1, rouge2, rougeL, rougeLsum) x (precision, recall, fmeasure)
x (stemmer off, on), to 1e-9.

Pairs (prediction, reference):
  bbc       every BBC article file (title, blank lines and all) against its reference summary,
            and each summary against its article;
  subsets   1,200 seeded random subsets of an article's body sentences, joined with newlines
            (in article order or shuffled), against the reference summary;
  soup      500 seeded random texts over a 5-word vocabulary with random line breaks, which
            stress the LCS tie-breaking that ROUGE-Lsum's union LCS depends on;
  edge      empty texts, punctuation only, numbers, non-ASCII letters (U+0130 and the Kelvin
            sign lowercase to ASCII letters), CR LF line ends, tokens in only one line...
Tokens are checked too (`score rouge --tokens`): the token lists of every text above and the
stem of every distinct word of every text file under tasks/ (plus Porter's own examples),
against `DefaultTokenizer(use_stemmer).tokenize`.

Prints counts and the first mismatches; exits non-zero on any mismatch.

    python3 benchmarks/peers/rouge_parity.py
"""
import json
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import peer_env  # noqa: E402

peer_env.ensure(["rouge-score==0.1.2", "nltk==3.10.4"])

from rouge_score import rouge_scorer  # noqa: E402

TOLERANCE = 1e-9
KINDS = ["rouge1", "rouge2", "rougeL", "rougeLsum"]
MEASURES = ["precision", "recall", "fmeasure"]
BBC = peer_env.ROOT / "tasks" / "summarization" / "bbc"

PORTER_EXAMPLES = """caresses ponies ties caress cats feed agreed plastered bled motoring sing conflated
troubled sized hopping tanned falling hissing fizzed failing filing happy sky relational conditional
rational valenci hesitanci digitizer conformabli radicalli differentli vileli analogousli
vietnamization predication operator feudalism decisiveness hopefulness callousness formaliti
sensitiviti sensibiliti triplicate formative formalize electriciti electrical hopeful goodness
revival allowance inference airliner gyroscopic adjustable defensible irritant replacement
adjustment dependent adoption homologou communism activate angulariti homologous effective
bowdlerize probate rate cease controll roll generalizations generalization oscillators running
dying lying tying skies news innings inning outings cannings howe proceed exceed succeed spied
tried flies enjoy syzygy yyyy yyyyy toyed played theology analogies fully hopefulli ably
bubbling hoping hopping filled falling fizzing sized oed aed ied eed ing ings""".split()


def bbc_pairs():
    """(name, article text, summary text, body sentences) for every article, sorted by path."""
    for article in sorted((BBC / "article").glob("*/*.txt")):
        summary = BBC / "summary" / article.relative_to(BBC / "article")
        text = article.read_text(encoding="utf-8")
        body = [line for line in text.split("\n")[1:] if line]
        yield f"{article.parent.name}/{article.stem}", text, summary.read_text(encoding="utf-8"), body


def edge_cases():
    texts = [
        "", " ", "\n", "\n\n\n", "!!! ... ???", "--- \n *** \n", "a", "ab", "abc", "abcd",
        "The the THE tHe", "the", "In 2004, 1,000,000 people paid $3.50 (45%) for 3.5m items.",
        "2004 1 000 000 3 50 45", "İstanbul and the KELVIN 5K sign", "istanbul kelvin 5k",
        "naïve café Ünïcödé résumé", "naive cafe unicode resume", "日本語 テキスト 123",
        "Straße STRASSE ﬁne fine", "😀 happy days 😀\n😀", "line one\r\nline two\r\nline one",
        "tab\tseparated\tvalues", "a b c\nb c a\nc a b", "a b\nc a\nb b c", "...\nwords here\n---",
        "running runs ran runner", "generalizations generalize general", "x y\n\nx\ny x",
    ]
    return [(f"edge {i},{j}", p, r) for i, p in enumerate(texts) for j, r in enumerate(texts)]


def subset_pairs(articles, count, rng):
    for index in range(count):
        name, _, summary, body = articles[rng.randrange(len(articles))]
        chosen = sorted(rng.sample(range(len(body)), rng.randint(1, min(len(body), 12))))
        if rng.random() < 0.5:
            rng.shuffle(chosen)
        yield f"subset {index} of {name}", "\n".join(body[i] for i in chosen), summary


def soup_pairs(count, rng):
    words = ["a", "b", "c", "d", "e"]

    def text():
        return "".join(rng.choice(words) + rng.choice([" ", " ", " ", "\n"]) for _ in range(rng.randint(0, 25)))

    for index in range(count):
        yield f"soup {index}", text(), text()


def vocabulary():
    words = set(PORTER_EXAMPLES)
    for path in sorted((peer_env.ROOT / "tasks").rglob("*")):
        if path.suffix in (".txt", ".jsonl", ".tsv", ".csv") and path.is_file():
            words.update(re.findall(r"[a-z0-9]+", path.read_text(encoding="utf-8", errors="replace").lower()))
    return sorted(words)


def run_cli(lines, stemmer, tokens=False):
    arguments = ["score", "rouge"] + (["--stemmer"] if stemmer else []) + (["--tokens"] if tokens else [])
    stdin = "".join(json.dumps({"prediction": p, "reference": r}) + "\n" for p, r in lines)
    return [json.loads(line) for line in peer_env.run_creditbench(arguments, stdin).splitlines()]


def main():
    rng = random.Random(20251126)
    articles = list(bbc_pairs())
    groups = {
        "bbc": [(f"bbc {n}", a, s) for n, a, s, _ in articles] + [(f"bbc reversed {n}", s, a) for n, a, s, _ in articles],
        "subsets": list(subset_pairs(articles, 1200, rng)),
        "soup": list(soup_pairs(500, rng)),
        "edge": edge_cases(),
    }
    words = vocabulary()
    mismatches = []
    compared = 0
    identical = 0
    for stemmer in (False, True):
        scorer = rouge_scorer.RougeScorer(KINDS, use_stemmer=stemmer)
        for group, cases in groups.items():
            ours = run_cli([(p, r) for _, p, r in cases], stemmer)
            if len(ours) != len(cases):
                mismatches.append(f"{group} stemmer={stemmer}: {len(ours)} output lines for {len(cases)} inputs")
                continue
            for (name, prediction, reference), mine in zip(cases, ours):
                theirs = scorer.score(reference, prediction)
                for kind in KINDS:
                    for measure in MEASURES:
                        compared += 1
                        expected = getattr(theirs[kind], measure)
                        identical += mine[kind][measure] == expected
                        if abs(mine[kind][measure] - expected) > TOLERANCE:
                            mismatches.append(f"{name} stemmer={stemmer} {kind}.{measure}: ours {mine[kind][measure]!r} rouge-score {expected!r}")
        tokenizer = scorer._tokenizer
        texts = [(p, r) for cases in groups.values() for _, p, r in cases] + [(" ".join(words), "")]
        for (prediction, reference), mine in zip(texts, run_cli(texts, stemmer, tokens=True)):
            for side, text in (("prediction", prediction), ("reference", reference)):
                compared += 1
                expected = tokenizer.tokenize(text)
                if mine[side] != expected:
                    differing = [(a, b) for a, b in zip(mine[side], expected) if a != b][:5]
                    mismatches.append(f"tokens stemmer={stemmer} of {text[:40]!r}: {len(mine[side])} vs {len(expected)} tokens, first differences (ours, nltk) {differing}")
    for line in mismatches[:20]:
        print(line)
    counts = ", ".join(f"{len(cases)} {group}" for group, cases in groups.items())
    print(f"rouge parity: {compared} comparisons ({counts} pairs x 2 stemmer settings x 12 numbers, "
          f"{identical} of those numbers bit-identical; token lists incl. {len(words)} distinct words), "
          f"{len(mismatches)} mismatches above {TOLERANCE}")
    return 1 if mismatches else 0


if __name__ == "__main__":
    sys.exit(main())
