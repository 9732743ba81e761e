"""A realistic, reproducible 2026 for a newcomer's first report.

Built only through the ledger's own operations, so the demo obeys every rule a real ledger does.
"""

from __future__ import annotations

import datetime as _dt
import random

from smederij_cli import domain as d
from smederij_cli import labels
from smederij_cli.config import default_config_path, load_config
from smederij_cli.errors import NotAllowed
from smederij_cli.labels import format_count, say
from smederij_cli.ledger import Ledger
from smederij_cli.money import format_cents

YEAR = 2026

IDEAS = {
    "greenery": ["Bloemrijke berm {street}", "Buurtmoestuin {place}", "Bomen planten {street}",
                 "Geveltuintjes {street}"],
    "play": ["Speeltuin {street}", "Jeu de boules-baan {place}", "Trapveldje {place}",
             "Skatebaan {place}"],
    "traffic": ["Verkeersdrempels {street}", "Wandelpad {place}", "Fietsenstalling {place}"],
    "facilities": ["Bankjes {street}", "AED-kast {place}", "Verlichting {street}",
                   "Picknicktafels {place}"],
    "meeting": ["Buurthuis {place} opknappen", "Ontmoetingsplek {street}",
                "Buurtrestaurant {place}"],
    "activities": ["Burendag {place}", "Kerstmarkt {place}", "Zomerfeest {street}"],
    "health": ["Wandelgroep {place}", "Beweegtuin ouderen {place}"],
    "care": ["Boodschappendienst {place}", "Koffieochtend tegen eenzaamheid {place}"],
    "safety": ["Buurtpreventie {place}", "WhatsApp-buurtgroep {street}"],
    "jobs": ["Klussendienst jongeren {place}", "Werkplaats {place}"],
    "language": ["Taalcafé {place}", "Voorleesochtend {place}"],
}
STREETS = ["Hoofdstraat", "Kerkstraat", "Schutstraat", "Zuiderweg", "Brinkstraat",
           "Molenstraat", "Dorpsstraat", "Stationsweg", "Alteveerstraat", "Grote Kerkstraat"]
FUNDS = ["Oranje Fonds", "Woonconcept", "Actium", "Domesta", "Rabobank Clubsupport",
         "VSBfonds", "Provincie Drenthe"]
PAYEES = ["Hoveniersbedrijf De Linde", "Speelgoed & Zo BV", "Bouwbedrijf Hoogeveen",
          "Stichting Welzijnswerk", "Drukkerij Kooger", "Bakkerij Bos", "Groenvoorziening Pesse",
          "Elektro Zuid", "Buurthuis De Kern", "Sportzaken Schutstraat"]


def _day(rng: random.Random, after: _dt.date, before: _dt.date) -> _dt.date:
    span = (before - after).days
    return after + _dt.timedelta(days=rng.randint(1, max(span, 1)))


