"""The words people read, in Dutch and English (DOMAIN.md's word list).

One small dictionary per language; ``label(key, lang)`` falls back to the key itself, so a code
without a label (a stream code, a new theme) still shows. JSON keys and CSV headers never come from
here: they are the stable English names.
"""

from __future__ import annotations

LANGUAGES = ("nl", "en")

_LABELS: dict[str, dict[str, str]] = {
    "nl": {
        # figures of a Smederij, stream and year
        "carried_in": "Overgeheveld in", "allocated": "Toegekend", "committed": "Verplicht",
        "spent": "Besteed", "available": "Beschikbaar", "carried_out": "Overgeheveld uit",
        "lapsed": "Teruggevloeid", "used": "Benut",
        "to_spend": "Te besteden", "carried_out_available": "Overgeheveld uit: budget",
        "carried_out_committed": "Overgeheveld uit: verplichtingen",
        "opening": "Beginsaldo", "closing": "Eindsaldo", "carried_from": "Uit jaar",
        # project statuses
        "proposed": "voorgesteld", "approved": "goedgekeurd", "in_progress": "in uitvoering",
        "completed": "afgerond", "rejected": "afgewezen", "withdrawn": "ingetrokken",
        # themes
        "greenery": "groen", "play": "spelen", "traffic": "verkeer",
        "facilities": "voorzieningen", "meeting": "ontmoeting", "activities": "activiteiten",
        "health": "gezondheid", "care": "zorg", "safety": "veiligheid", "jobs": "werk",
        "language": "taal", "none": "geen thema",
        # columns and headings
        "smederij": "Smederij", "smederijen": "Smederijen", "name": "Naam",
        "stream": "Budgetsoort", "year": "Jaar", "total": "Totaal", "id": "Nr",
        "title": "Titel", "theme": "Thema", "status": "Status", "requested": "Aangevraagd",
        "paid": "Betaald", "cofunding": "Cofinanciering", "supporters": "Steunbetuigers",
        "volunteers": "Vrijwilligers", "date": "Datum", "project": "Project",
        "payee": "Begunstigde", "reference": "Kenmerk", "amount": "Bedrag",
        "reversed": "Teruggeboekt", "projects": "Projecten", "payments": "Betalingen",
        "n_projects": "projecten", "n_payments": "betalingen", "net_paid": "netto betaald",
        "report_title": "Smederijen {year}: waar elke cent staat",
        "overview_title": "Smederijen {start}–{end}: overzicht per jaar",
        "projects_title": "Projecten {year}",
        "payments_title": "Betalingen {year}",
        "annual_report": "Jaarverslag {year}",
        "overview_report": "Meerjarenoverzicht {start}–{end}",
        "per_smederij": "Budget per Smederij",
        "by_theme_status": "Projecten naar thema en status",
        "cofunding_per_euro": "Cofinanciering per euro budget",
        "cofunding_note": "opgehaald bij fondsen en sponsors voor goedgekeurde projecten "
                          "van het jaar zelf, per euro toegekend budget",
        "volunteers_note": "vrijwilligers in goedgekeurde projecten van het jaar zelf",
        "n_counted": "waarvan {n} goedgekeurd in het eigen jaar (telt voor cofinanciering en "
                     "vrijwilligers)",
        "budget_note": "toegekend en overgeheveld budget, verdeeld naar besteed, verplicht en "
                       "beschikbaar",
        "per_year": "Per jaar",
        "generated": "Gemaakt met smederij op {date} uit {ledger}.",
    },
    "en": {
        "carried_in": "Carried in", "allocated": "Allocated", "committed": "Committed",
        "spent": "Spent", "available": "Available", "carried_out": "Carried out",
        "lapsed": "Lapsed", "used": "Used",
        "to_spend": "To spend", "carried_out_available": "Carried out: budget",
        "carried_out_committed": "Carried out: commitments",
        "opening": "Opening balance", "closing": "Closing balance",
        "carried_from": "Carried from",
        "proposed": "proposed", "approved": "approved", "in_progress": "in progress",
        "completed": "completed", "rejected": "rejected", "withdrawn": "withdrawn",
        "none": "no theme",
        "smederij": "Smederij", "smederijen": "Smederijen", "name": "Name", "stream": "Stream",
        "year": "Year", "total": "Total", "id": "Id", "title": "Title", "theme": "Theme",
        "status": "Status", "requested": "Requested", "paid": "Paid",
        "cofunding": "Co-funding", "supporters": "Supporters", "volunteers": "Volunteers",
        "date": "Date", "project": "Project", "payee": "Payee", "reference": "Reference",
        "amount": "Amount", "reversed": "Reversed", "projects": "Projects",
        "payments": "Payments", "n_projects": "projects", "n_payments": "payments",
        "net_paid": "net paid",
        "report_title": "Smederijen {year}: where every cent stands",
        "overview_title": "Smederijen {start}–{end}: overview per year",
        "projects_title": "Projects {year}",
        "payments_title": "Payments {year}",
        "annual_report": "Annual report {year}",
        "overview_report": "Overview {start}–{end}",
        "per_smederij": "Budget per Smederij",
        "by_theme_status": "Projects by theme and status",
        "cofunding_per_euro": "Co-funding per euro of budget",
        "cofunding_note": "raised from funds and sponsors for approved projects of the year "
                          "itself, per euro of budget allocated",
        "volunteers_note": "volunteers in approved projects of the year itself",
        "n_counted": "of which {n} approved in their own year (count for co-funding and "
                     "volunteers)",
        "budget_note": "allocated and carried-in budget, split into spent, committed and "
                       "available",
        "per_year": "Per year",
        "generated": "Made with smederij on {date} from {ledger}.",
    },
}


def label(key: str, lang: str = "nl", **values: object) -> str:
    """The word for ``key`` in ``lang`` (the key itself if there is none), formatted."""
    text = _LABELS.get(lang, _LABELS["en"]).get(key) or _LABELS["en"].get(key) or key
    return text.format(**values) if values else text
