"""Synthetic news articles for benchmarks: a seeded generator, so every run measures the same texts.

    python benchmarks/news_corpus.py OUT_DIR [--articles 1000] [--seed 13]

Each article is a plain-text news story of about 500 words with a date marker: a cast of
people (introduced by full name and role, then by surname or title), organisations and
places drawn from pools invented here, narrative sentences and quotations with speech
verbs, some running over two paragraphs. The same people recur across articles, as in a
reader's collection following a story, so the library-wide index has actors with many
articles and quotations. Every word is generated; no text is copied from anywhere.
"""

from __future__ import annotations

import argparse
import random
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

GIVEN = ["Maria", "Anna", "Peter", "Thomas", "Laura", "David", "Sarah", "Michael", "Elena", "Daniel", "Julia",
         "Robert", "Claire", "Martin", "Sophie", "Paul", "Nina", "George", "Helen", "Victor", "Karen", "Simon",
         "Irene", "Lucas", "Rachel", "Oliver", "Monica", "Stefan", "Alice", "Marco"]
SURNAMES = ["Varga", "Lindqvist", "Okafor", "Brennan", "Castell", "Morrow", "Halvorsen", "Petrakis", "Delacroix",
            "Nakamura", "Ferreira", "Kowalczyk", "Whitlock", "Ibarra", "Szabo", "Marchetti", "Oyelaran",
            "Thorsen", "Quinlan", "Abernathy", "Rautio", "Esposito", "Haddad", "Mbeki", "Vance", "Ostrowski",
            "Calloway", "Reyes", "Falk", "Drummond"]
ROLES = ["finance minister", "chancellor", "transport minister", "mayor", "central bank governor",
         "opposition leader", "health minister", "union leader", "chief executive", "party chairman",
         "foreign minister", "senator", "economy minister", "police chief", "environment minister"]
ORGS = ["Harbour Workers' Union", "Northern Grain Cooperative", "Ministry of Transport", "Coastal Power Company",
        "National Audit Office", "Federation of Small Businesses", "River Basin Authority",
        "Institute for Fiscal Research", "Central Statistics Office", "Alliance for Rail",
        "Green Party", "Liberal Party", "Social Democratic Party", "Chamber of Commerce", "Supreme Court"]
PLACES = ["Vienna", "Lisbon", "Gdansk", "Bergen", "Porto", "Graz", "Tampere", "Bilbao", "Utrecht", "Brno",
          "Antwerp", "Turin", "Malmo", "Cork", "Split"]
TOPICS = [("budget", "the budget", "spending cuts"), ("rail", "the rail strike", "train services"),
          ("port", "the port expansion", "the new container terminal"), ("energy", "energy prices", "the price cap"),
          ("housing", "the housing plan", "rents"), ("farm", "farm subsidies", "the harvest"),
          ("health", "hospital waiting lists", "the nursing shortage"), ("water", "the drought", "water rationing")]