def _round(cents: int, to: int = 5000) -> int:
    return max(to, cents // to * to)


def build_demo(led: Ledger, seed: int = 2026) -> str:
    """Fill an empty ledger; on the demo ledger itself, do nothing and say so."""
    store = led.store
    if store.get_setting("demo_seed") is not None:
        return say("file_demo_there", path=store.path, seed=store.get_setting("demo_seed"))
    if not led.is_empty():
        raise NotAllowed(say("file_demo_not_empty", path=store.path))
    rng = random.Random(seed)
    config = load_config(default_config_path())
    with store.write():
        led.load_registry(config)
        for plan in config.allocations:
            led.allocate(YEAR, plan.stream, _dt.date(YEAR, 1, 15), total_cents=plan.total_cents,
                         method=plan.method, base_cents=plan.base_cents)
        smederijen = [s["code"] for s in store.smederijen()]
        names = {s["code"]: s["name"] for s in store.smederijen()}
        end = _dt.date(YEAR, 11, 15)
        for code in smederijen:
            for _ in range(rng.randint(3, 7)):
                _project(led, rng, code, names[code], end)
        a, b = rng.sample(smederijen, 2)
        led.transfer(YEAR, "korte-klap", a, b, 150000, _dt.date(YEAR, 6, 1),
                     "gezamenlijk speelveld")
        paid = [p for p in store.payments() if p["reversal_txn"] is None]
        wrong = rng.choice(paid)  # reversed on 1 October, or on its own day if paid later
        led.reverse_payment(wrong["id"], "factuur dubbel geboekt",
                            max(_dt.date(YEAR, 10, 1), _dt.date.fromisoformat(wrong["date"])))
        store.set_setting("demo_seed", str(seed))
        counts = store.counts()
        store.note("log_demo", seed=seed, n_projects=counts["projects"],
                   n_payments=counts["payments"], headline=True)
    counts = store.counts()
    report = led.report(YEAR)
    lang = labels.message_language
    return say("file_demo_built", path=store.path,
               smederijen=format_count(counts["smederijen"], lang),
               projects=format_count(counts["projects"], lang),
               payments=format_count(counts["payments"], lang),
               allocated=format_cents(report["totals"]["allocated_cents"], lang),
               spent=format_cents(report["totals"]["spent_cents"], lang), year=YEAR,
               next=f"smederij --db {store.path} report --year {YEAR}")


def _project(led: Ledger, rng: random.Random, code: str, place: str, end: _dt.date) -> None:
    stream = "korte-klap" if rng.random() < 0.65 else "lange-klap"
    theme = rng.choice(d.THEMES["physical" if stream == "korte-klap" else "social"])
    title = rng.choice(IDEAS[theme]).format(street=rng.choice(STREETS), place=place)
    amount = _round(rng.randint(800_00, 14_000_00))
    cofunding = ({rng.choice(FUNDS): _round(amount * rng.randint(10, 40) // 100)}
                 if rng.random() < 0.3 else {})
    proposed = _day(rng, _dt.date(YEAR, 1, 20), _dt.date(YEAR, 7, 1))
    project_id = led.add_project(
        smederij=code, stream=stream, year=YEAR, title=title, amount_cents=amount, theme=theme,
        supporters=rng.randint(12, 140), volunteers=rng.randint(0, 25), cofunding=cofunding,
        date=proposed, note="ingediend door bewoners")
    fate = rng.choices(["proposed", "rejected", "approved", "in_progress", "completed",
                        "withdrawn"], weights=[14, 8, 18, 27, 26, 7])[0]
    if fate == "proposed":
        return
    decided = _day(rng, proposed, proposed + _dt.timedelta(days=45))
    if fate == "rejected":
        led.change_status(project_id, "reject", decided, "onvoldoende draagvlak")
        return
    available = led.store.balance(d.available_account(YEAR, code, stream))
    if available < amount:
        return  # the budget has run out: the idea waits, as it would in real life
    led.approve(project_id, decided, note="goedgekeurd door de Smederij")
    if fate == "approved":
        return
    started = _day(rng, decided, decided + _dt.timedelta(days=30))
    if fate == "withdrawn":
        led.change_status(project_id, "withdraw", started, "initiatiefnemers gestopt")
        return
    led.change_status(project_id, "start", started, "uitvoering begonnen")
    share = rng.randint(20, 80) if fate == "in_progress" else rng.randint(70, 100)
    to_pay = amount * share // 100
    day = started
    for i in range(rng.randint(1, 3)):
        part = to_pay // 3 if i < 2 and to_pay > 3000_00 else to_pay
        part = min(part, to_pay)
        if part <= 0:
            break
        day = min(_day(rng, day, day + _dt.timedelta(days=40)), end)
        led.pay(project_id, part, day, payee=rng.choice(PAYEES),
                reference=f"F{YEAR}-{project_id:03d}-{i + 1}")
        to_pay -= part
    if fate == "completed":
        led.change_status(project_id, "complete", min(day + _dt.timedelta(days=7), end),
                          "opgeleverd")
