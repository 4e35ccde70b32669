"""Load+validate a synthetic bank of 20,000 questions; compare with a bare yaml.load (CSafeLoader).

Target: load+validate time / bare CSafeLoader time <= 3.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).parent))
from _util import best_of, report  # noqa: E402

from jkquiz.bank import inspect_bank  # noqa: E402

TOPICS, FACTS_PER_TOPIC, QUESTIONS_PER_TOPIC = 20, 250, 1000  # 20,000 questions, 5,000 facts


def write_bank(folder: Path) -> None:
    """Write TOPICS files with every question type, in the bank's own format."""
    for t in range(TOPICS):
        lines = [f"topic:\n  id: topic-{t}\n  title: Topic {t}\n  objectives: [Know topic {t}]\nfacts:"]
        for f in range(FACTS_PER_TOPIC):
            lines.append(
                f"  - id: t{t}-f{f}\n    statement: Event {f} of topic {t} happened in {1900 + f % 120}.\n"
                f"    label: Event {f}\n    when: {1900 + f % 120}\n    kind: event\n"
                f"    sources:\n      - title: Source {f}\n        url: https://example.org/{t}/{f}\n"
                f"        quote: Event {f} happened at Dokdo (독도)."
            )
        lines.append("questions:")
        kinds = [
            "    type: single\n    choices: [Alpha, Beta, Gamma, Delta]\n    answer: Beta",
            "    type: multiple\n    choices: [Alpha, Beta, Gamma, Delta]\n    answers: [Alpha, Gamma]",
            "    type: true_false\n    answer: true",
            "    type: number\n    answer: 1965\n    min: 1900\n    max: 2030",
            "    type: text\n    answer: Dokdo\n    alternates: [Tokdo, 독도]",
            "    type: order\n    items: [First, Second, Third, Fourth]",
            "    type: match\n    pairs:\n      - [Kono, '1993']\n      - [Murayama, '1995']",
        ]
        for q in range(QUESTIONS_PER_TOPIC):
            lines.append(
                f"  - id: t{t}-q{q}\n{kinds[q % len(kinds)]}\n    prompt: Question {q} of topic {t}?\n"
                f"    facts: [t{t}-f{q % FACTS_PER_TOPIC}]\n    explanation: Because of event {q}.\n"
                f"    difficulty: {1 + q % 3}"
            )
        (folder / f"{t:02d}-topic-{t}.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        write_bank(folder)
        files = sorted(folder.glob("*.yaml"))
        size_mb = sum(f.stat().st_size for f in files) / 1e6

        def bare() -> None:
            for f in files:
                yaml.load(f.read_text(encoding="utf-8"), Loader=yaml.CSafeLoader)

        def ours() -> None:
            result = inspect_bank(folder)
            assert not result.problems, result.problems[:3]

        result = inspect_bank(folder)
        authored = sum(1 for q in result.bank.questions.values() if not q.generated)
        t_bare = best_of(bare, 3)
        t_ours = best_of(ours, 3)
    report({
        "authored_questions": authored,
        "generated_questions": len(result.bank.questions) - authored,
        "facts": len(result.bank.facts),
        "bank_mb": round(size_mb, 2),
        "bare_csafeloader_s": round(t_bare, 3),
        "load_validate_s": round(t_ours, 3),
        "ratio_load_validate_to_bare": round(t_ours / t_bare, 2),
        "target_ratio": 3,
    })


if __name__ == "__main__":
    main()