VERBS = ["said", "told reporters", "said on Monday", "told a news conference", "added", "warned", "insisted",
         "said in a statement", "told parliament", "argued"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

NARRATIVE = [
    "The debate over {topic} has dominated the week in {place}, where officials met behind closed doors.",
    "Talks on {topic} resumed on {day} after a pause of almost two weeks.",
    "Figures published by the {org} showed that {thing} had risen for the third month in a row.",
    "Several hundred people gathered outside the offices of the {org} in {place} on {day} evening.",
    "The proposal would change how {thing} are financed over the next five years.",
    "Analysts said the outcome of the vote on {topic} remained uncertain.",
    "A report by the {org} estimated the cost at about {n} million euros.",
    "The government has until the end of the month to present a revised plan on {topic}.",
    "In {place}, local councils said they had not been consulted about {thing}.",
    "Opposition parties have called for an inquiry into the handling of {topic}.",
    "Previous attempts to settle the dispute over {thing} collapsed last year.",
    "Traders in {place} reported a quiet morning as markets waited for news on {topic}.",
    "Members of the {org} are due to meet again on {day} to decide on their next step.",
    "The plan has been criticised by economists, who say it does little to address {thing}.",
    "Some {n} workers could be affected, according to estimates from the {org}.",
]
QUOTES = [
    "We will not accept a deal that leaves families worse off",
    "This is a serious moment for the country and we intend to act responsibly",
    "Nobody should be surprised by these numbers, the warnings were there for months",
    "Our members have waited long enough, and their patience is running out",
    "I have always said that {topic} must be settled by negotiation, not by ultimatums",
    "The figures speak for themselves, and they are not good",
    "We are ready to talk at any time, but the other side has to move as well",
    "There is no money for promises we cannot keep",
    "It is a fair compromise and I expect parliament to support it",
    "People in {place} deserve better than another year of delay",
    "The question is not whether we act on {thing}, but how quickly",
    "I do not think anyone in this room wants a long conflict",
]
FOLLOW = [
    "We will keep listening, and we will keep working until there is an agreement",
    "That is the honest answer, even if it is not the popular one",
    "Anything else would be a betrayal of the people who elected us",
]


@dataclass(frozen=True, slots=True)
class Person:
    given: str
    surname: str
    role: str
    place: str

    @property
    def full(self) -> str:
        return f"{self.given} {self.surname}"


def cast(rng: random.Random, size: int = 40) -> list[Person]:
    """A recurring cast: people with distinct full names (some sharing a surname, as in life)."""
    people: list[Person] = []
    seen: set[str] = set()
    while len(people) < size:
        person = Person(rng.choice(GIVEN), rng.choice(SURNAMES), rng.choice(ROLES), rng.choice(PLACES))
        if person.full not in seen:
            seen.add(person.full)
            people.append(person)
    return people


def article(rng: random.Random, people: list[Person], day: date, words: int = 500) -> str:
    """One story: a headline, then paragraphs until about ``words`` words, naming its cast as news does."""
    _, topic_phrase, thing = rng.choice(TOPICS)
    place = rng.choice(PLACES)
    speakers = rng.sample(people, rng.randint(2, 4))
    orgs = rng.sample(ORGS, 2)

    def fill(template: str) -> str:
        return template.format(topic=topic_phrase, thing=thing, place=place, org=rng.choice(orgs),
                               day=rng.choice(WEEKDAYS), n=rng.randint(2, 900))

    headline = f"{speakers[0].surname} under pressure over {topic_phrase}"
    paragraphs = [f"{fill(rng.choice(NARRATIVE))} {fill(rng.choice(NARRATIVE))}"]
    introduced: set[str] = set()
    count = sum(len(p.split()) for p in paragraphs)
    while count < words:
        person = rng.choice(speakers)
        said = fill(rng.choice(QUOTES))
        verb = rng.choice(VERBS)
        if person.full not in introduced:
            introduced.add(person.full)
            lead = rng.choice([f"The {person.role} {person.full}", f"{person.full}, the {person.role},",
                               f"{person.full}, who serves as {person.role} in {person.place},"])
            paragraph = f"{lead} {verb} the government had to act. \u201c{said},\u201d {person.surname} said."
        elif rng.random() < 0.25:
            paragraph = (f"\u201c{said},\u201d {person.surname} {verb}. \u201c{fill(rng.choice(QUOTES))}.")
            paragraphs.append(paragraph)
            paragraph = f"\u201c{rng.choice(FOLLOW)}.\u201d"
        elif rng.random() < 0.3:
            title = person.role.split()[-1].capitalize()
            paragraph = f"{title} {person.surname} {verb} that the plan was on track. \u201c{said}.\u201d"
        else:
            paragraph = f"\u201c{said},\u201d {person.surname} {verb}. {fill(rng.choice(NARRATIVE))}"
        paragraphs.append(paragraph)
        if rng.random() < 0.5:
            paragraphs.append(" ".join(fill(rng.choice(NARRATIVE)) for _ in range(rng.randint(1, 3))))
        count = sum(len(p.split()) for p in paragraphs)
    return f" date {day.isoformat()} {headline}\n\n" + "\n\n".join(paragraphs) + "\n"


def write_corpus(folder: Path, articles: int = 1000, seed: int = 13) -> list[Path]:
    """Write ``articles`` stories into ``folder`` (in sub-folders of 100, as a reader files them)."""
    rng = random.Random(seed)
    people = cast(rng)
    start = date(2024, 1, 1)
    written = []
    for number in range(articles):
        sub = folder / f"batch-{number // 100:02d}"
        sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"story-{number:04d}.txt"
        path.write_text(article(rng, people, start + timedelta(days=number % 365)), encoding="utf-8")
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=13)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.articles, args.seed)
    words = sum(len(p.read_text(encoding="utf-8").split()) for p in paths)
    print(f"{len(paths)} articles, {words:,} words in {args.out}")


if __name__ == "__main__":
    main()
