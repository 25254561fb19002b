"""Recognition quality against hand-annotated paragraphs (`make eval`), and its speed.

The gold set (tests/data/recognition_gold.yaml) was annotated by the author of the rules, the
held-out set (recognition_heldout.yaml) by someone else before looking at the output.
`python -m atlas.tools.recognition_eval` prints precision and recall on both.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Sequence
from pathlib import Path

from atlas.corpus import Corpus
from atlas.pipeline import place_index, prepare
from atlas.project import ROOT, Project
from atlas.readers import read_yaml
from atlas.recognise import Mention, PlaceIndex, recognise

GOLD_PATH = ROOT / "tests" / "data" / "recognition_gold.yaml"
HELDOUT_PATH = ROOT / "tests" / "data" / "recognition_heldout.yaml"
#: label and file of each annotated set
RECOGNITION_SETS = (("gold (tuned on)", GOLD_PATH), ("held-out", HELDOUT_PATH))


class GoldError(ValueError):
    """The gold file no longer matches the corpus (a parser change shifted paragraph ids)."""


def load_gold(gold_path: Path, corpus: Corpus) -> list[tuple[str, str, list[tuple[str, int, int]]]]:
    """Gold paragraphs as (document, paragraph, [(entity, start, end)]), checked against the corpus.

    Each entry stores the first 40 characters of its paragraph: if the corpus parser renumbers
    paragraphs, the check fails with the paragraph id instead of silently scoring garbage.
    """
    rows = read_yaml(gold_path)
    pindex = corpus.paragraph_index()
    out = []
    for row in rows:
        key = (row["document"], row["paragraph"])
        if key not in pindex:
            raise GoldError(f"{gold_path}: {key} is not a paragraph of the corpus")
        text = pindex[key][1].text
        if not text.startswith(row["starts"]):
            raise GoldError(f"{gold_path}: {key} now starts {text[:40]!r}, gold expects "
                            f"{row['starts']!r} (paragraph ids shifted?)")
        out.append((*key, _gold_spans(text, row.get("mentions") or [], key, gold_path)))
    return out


def _gold_spans(text: str, mentions: list[dict], key: tuple[str, str],
                gold_path: Path) -> list[tuple[str, int, int]]:
    """Locate each gold surface text in reading order: searched after the previous mention;
    ``nth: 2`` skips an earlier occurrence that is not a place (an organisation name)."""
    spans = []
    cursor = 0
    for item in mentions:
        surface = str(item["text"])
        pos = cursor - 1
        for _ in range(int(item.get("nth", 1))):
            pos = text.find(surface, pos + 1)
        if pos < 0:
            raise GoldError(f"{gold_path}: {key}: {surface!r} not found in the paragraph "
                            f"after offset {cursor}")
        spans.append((str(item["id"]), pos, pos + len(surface)))
        cursor = pos + len(surface)
    return spans


def score(gold: list[tuple[str, int, int]], predicted: Sequence[Mention]) -> tuple[int, int, int]:
    """(true positives, predicted, gold): same entity and overlapping span, one-to-one."""
    free = list(gold)
    tp = 0
    for m in predicted:
        for g in free:
            if g[0] == m.entity_id and g[1] < m.end and m.start < g[2]:
                free.remove(g)
                tp += 1
                break
    return tp, len(predicted), len(gold)


def evaluate(gold_path: Path, corpus: Corpus, index: PlaceIndex) -> dict:
    """Micro precision/recall of ``recognise`` on the gold paragraphs, plus the errors."""
    pindex = corpus.paragraph_index()
    tp = n_pred = n_gold = 0
    errors = []
    for doc, pid, gold in load_gold(gold_path, corpus):
        text = pindex[(doc, pid)][1].text
        # the gold sets annotate places; organisations (their own kind) are not scored here
        predicted = [m for m in recognise(text, index) if index.kinds.get(m.entity_id) != "organisation"]
        a, b, c = score(gold, predicted)
        tp, n_pred, n_gold = tp + a, n_pred + b, n_gold + c
        if a != b or a != c:
            errors.append({"paragraph": f"{doc}:{pid}",
                           "gold": [(e, text[s:t]) for e, s, t in gold],
                           "predicted": [(m.entity_id, m.text) for m in predicted]})
    precision = tp / n_pred if n_pred else 1.0
    recall = tp / n_gold if n_gold else 1.0
    return {"precision": precision, "recall": recall, "tp": tp, "predicted": n_pred,
            "gold": n_gold, "paragraphs": len(load_gold(gold_path, corpus)), "errors": errors}


def throughput(texts: Sequence[str], index: PlaceIndex, repeat: int = 1) -> float:
    """Characters recognised per second over *texts* × *repeat* (for ``make bench``)."""
    total = sum(len(t) for t in texts) * repeat
    began = time.perf_counter()
    for _ in range(repeat):
        for text in texts:
            recognise(text, index)
    elapsed = time.perf_counter() - began
    return total / elapsed if elapsed > 0 else float("inf")


def project_index(project: Project) -> tuple[Corpus, PlaceIndex]:
    """The project's corpus and its place index (as the build makes them)."""
    stages = prepare(project)
    return stages.corpus, place_index(project, stages.gazetteer)


def summary(label: str, path: Path, corpus: Corpus, index: PlaceIndex) -> str:
    """One line of figures for an annotated set, or why it cannot be scored."""
    if not path.exists():
        return f"{label}: unavailable, no file {path.name}"
    try:
        result = evaluate(path, corpus, index)
    except (ValueError, KeyError, TypeError) as err:  # GoldError is a ValueError
        return f"{label}: unavailable, {path.name} cannot be scored: {err}"
    return (f"{label}: precision {result['precision']:.3f}  recall {result['recall']:.3f}  "
            f"({result['tp']} correct / {result['predicted']} predicted / {result['gold']} annotated "
            f"mentions, {result['paragraphs']} paragraphs)")


def main(argv: Sequence[str]) -> int:
    """``python -m atlas.tools.recognition_eval [-v]``: -v also prints every error."""
    corpus, index = project_index(Project.at(ROOT))
    if "-v" in argv:
        for err in evaluate(GOLD_PATH, corpus, index)["errors"]:
            print(f"{err['paragraph']}\n  gold: {err['gold']}\n  pred: {err['predicted']}")
    for label, path in RECOGNITION_SETS:
        print(summary(label, path, corpus, index))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
