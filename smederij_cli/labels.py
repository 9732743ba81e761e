"""The words people read, in Dutch and English (DOMAIN.md's word list).

One small dictionary per language; ``label(key, lang)`` falls back to the key itself, so a code
without a label (a stream code, a new theme) still shows. JSON keys and CSV headers never come from
here: they are the stable English names.
"""

from __future__ import annotations

import datetime as _dt

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
        "n_project": "project", "n_payment": "betaling", "reversed_on": "{date}: {reason}",
        "n_budget": "budget", "n_budgets": "budgetten", "n_round": "ideeënronde",
        "n_rounds": "ideeënrondes",
        "n_day": "dag", "n_days": "dagen", "n_smederij": "Smederij", "n_smederijen": "Smederijen",
        "n_transaction": "transactie", "n_transactions": "transacties",
        "n_posting": "boekingsregel", "n_postings": "boekingsregels",
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
        # short: a second totals line of a listing (README says which projects count)
        "n_counted": "waarvan {n} goedgekeurd in eigen jaar",
        "budget_note": "toegekend en overgeheveld budget, verdeeld naar besteed, verplicht en "
                       "beschikbaar",
        "per_year": "Per jaar",
        "generated": "Gemaakt met smederij op {date} uit {ledger}.",
        # the HTML annual report (annual.py)
        "key_figures": "Kerncijfers", "funded_projects": "gefinancierd",
        "funded_projects_title": "Gefinancierde projecten",
        "funded_note": "Projecten die geld kregen (goedgekeurd, in uitvoering of afgerond), per "
                       "Smederij: wat er nog voor verplicht staat en wat er is betaald.",
        "funded_caption": "Gefinancierde projecten van {smederij}",
        "more_projects": "en nog {n} projecten (zie smederij report projects)",
        "compared_with": "Vergeleken met {year}", "difference": "Verschil",
        "compared_caption": "Kerncijfers {before} en {year}",
        "per_stream": "Per budgetsoort", "per_stream_caption": "Budget per budgetsoort",
        "per_smederij_caption": "Bedragen per Smederij",
        "by_theme_status_caption": "Aantal projecten per thema en status",
        "chart_budget_name": "Staafdiagram: het budget van elke Smederij, verdeeld naar "
                             "besteed, verplicht, beschikbaar, overgeheveld en teruggevloeid; de "
                             "bedragen staan in de tabel eronder",
        "chart_themes_name": "Staafdiagram: het aantal projecten per thema, verdeeld naar "
                             "status; de aantallen staan in de tabel eronder",
        "per_team_kind": "Per wijkteam en per wijk of dorp", "team": "Wijkteam",
        "kind": "Wijk of dorp", "wijk": "wijk", "dorp": "dorp",
        "per_team_caption": "Budget per wijkteam", "per_kind_caption": "Budget van wijken en "
                                                                      "dorpen",
        "terms": "Begrippen", "submitted": "Ingediend", "approved_on": "Goedgekeurd op",
        "closed_on": "Jaar afgesloten op {date}: de cijfers zijn die van de jaarafsluiting.",
        "means_allocated": "het budget dat de gemeente dit jaar aan de Smederij gaf.",
        "means_carried_in": "budget en verplichtingen die uit het vorige jaar zijn meegenomen.",
        "means_committed": "gereserveerd voor goedgekeurde projecten, nog niet betaald.",
        "means_spent": "werkelijk betaald aan projecten.",
        "means_available": "nog vrij te besteden: overgeheveld in + toegekend − verplicht − "
                           "besteed.",
        "means_carried_out": "bij de jaarafsluiting naar het volgende jaar meegenomen: vrij "
                             "budget en open verplichtingen.",
        "means_lapsed": "bij de jaarafsluiting teruggevloeid naar de gemeente.",
        "means_used": "verplicht en besteed, als deel van overgeheveld in + toegekend.",
        "means_cofunding": "geld van fondsen, sponsors en partners voor gefinancierde "
                           "projecten.",
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
        "n_project": "project", "n_payment": "payment", "reversed_on": "{date}: {reason}",
        "n_budget": "budget", "n_budgets": "budgets", "n_round": "idea round",
        "n_rounds": "idea rounds",
        "n_day": "day", "n_days": "days", "n_smederij": "Smederij", "n_smederijen": "Smederijen",
        "n_transaction": "transaction", "n_transactions": "transactions",
        "n_posting": "posting", "n_postings": "postings",
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
        "n_counted": "of which {n} approved in their own year",
        "budget_note": "allocated and carried-in budget, split into spent, committed and "
                       "available",
        "per_year": "Per year",
        "generated": "Made with smederij on {date} from {ledger}.",
        "key_figures": "Key figures", "funded_projects": "funded",
        "funded_projects_title": "Funded projects",
        "funded_note": "Projects that got money (approved, in progress or completed), per "
                       "Smederij: what is still committed to them and what was paid.",
        "funded_caption": "Funded projects of {smederij}",
        "more_projects": "and {n} more projects (see smederij report projects)",
        "compared_with": "Compared with {year}", "difference": "Difference",
        "compared_caption": "Key figures {before} and {year}",
        "per_stream": "Per stream", "per_stream_caption": "Budget per stream",
        "per_smederij_caption": "Amounts per Smederij",
        "by_theme_status_caption": "Number of projects per theme and status",
        "chart_budget_name": "Bar chart: each Smederij's budget, split into spent, committed, "
                             "available, carried out and lapsed; the amounts are in the table "
                             "below",
        "chart_themes_name": "Bar chart: the number of projects per theme, split by status; "
                             "the numbers are in the table below",
        "per_team_kind": "Per wijkteam and per neighbourhood or village", "team": "Wijkteam",
        "kind": "Neighbourhood or village", "wijk": "neighbourhood", "dorp": "village",
        "per_team_caption": "Budget per wijkteam",
        "per_kind_caption": "Budget of neighbourhoods and villages",
        "terms": "Terms", "submitted": "Submitted", "approved_on": "Approved on",
        "closed_on": "Year closed on {date}: the figures are those of the year end.",
        "means_allocated": "the budget the municipality gave the Smederij this year.",
        "means_carried_in": "budget and commitments brought in from the year before.",
        "means_committed": "reserved for approved projects, not yet paid.",
        "means_spent": "actually paid to projects.",
        "means_available": "still free to spend: carried in + allocated − committed − spent.",
        "means_carried_out": "moved into the next year at the year end: free budget and open "
                             "commitments.",
        "means_lapsed": "returned to the municipality at the year end.",
        "means_used": "committed and spent, as a share of carried in + allocated.",
        "means_cofunding": "money from funds, sponsors and partners for funded projects.",
    },
}


# The public site ("Ons budget", smederij_cli/site): its own words, for residents.
_LABELS["nl"].update({
    "site_title": "Ons budget {year}", "site_home": "Ons budget",
    "site_intro": "Zo staat het budget van de Smederijen in {year}: wat toegekend is, wat "
                  "bewoners al hebben besloten (verplicht), wat betaald is en wat nog vrij is.",
    "site_per_stream": "Per budgetsoort in {year}", "site_search": "Zoek een Smederij",
    "site_team": "Wijkteam", "site_bar": "Verdeling",
    "site_smederijen_caption": "Alle Smederijen in {year}",
    "site_other_years": "Andere jaren:", "site_open_data": "Open data",
    "site_wijk": "Wijk", "site_dorp": "Dorp", "site_budget_year": "Budget {year}",
    "site_past_years": "Door de jaren",
    "site_year_end": "Eind {year}: {carried} overgeheveld naar het volgende jaar, {lapsed} "
                     "teruggevloeid.",
    "site_no_projects": "Nog geen projecten.", "site_projects_year": "Projecten {year}",
    "site_rounds": "Ideeënrondes", "site_votes": "Stemmen", "site_result": "Uitslag",
    "site_outcome_funded": "toegekend", "site_outcome_partial": "deels toegekend",
    "site_outcome_not_funded": "niet toegekend",
    "site_outcome_below_threshold": "te weinig stemmen",
    "site_outcome_ineligible": "niet in stemming",
    "site_pb": "stemmen als pabulib-bestand (.pb), om zelf na te tellen",
    "site_round": "Ideeënronde",
    "site_round_about": "Budget {budget}; {ballots} geldige stembiljetten.",
    "site_round_open": "Ideeën kunnen nog worden ingediend.",
    "site_round_no_vote": "Budget {budget}: alle ideeën passen, er was geen stemming nodig.",
    "site_source": "Bron", "site_story": "Het verhaal",
    "site_step": "stap {step} van {steps}", "site_moved": "overgeheveld/teruggevloeid",
    "site_chart_years": "Toegekend en besteed per jaar",
    "site_updated": "Bijgewerkt tot en met {date}.", "site_trail": "U bent hier",
    "site_footer": "De bewoners van elke Smederij beslissen waar hun budget aan wordt besteed. "
                   "Alle cijfers staan ook als",
    "site_internal": "Interne versie voor de stuurgroep: met begunstigden en notities. "
                     "Niet publiceren.",
    "site_data_intro": "Dezelfde cijfers als op deze site, om zelf te gebruiken. Bedragen in "
                       "eurocenten; de betekenis van elke kolom staat in schema.json.",
    # history: the columns of 'smederij log'
    "log_when": "Wanneer", "log_who": "Wie", "log_what": "Wat", "log_command": "Opdracht",
    # idea rounds
    "round_count_of": "Telling van {what}", "round_count_title": "Telling van ronde {round}",
    "round_count_named": "Telling van ronde {round}: {name}",
    "round_sheet_count": "Telling", "round_sheet_ideas": "Ideeën",
    "round_sheet_ballots": "Stembiljetten", "round_sheet_rounds": "Ideeënrondes",
    "round_rank": "Plaats", "round_cost": "Gevraagd", "round_score": "Score",
    "round_votes": "Stemmen", "round_outcome": "Uitslag", "round_awarded": "Toegekend",
    "round_outcome_funded": "toegekend", "round_outcome_partial": "deels toegekend",
    "round_outcome_not_funded": "niet toegekend",
    "round_outcome_below_threshold": "onder de minimumscore",
    "round_outcome_ineligible": "niet in stemming",
    "round_spent_of": "besteed van {budget}", "round_left": "over",
    "round_rounds_title": "Ideeënrondes", "round_budget": "Budget",
    "round_vote_type": "Stemwijze", "round_rule": "Telregel", "round_state": "Stand",
    "round_ideas": "Ideeën", "round_ballots": "Stembiljetten",
    "round_no_vote": "geen stemming", "round_yes": "ja", "round_no_because": "nee: {why}",
    "round_ideas_title": "Ideeën van ronde {round}", "round_signatures": "Handtekeningen",
    "round_eligible": "In stemming", "round_ballots_title": "Stembiljetten",
    "round_ref": "Nummer", "round_entry": "Invoer", "round_marks": "Stemmen",
    "round_entered_at": "Ingevoerd op", "round_entered_by": "Ingevoerd door",
    "round_void_reason": "Reden ongeldig",
    "round_tie_break_lot": "loting", "round_tie_break_cheaper": "goedkoopste eerst",
    "round_tie_break_signatures": "meeste handtekeningen",
    "round_tie_break_submitted": "eerst ingediend", "round_tie_break_id": "laagste nummer",
    "round_tie_break_id-as-text": "nummer als tekst",
    # render.py tables
    "budget_title": "Budget {year}", "stream_allocated": "{stream} toegekend",
    "stream_available": "{stream} beschikbaar", "moves_title": "Toekenningen en overboekingen",
    "txn": "Boeking", "move_kind": "Soort", "description": "Omschrijving",
    "move_allocation": "toekenning", "move_transfer": "overboeking", "share": "Aandeel",
    "rollover_title": "Jaarafsluiting {year} -> {next}", "carried": "Overgeheveld",
    "commitments_carried": "Verplichtingen overgeheveld", "code": "Code",
    "inhabitants": "Inwoners", "kind_column": "Wijk/dorp", "history": "Geschiedenis",
    "from_status": "Van",
    "to_status": "Naar", "note": "Notitie", "year_open": "open", "year_closed": "afgesloten",
    "info_ledger": "grootboek", "info_schema": "schemaversie", "info_transactions": "transacties",
    "info_postings": "boekingsregels", "info_years": "jaren", "info_smederijen": "Smederijen",
    "info_projects": "projecten", "info_payments": "betalingen",
})
_LABELS["en"].update({
    "site_title": "Our budget {year}", "site_home": "Our budget",
    "site_intro": "Where the Smederijen's budget stands in {year}: what was allocated, what "
                  "residents have decided on (committed), what was paid and what is still free.",
    "site_per_stream": "Per stream in {year}", "site_search": "Find a Smederij",
    "site_team": "Wijkteam", "site_bar": "Split",
    "site_smederijen_caption": "All Smederijen in {year}",
    "site_other_years": "Other years:", "site_open_data": "Open data",
    "site_wijk": "Neighbourhood", "site_dorp": "Village", "site_budget_year": "Budget {year}",
    "site_past_years": "Year by year",
    "site_year_end": "End of {year}: {carried} carried into the next year, {lapsed} lapsed.",
    "site_no_projects": "No projects yet.", "site_projects_year": "Projects {year}",
    "site_rounds": "Idea rounds", "site_votes": "Votes", "site_result": "Result",
    "site_outcome_funded": "funded", "site_outcome_partial": "partly funded",
    "site_outcome_not_funded": "not funded", "site_outcome_below_threshold": "too few votes",
    "site_outcome_ineligible": "not on the ballot",
    "site_pb": "the votes as a pabulib file (.pb), to recount yourself",
    "site_round": "Idea round",
    "site_round_about": "Budget {budget}; {ballots} valid ballots.",
    "site_round_open": "Ideas can still be submitted.",
    "site_round_no_vote": "Budget {budget}: every idea fits, no vote was needed.",
    "site_source": "Source", "site_story": "The story",
    "site_step": "step {step} of {steps}", "site_moved": "carried out/lapsed",
    "site_chart_years": "Allocated and spent per year",
    "site_updated": "Updated up to {date}.", "site_trail": "You are here",
    "site_footer": "The residents of each Smederij decide what their budget is spent on. "
                   "Every figure is also available as",
    "site_internal": "Internal version for the stuurgroep: with payees and notes. "
                     "Do not publish.",
    "site_data_intro": "The same figures as on this site, to use yourself. Amounts in euro "
                       "cents; schema.json says what each column means.",
    # history: the columns of 'smederij log'
    "log_when": "When", "log_who": "Who", "log_what": "What", "log_command": "Command",
    # idea rounds
    "round_count_of": "Count of {what}", "round_count_title": "Count of round {round}",
    "round_count_named": "Count of round {round}: {name}",
    "round_sheet_count": "count", "round_sheet_ideas": "ideas",
    "round_sheet_ballots": "ballots", "round_sheet_rounds": "rounds",
    "round_rank": "Rank", "round_cost": "Cost", "round_score": "Score",
    "round_votes": "Votes", "round_outcome": "Outcome", "round_awarded": "Awarded",
    "round_outcome_funded": "funded", "round_outcome_partial": "partly funded",
    "round_outcome_not_funded": "not funded",
    "round_outcome_below_threshold": "below the minimum score",
    "round_outcome_ineligible": "not eligible",
    "round_spent_of": "spent of {budget}", "round_left": "left",
    "round_rounds_title": "Idea rounds", "round_budget": "Budget",
    "round_vote_type": "Vote type", "round_rule": "Rule", "round_state": "State",
    "round_ideas": "Ideas", "round_ballots": "Ballots",
    "round_no_vote": "no vote", "round_yes": "yes", "round_no_because": "no: {why}",
    "round_ideas_title": "Ideas of round {round}", "round_signatures": "Signatures",
    "round_eligible": "Eligible", "round_ballots_title": "Ballots",
    "round_ref": "Ref", "round_entry": "Entry", "round_marks": "Marks",
    "round_entered_at": "Entered at", "round_entered_by": "Entered by",
    "round_void_reason": "Void reason",
    "round_tie_break_lot": "lot", "round_tie_break_cheaper": "cheaper",
    "round_tie_break_signatures": "signatures", "round_tie_break_submitted": "submitted",
    "round_tie_break_id": "id", "round_tie_break_id-as-text": "id-as-text",
    # render.py tables
    "budget_title": "Budget {year}", "stream_allocated": "{stream} allocated",
    "stream_available": "{stream} available", "moves_title": "Allocations and transfers",
    "txn": "Txn", "move_kind": "Kind", "description": "Description",
    "move_allocation": "allocation", "move_transfer": "transfer", "share": "Share",
    "rollover_title": "Rollover {year} -> {next}", "carried": "Carried",
    "commitments_carried": "Commitments carried", "code": "Code",
    "inhabitants": "Inhabitants", "kind_column": "Kind", "history": "History",
    "from_status": "From",
    "to_status": "To", "note": "Note", "year_open": "open", "year_closed": "closed",
    "info_ledger": "ledger", "info_schema": "schema version",
    "info_transactions": "transactions", "info_postings": "postings", "info_years": "years",
    "info_smederijen": "smederijen", "info_projects": "projects", "info_payments": "payments",
})


def label(key: str, lang: str = "nl", **values: object) -> str:
    """The word for ``key`` in ``lang`` (the key itself if there is none), formatted."""
    text = _LABELS.get(lang, _LABELS["en"]).get(key) or _LABELS["en"].get(key) or key
    return text.format(**values) if values else text


MONTHS = {
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"),
}


def format_count(n: int, lang: str) -> str:
    """A count as the language writes it: 1.200 (nl), 1,200 (en)."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "nl" else text


def counted(n: int, what: str, lang: str) -> str:
    """``n`` things in ``lang``, singular or plural: 1 dag, 12 dagen, 1.200 projecten (``what``:
    the plural's label key, ``n_days``; the singular's is ``n_day``)."""
    one = {"n_smederijen": "n_smederij"}.get(what, what[:-1])
    return f"{format_count(n, lang)} {label(one if n == 1 else what, lang)}"


def format_date(day: _dt.date, lang: str, *, short: bool = False) -> str:
    """1 december 2026 (nl), 1 December 2026 (en); ``short``: 1 dec 2026, 1 Dec 2026, for
    table columns (the same width for every month: never split at 80 columns)."""
    month = MONTHS["nl" if lang == "nl" else "en"][day.month - 1]
    if short:  # as Dutch abbreviates them: maart is mrt
        month = "mrt" if month == "maart" else month[:3]
    return f"{day.day} {month} {day.year}"


# -- messages (issue 15): what the program says, one entry per message in both languages -------
# ``say`` speaks ``message_language``: the run's language (--lang, SMEDERIJ_LANG, else the
# programme's), set by the command line as soon as it is known; Dutch until then, as the
# programme's default. Each part of the program has its own section.
message_language = "nl"

_MESSAGES: dict[str, tuple[str, str]] = {
    "amount_empty": (
        "{what} is leeg: geef een bedrag in euro's, bijv. {example}",
        "{what} is empty: give an amount in euros, e.g. {example}"),
    "amount_negative": (
        "{what} {text} is negatief: geef een positief bedrag in euro's",
        "{what} {text} is negative: give a positive amount in euros"),
    "amount_not_number": (
        "{what} {text} is geen bedrag: geef euro's, bijv. {example}",
        "{what} {text} is not an amount: give euros, e.g. {example}"),
    "amount_mixed": (
        "{what} {text} gebruikt punt en komma op een onleesbare manier: schrijf bijv. {example}",
        "{what} {text} mixes separators in a way that cannot be read: write e.g. {example}"),
    "amount_groups": (
        "{what} {text} is geen bedrag: duizendtallen staan in groepen van drie, bijv. {example}",
        "{what} {text} is not an amount: thousands go in groups of three, e.g. {example}"),
    "amount_three_decimals": (
        "{what} {text} heeft drie decimalen, maar centen hebben er twee ({sep_name} scheidt de "
        "centen): schrijf {thousands} voor {euros} euro, of {cents}",
        "{what} {text} has three decimals, but cents take two ({sep_name} separates the cents): "
        "write {thousands} for {euros} euros, or {cents}"),
    "amount_decimals": (
        "{what} {text} heeft meer dan twee decimalen: bedragen zijn hele centen, bijv. {example}",
        "{what} {text} has more than two decimals: amounts are in whole cents, e.g. {example}"),
    "amount_trailing": (
        "{what} {text} eindigt op een scheidingsteken: schrijf bijv. {example}",
        "{what} {text} ends in a separator: write e.g. {example}"),
    "amount_no_euros": (
        "{what} {text} heeft geen euro's voor het scheidingsteken: schrijf {example}",
        "{what} {text} has no euros before the separator: write {example}"),
    "amount_too_large": (
        "{what} {text} is te groot: één boeking is hoogstens {most}",
        "{what} {text} is too large: the most one entry can hold is {most}"),
    "amount_zero": (
        "{what} is nul: geef een bedrag van minstens {least}",
        "{what} is zero: give an amount of at least {least}"),
    "sep_comma": ("de komma", "the comma"),
    "sep_point": ("de punt", "the point"),
    "unknown_word_see": (
        "onbekende {kind} {text}: zie {where}",
        "unknown {kind} {text}: see {where}"),
    "unknown_word_close": (
        "onbekende {kind} {text}: bedoelde u {options}?",
        "unknown {kind} {text}: did you mean {options}?"),
    "or": ("of", "or"),
    "unknown_word": (
        "onbekende {kind} {text}: kies uit {known}",
        "unknown {kind} {text}: choose from {known}"),
    "kind_smederij": ("Smederij", "Smederij"),
    "kind_stream": ("budgetsoort", "stream"),
    "kind_status": ("status", "status"),
    "kind_theme": ("thema", "theme"),
    "status_year": (
        "Budgetjaar {year} is open: nog {days} tot het einde ({end})",
        "Budget year {year} is open: {days} to its end ({end})"),
    "status_year_over": (
        "Budgetjaar {year} is {days} geleden geëindigd en nog open",
        "Budget year {year} ended {days} ago and is still open"),
    "status_proposals": (
        "{n} al meer dan vier weken voorgesteld zonder besluit",
        "{n} proposed more than four weeks ago without a decision"),
    "status_idle": (
        "{n} goedgekeurd en een jaar zonder betaling",
        "{n} approved with no payment for a year"),
    "status_budgets": (
        "{n} voor 90% of meer verplicht of besteed",
        "{n} 90% or more committed or spent"),
    "status_rounds": (
        "{n} wachtend op een telling of toekenning",
        "{n} waiting for a count or an award"),
    "status_backup": ("Laatste back-up: {when}", "Last backup: {when}"),
    "status_check": ("Laatste geslaagde check: {when}", "Last successful check: {when}"),
    "status_never": ("nooit", "never"),
    "status_ago": ("{date} ({days} geleden)", "{date} ({days} ago)"),
    "status_today": ("{date} (vandaag)", "{date} (today)"),
    "status_since": ("sinds {date} ({days})", "since {date} ({days})"),
    "status_used": ("{used} benut, {available} beschikbaar", "{used} used, {available} available"),
    "status_waiting_count": ("wacht op de telling", "waiting for the count"),
    "status_waiting_award": ("wacht op de toekenning", "waiting for the award"),
    "status_nothing": ("Verder wacht er niets.", "Nothing else waits."),
    "register_no_file": (
        "geen bestand {source}: geef het pad van een projectenregister (.xlsx of .csv)",
        "no file {source}: give the path of a project register (.xlsx or .csv)"),
    "cannot_read": ("kan {source} niet lezen: {why}", "cannot read {source}: {why}"),
    "register_not_file": (
        "{source} is geen bestand (een map of apparaat): geef het pad van een projectenregister",
        "{source} is not a file (a folder or a device): give the path of a project register"),
    "register_empty": ("{source} is leeg: {hint}", "{source} is empty: {hint}"),
    "register_hint": (
        "de eerste rij noemt de kolommen {columns} ('smederij import template' schrijft een "
        "werkmap om in te vullen)",
        "the first row must name the columns {columns} ('smederij import template' writes a "
        "workbook to fill in)"),
    "register_binary": (
        "{source} is geen xlsx-werkmap en geen CSV-bestand: bewaar het register als .xlsx of .csv",
        "{source} is neither an xlsx workbook nor a CSV file: save the register as .xlsx or .csv"),
    "register_not_xlsx": (
        "{source} is geen xlsx-werkmap: bewaar het register als .xlsx (Excel) of .csv",
        "{source} is not an xlsx workbook: save the register as .xlsx (Excel) or .csv"),
    "register_not_csv": (
        "{source} regel {line}: niet te lezen als CSV ({why})",
        "{source} line {line}: not readable as CSV ({why})"),
    "register_column_twice": (
        "{source} regel {line}: de kolommen {a} en {b} geven allebei {column}",
        "{source} line {line}: the columns {a} and {b} both give {column}"),
    "register_missing": (
        "{source} regel {line}: de kopregel heeft geen kolom {columns}: {hint}",
        "{source} line {line}: the header has no column {columns}: {hint}"),
    "register_count": (
        "{what} {text} is geen aantal: geef een heel getal, bijv. 30",
        "{what} {text} is not a count: give a whole number, e.g. 30"),
    "register_year": (
        "jaar {text} is geen jaartal: geef bijv. 2026",
        "year {text} is not a year: give e.g. 2026"),
    "register_closed": (
        "budgetjaar {year} is afgesloten: projecten van een afgesloten jaar kunnen niet worden "
        "geboekt",
        "budget year {year} is closed: projects of a closed year cannot be booked"),
    "register_no_title": ("de titel is leeg", "the title is empty"),
    "register_empty_word": ("{kind} is leeg", "the {kind} is empty"),
    "register_date_year": (
        "{date} valt niet in {year}: de data van een project horen bij zijn jaar",
        "{date} is not in {year}: a project's dates belong to its year"),
    "register_nothing_committed": (
        "een {status} project heeft niets verplicht",
        "a {status} project has nothing committed"),
    "register_no_payments": (
        "een {status} project heeft geen betalingen",
        "a {status} project has no payments"),
    "register_overpaid": (
        "{paid} betaald is meer dan de {committed} verplicht",
        "{paid} paid is more than the {committed} committed"),
    "register_date_order": (
        "{date} ligt voor {other} {other_date}: de data volgen de stappen van het project",
        "{date} is before {other} {other_date}: the dates go in the order of the project's steps"),
    "register_width": (
        "heeft {got} velden maar de kopregel {want}",
        "has {got} fields but the header has {want}"),
    "register_twice": (
        "{title} staat ook op regel {line} voor dezelfde Smederij en hetzelfde jaar",
        "{title} is also on line {line} for the same Smederij and year"),
    "register_imported": (
        "{source}: {n} project(en) geïmporteerd",
        "{source}: imported {n} project(s)"),
    "register_would_import": (
        "{source}: zou {n} project(en) importeren",
        "{source}: would import {n} project(s)"),
    "register_summary": (
        "{committed} verplicht, {paid} betaald; {already} al in het grootboek",
        "{committed} committed, {paid} paid; {already} already in the ledger"),
    "dry_run_nothing": ("proefrun: niets geschreven", "dry run: nothing written"),
    "template_written": (
        "sjabloon voor het projectenregister geschreven naar {target}",
        "wrote the project register template to {target}"),
    "template_choose": ("Kies een {what} uit de lijst", "Choose a {what} from the list"),
    "unknown_language": (
        "onbekende taal {text} (--lang of {env}): gebruik nl of en",
        "unknown language {text} (--lang or {env}): use nl or en"),

    # -- ledger rules: ledger.py, domain.py, dates.py, movements.py, money.py, words.py -----------
    # fields a person types, named in messages (ledger.clean_text reads these codes)
    "ledger_field_title": ("titel", "title"),
    "ledger_field_note": ("notitie", "note"),
    "ledger_field_payee": ("begunstigde", "payee"),
    "ledger_field_reference": ("kenmerk", "reference"),
    "ledger_field_reason": ("reden", "reason"),
    "ledger_field_cofunding_source": ("bron van cofinanciering", "co-funding source"),
    "ledger_field_date": ("datum", "date"),
    "ledger_text_empty": (
        "{what} is leeg: geef een korte omschrijving",
        "{what} is empty: give a short description"),
    "ledger_text_long": (
        "{what} is {n} tekens lang: houd het onder {most}",
        "{what} is {n} characters long: keep it under {most}"),
    "ledger_year_range": (
        "--year {year} valt buiten het bereik: budgetjaren lopen van {first} tot en met {last}; "
        "geef bijv. --year 2026",
        "--year {year} is out of range: budget years run from {first} to {last}; give e.g. "
        "--year 2026"),
    "ledger_years_range": (
        "jaar {year} valt buiten het bereik: budgetjaren lopen van {first} tot en met {last}; "
        "geef bijv. --year 2026, of --from 2025 --to 2026",
        "year {year} is out of range: budget years run from {first} to {last}; give e.g. --year "
        "2026, or --from 2025 --to 2026"),
    "ledger_years_order": (
        "--from {start} ligt na --to {end}: geef eerst het vroegste jaar",
        "--from {start} is after --to {end}: give the earlier year first"),
    # the registry
    "ledger_unknown_smederij": (
        "onbekende Smederij {code}: gebruik een code uit 'smederij smederijen list' (bijv. "
        "{known})",
        "unknown Smederij {code}: use a code from 'smederij smederijen list' (e.g. {known})"),
    "ledger_none_yet_init": ("nog geen: voer 'smederij init' uit", "none yet: run smederij init"),
    "ledger_none_yet": ("nog geen", "none yet"),
    "ledger_smederij_inactive": (
        "Smederij {code} is niet meer actief: ze staat niet meer in de configuratie; boek voor "
        "een actieve Smederij, of zet haar weer in de YAML en voer 'smederij init --config FILE' "
        "uit",
        "Smederij {code} is no longer active: it is not in the configuration any more; book for "
        "an active Smederij, or add it to the YAML again and run 'smederij init --config FILE'"),
    "ledger_unknown_stream": (
        "onbekende budgetsoort {code}: gebruik een van {known}",
        "unknown stream {code}: use one of {known}"),
    "ledger_unknown_project": (
        "onbekend project {id}: zie 'smederij project list'",
        "unknown project {id}: see 'smederij project list'"),
    "ledger_unknown_payment": (
        "onbekende betaling {id}: zie 'smederij payment list'",
        "unknown payment {id}: see 'smederij payment list'"),
    # closed years and dates (ledger.ensure_open, dates.py)
    "ledger_year_closed": (
        "budgetjaar {year} is afgesloten (jaarafsluiting op {date})",
        "budget year {year} is closed (rolled over on {date})"),
    "ledger_year_before_closed": (
        "budgetjaar {year} ligt voor het afgesloten jaar {last}",
        "budget year {year} is before the closed year {last}"),
    "ledger_not_in_closed": (
        "{why}; {doing} kan daar niet meer: {remedy} het open jaar {open}",
        "{why}; cannot {doing} in it: {remedy} the open year {open} instead"),
    "ledger_remedy_book": ("boek het in", "book it in"),
    "ledger_remedy_date": ("dateer het in", "date it in"),
    "ledger_doing_dated": ("{doing} op {date}", "{doing} dated {date}"),
    "ledger_doing_allocate": ("budget toekennen", "allocate"),
    "ledger_doing_transfer": ("budget overboeken", "transfer"),
    "ledger_doing_add_project": ("een project toevoegen", "add a project"),
    "ledger_doing_approve_project": ("een project goedkeuren", "approve a project"),
    "ledger_doing_pay": ("een betaling boeken", "book a payment"),
    "ledger_doing_step": ("project {id} {step}", "{step} project {id}"),
    "ledger_doing_release": (
        "de verplichting van project {id} vrijgeven", "release project {id}'s commitment"),
    "ledger_doing_reverse": ("betaling {id} terugboeken", "reverse payment {id}"),
    "ledger_doing_transfer_to": ("overboeken naar {target}", "transfer to {target}"),
    "ledger_doing_raise": (
        "de verplichting van project {id} verhogen", "raise project {id}'s commitment"),
    "ledger_an_allocation": ("een toekenning voor {year}", "an allocation for {year}"),
    "ledger_a_transfer": ("een overboeking in {year}", "a transfer in {year}"),
    "ledger_a_proposal": ("een voorstel", "a proposal"),
    "ledger_payment_on": ("een betaling op project {id}", "a payment on project {id}"),
    "ledger_reversal_of": ("de terugboeking van betaling {id}", "the reversal of payment {id}"),
    "ledger_payment_n": ("betaling {id}", "payment {id}"),
    "ledger_releases_money": ("(er komt geld vrij)", "(it releases money)"),
    "ledger_step_of": ("{step} van project {id}", "the {step} of project {id}"),
    "ledger_project_step": ("{step} van project {id}", "project {id}'s {step}"),
    # each status named as the step that leads to it (Dutch with its article)
    "ledger_noun_proposed": ("het voorstel", "proposal"),
    "ledger_noun_approved": ("de goedkeuring", "approval"),
    "ledger_noun_in_progress": ("de start", "start"),
    "ledger_noun_completed": ("de afronding", "completion"),
    "ledger_noun_rejected": ("de afwijzing", "rejection"),
    "ledger_noun_withdrawn": ("de intrekking", "withdrawal"),
    "ledger_noun_last": ("de laatste stap", "last step"),
    "ledger_today": ("vandaag", "today"),
    "ledger_with_date": ("met --date", "with --date"),
    "ledger_date_range": (
        "{what} {date} valt buiten het bereik: data lopen van {first} tot en met {last}, zoals "
        "de budgetjaren",
        "{what} {date} is out of range: dates run from {first} to {last}, as budget years do"),
    "ledger_date_closed": (
        "{what} {date} valt in budgetjaar {year}, dat is afgesloten: {doing} moet gedateerd zijn "
        "op of na {first}{hint} (een afgesloten jaar verandert niet meer)",
        "{what} {date} is in budget year {year}, which is closed: {doing} must be dated on or "
        "after {first}{hint} (closed years are read-only)"),
    "ledger_date_not_in_year": (
        "{what} {date} valt niet in budgetjaar {year}, waarin {doing} wordt geboekt: dateer het "
        "{span}{hint}",
        "{what} {date} is not in budget year {year}, which {doing} books into: date it "
        "{span}{hint}"),
    "ledger_year_span": ("van {first} tot en met {last}", "{first} to {last}"),
    "ledger_date_before": (
        "{what} {date} ligt voor {earlier_what} op {earlier}: {doing} moet gedateerd zijn op "
        "{earlier} of later",
        "{what} {date} is before {earlier_what} on {earlier}: {doing} must be dated {earlier} "
        "or later"),
    "ledger_not_ended": (
        "budgetjaar {year} is nog niet voorbij (vandaag is het {today}): het kan worden "
        "afgesloten vanaf {first}, niet eerder; 'smederij rollover --year {year} --dry-run' "
        "laat zien wat er zou verschuiven",
        "budget year {year} has not ended yet (today is {today}): it may be closed from "
        "{first}, not before; 'smederij rollover --year {year} --dry-run' shows what would "
        "move"),
    "ledger_not_ended_early": (
        "budgetjaar {year} is nog niet voorbij (vandaag is het {today}): het kan worden "
        "afgesloten vanaf {first}; typ 'smederij rollover --year {year} --early' om het nu toch "
        "af te sluiten (boekingen in {year} met een datum na vandaag worden dan geweigerd); "
        "'smederij rollover --year {year} --dry-run' laat zien wat er zou verschuiven",
        "budget year {year} has not ended yet (today is {today}): it may be closed from "
        "{first}; to close it now anyway type 'smederij rollover --year {year} --early' "
        "(entries dated after today in {year} are refused then); 'smederij rollover --year "
        "{year} --dry-run' shows what would move"),
    "ledger_not_a_date": (
        "{what} {text} is geen datum: schrijf JJJJ-MM-DD of DD-MM-JJJJ",
        "{what} {text} is not a date: write YYYY-MM-DD or DD-MM-YYYY"),
    "ledger_not_a_day": (
        "{what} {text} is geen dag die in de kalender staat",
        "{what} {text} is not a day in the calendar"),
    # project steps (domain.next_status)
    "ledger_step_approve": ("goedkeuren", "approve"),
    "ledger_step_start": ("starten", "start"),
    "ledger_step_complete": ("afronden", "complete"),
    "ledger_step_reject": ("afwijzen", "reject"),
    "ledger_step_withdraw": ("intrekken", "withdraw"),
    "ledger_step_refused": (
        "project {id} is {status}: {step} kan alleen als het {sources} is; {hint}",
        "project {id} is {status}; cannot {step} it (only from {sources}); {hint}"),
    "ledger_steps_possible": ("nu mogelijk: {steps}", "possible now: {steps}"),
    "ledger_steps_none": ("het is afgesloten", "it is closed"),
    # budget
    "ledger_no_smederij": (
        "er is geen actieve Smederij om aan toe te kennen: voer 'smederij init' uit",
        "there is no active Smederij to allocate to: run 'smederij init'"),
    "ledger_base_too_large": (
        "{n} keer een basis van {base} (één per Smederij) is meer dan het totaal {total}: "
        "verlaag --base of verhoog --total",
        "a base of {base} for each of {n} Smederijen is more than the total {total}: lower "
        "--base or raise --total"),
    "ledger_negative_weights": (
        "gewichten mogen niet negatief zijn", "weights must not be negative"),
    "ledger_allocate_one": (
        "geef bij --smederij een --amount (en geen --total of --method)",
        "with --smederij give --amount (and no --total or --method)"),
    "ledger_allocate_how": (
        "geef --smederij en --amount, of --total en --method equal|weighted",
        "give either --smederij and --amount, or --total and --method equal|weighted"),
    "ledger_unknown_method": (
        "onbekende methode {method}: gebruik equal of weighted",
        "unknown method {method}: use equal or weighted"),
    "ledger_base_weighted": (
        "--base hoort alleen bij --method weighted", "--base goes with --method weighted only"),
    "ledger_same_smederij": (
        "--from en --to zijn dezelfde Smederij: er valt niets over te boeken",
        "--from and --to are the same Smederij: nothing to transfer"),
    "ledger_no_plans": (
        "de configuratie heeft geen toekenningsplannen: voeg een onderdeel 'allocations' toe aan "
        "de YAML en voer 'smederij init' opnieuw uit",
        "the configuration has no allocation plans: add an 'allocations' section to the YAML "
        "and run 'smederij init' again"),
    "ledger_plans_applied": (
        "de toekenningsplannen voor {year} zijn al toegepast ({applied}): niets gedaan",
        "the allocation plans for {year} were already applied ({applied}): nothing done"),
    "ledger_plan_txn": ("{stream}: transactie {txn}", "{stream}: transaction {txn}"),
    "ledger_short": (
        "{doing} kan niet: daarvoor is {amount} nodig, maar {name} heeft {available} "
        "beschikbaar in {stream} {year} ({short} te weinig)",
        "cannot {doing}: it needs {amount} but {name} has {available} available in {stream} "
        "{year} (short {short})"),
    # the year end
    "ledger_cannot_close_empty": (
        "{year} heeft geen toekenning en niets overgeheveld: het kan niet worden afgesloten "
        "(een afgesloten jaar blijft afgesloten)",
        "{year} has no allocation and nothing carried in: it cannot be closed (a closed year "
        "stays closed)"),
    "ledger_may_close": ("{year} kan worden afgesloten vanaf {first}",
                         "{year} may be closed from {first}"),
    "ledger_may_close_early": (
        "(vandaag is het {today}; met --early wordt het eerder afgesloten)",
        "(today is {today}; --early closes it before)"),
    "ledger_earlier_open": (
        "budgetjaar {year} is nog open: jaren worden op volgorde afgesloten, voer eerst "
        "'smederij rollover --year {year}' uit",
        "budget year {year} is still open: years close in order, run 'smederij rollover --year "
        "{year}' first"),
    "ledger_nothing_to_close": (
        "budgetjaar {year} heeft geen toekenning en niets overgeheveld: er valt niets af te "
        "sluiten, en een afgesloten jaar blijft afgesloten; {instead}",
        "budget year {year} has no allocation and nothing carried in: there is nothing to "
        "close, and a closed year stays closed; {instead}"),
    "ledger_close_instead": (
        "bedoelde u 'smederij rollover --year {year}'?",
        "did you mean 'smederij rollover --year {year}'?"),
    "ledger_allocate_first": (
        "ken eerst budget toe ('smederij budget allocate --year {year} ...')",
        "allocate first ('smederij budget allocate --year {year} ...')"),
    # projects and payments
    "ledger_counts_negative": (
        "--supporters en --volunteers zijn aantallen mensen: geef 0 of meer, bijv. "
        "--supporters 30",
        "--supporters and --volunteers are counts of people: give 0 or more, e.g. "
        "--supporters 30"),
    "ledger_counts_large": (
        "--supporters of --volunteers is te groot: geef hoogstens {most} mensen",
        "--supporters or --volunteers is too large: give at most {most} people"),
    "ledger_pay_status": (
        "project {id} is {status}: betalingen worden alleen geboekt op projecten die "
        "goedgekeurd of in uitvoering zijn",
        "project {id} is {status}: payments are only booked on approved or in-progress "
        "projects"),
    "ledger_duplicate_ref": (
        "--ref {ref} staat al op {payment}, die niet is teruggeboekt: een factuur wordt één keer "
        "betaald; controleer of hij niet al betaald is, en voeg --duplicate-ref toe om hem toch "
        "te boeken",
        "--ref {ref} is already on {payment}, which was not reversed: one invoice is paid once; "
        "check it was not paid already, and to book it anyway add --duplicate-ref"),
    "ledger_payment_described": (
        "betaling {id} (project {project}, {amount} op {date})",
        "payment {id} (project {project}, {amount} on {date})"),
    "ledger_overpay": (
        "een betaling van {amount} is {short} meer dan er over is van de verplichting van "
        "project {id} ({left}): betaal minder, of voeg --raise-commitment toe",
        "payment of {amount} exceeds what is left of project {id}'s commitment ({left}) by "
        "{short}: pay less, or add --raise-commitment"),
    "ledger_already_reversed": (
        "betaling {id} is al teruggeboekt (transactie {txn})",
        "payment {id} was already reversed (transaction {txn})"),
    "ledger_reverse_closed": (
        "betaling {id} is geboekt in budgetjaar {year}, dat is afgesloten: daar kan ze niet "
        "worden teruggeboekt; boek de terugbetaling in het open jaar {open} (smederij budget "
        "allocate --year {open} --stream {stream} --smederij {smederij} --amount ...)",
        "payment {id} is booked in budget year {year}, which is closed: it cannot be reversed "
        "there; book the refund in the open year {open} instead (smederij budget allocate "
        "--year {open} --stream {stream} --smederij {smederij} --amount ...)"),
    "ledger_cofunding_form": (
        "cofinanciering {item} is niet BRON=BEDRAG: bijv. --cofunding 'Oranje Fonds=2.500'",
        "co-funding {item} is not SOURCE=AMOUNT: e.g. --cofunding 'Oranje Fonds=2.500'"),
    "ledger_cofunding_amount": (
        "cofinancieringsbedrag voor {source}", "co-funding amount for {source}"),
    # check: one line per problem
    "ledger_check_file": ("database: {problem}", "database: {problem}"),
    "ledger_check_ages": ("de leeftijd van het geld: {problem}", "the age of money: {problem}"),
    "ledger_check_unbalanced": (
        "transactie {id} ({description}) is niet in evenwicht: de {n} boekingsregels tellen op "
        "tot {total}",
        "transaction {id} ({description}) does not balance: its {n} postings sum to {total}"),
    "ledger_check_negative": (
        "rekening {account} staat negatief: {balance}",
        "account {account} is negative: {balance}"),
    "ledger_check_overpaid": (
        "project {id}: {paid} betaald, meer dan de {committed} die ervoor verplicht is",
        "project {id}: paid {paid}, more than the {committed} committed to it"),
    "ledger_check_left": (
        "project {id} is {status} maar heeft nog {committed} verplicht",
        "project {id} is {status} but still has {committed} committed"),
    "ledger_check_paid": (
        "project {id} is {status} maar heeft betalingen",
        "project {id} is {status} but has payments"),
    "ledger_check_unsound": (
        "{year} {smederij} {stream}: overgeheveld in + toegekend ({sources}) verschilt van "
        "besteed + verplicht + beschikbaar + overgeheveld uit + teruggevloeid ({uses})",
        "{year} {smederij} {stream}: carried in + allocated ({sources}) differs from spent + "
        "committed + available + carried out + lapsed ({uses})"),
    "ledger_check_closed_holds": (
        "afgesloten jaar {year} heeft nog {available} beschikbaar en {committed} verplicht",
        "closed year {year} still holds {available} available and {committed} committed"),
    "ledger_check_rollover": (
        "jaarafsluiting {year}: {out} overgeheveld uit, maar {into} overgeheveld in {next}",
        "rollover {year}: {out} carried out but {into} carried into {next}"),
    "ledger_check_total": (
        "het grootboek als geheel telt niet op tot nul: {total}",
        "the ledger as a whole does not sum to zero: {total}"),
    # restore
    "ledger_restore_itself": (
        "{backup} is het grootboek zelf: geef een back-upbestand",
        "{backup} is the ledger itself: give a backup file"),
    "ledger_restore_fails_check": (
        "back-up {backup} komt niet door de controle (problemen: {n}, de eerste: {first}): "
        "niet teruggezet",
        "backup {backup} fails check ({n} problem(s), first: {first}): not restored"),
    "ledger_restored": ("grootboek {ledger} teruggezet uit {backup}",
                        "restored {ledger} from {backup}"),
    "ledger_restored_kept": (
        "grootboek {ledger} teruggezet uit {backup}; het vervangen grootboek is bewaard als "
        "{kept}",
        "restored {ledger} from {backup}; the replaced ledger is kept as {kept}"),
    # (end of ledger)

    # -- the ledger file, registry, outputs: store, files, text, config, marks, status, demo, site --
    # the ledger's path and file (files.py, store.py)
    "file_db_uri": (
        "--db {text} is een SQLite-URI: geef het pad van het grootboekbestand, bijv. "
        "--db ~/smederij.db",
        "--db {text} is an SQLite URI: give the ledger's file path, e.g. --db ~/smederij.db"),
    "file_db_empty": (
        "--db is leeg: geef het pad van het grootboekbestand, bijv. --db ~/smederij.db",
        "--db is empty: give the ledger's file path, e.g. --db ~/smederij.db"),
    "file_db_not_utf8": (
        "--db (of SMEDERIJ_DB) is geen geldige UTF-8-tekst: geef het pad van het grootboek in "
        "UTF-8",
        "--db (or SMEDERIJ_DB) is not valid UTF-8 text: give the ledger's path in UTF-8"),
    "file_network": (
        "grootboek {path} staat op een netwerkbestandssysteem ({kind}), waar SQLite het niet "
        "veilig kan vergrendelen en de WAL-modus niet werkt: zet het grootboek op de eigen schijf "
        "van één computer en gebruik smederij daar (anderen loggen erop in, bijv. via ssh); zie "
        "'Where the ledger lives' in de README",
        "ledger {path} is on a network file system ({kind}), where SQLite cannot lock it safely "
        "and its WAL mode does not work: keep the ledger on the local disk of one machine and run "
        "smederij there (others log in to it, e.g. over ssh); see 'Where the ledger lives' in the "
        "README"),
    "file_unc": ("een UNC-pad", "a UNC path"),
    "file_no_ledger": (
        "geen grootboek in {path}: maak het met 'smederij init'",
        "no ledger at {path}: run 'smederij init'"),
    "file_ledger_folder": (
        "grootboek {path} is een map: geef het pad van een grootboekbestand",
        "ledger {path} is a directory: give the path of a ledger file"),
    "file_ledger_unreadable": (
        "grootboek {path} is niet te lezen: {why}",
        "ledger {path} cannot be read: {why}"),
    "file_not_sqlite": (
        "{path} is geen smederij-grootboek (geen SQLite-bestand): {fix}",
        "{path} is not a smederij ledger (not an SQLite file): {fix}"),
    "file_foreign": (
        "{path} is geen smederij-grootboek (een SQLite-database van een ander programma): {fix}",
        "{path} is not a smederij ledger (an SQLite database of another program): {fix}"),
    "file_fix_db": ("controleer het pad bij --db", "check the --db path"),
    "file_not_restored": ("niet teruggezet", "not restored"),
    "file_create": (
        "kan grootboek {path} niet maken: {why}",
        "cannot create ledger {path}: {why}"),
    "file_newer": (
        "grootboek {path} is geschreven door een nieuwere smederij (schemastap {step}): werk "
        "smederij bij om het te gebruiken",
        "ledger {path} was written by a newer smederij (schema step {step}): upgrade smederij to "
        "use it"),
    "file_read_only": (
        "grootboek {path} is alleen-lezen: controleer de rechten van het bestand of gebruik een "
        "ander --db",
        "ledger {path} is read-only: check the file's permissions or use another --db"),
    "file_busy": (
        "grootboek {path} is bezet (een andere medewerker schrijft erin): probeer het zo opnieuw",
        "ledger {path} is busy (another clerk is writing): try again in a moment"),
    "file_damaged": (
        "grootboek {path} is beschadigd ({why}): zet het terug uit een back-up (zie 'Backups' "
        "in de README)",
        "ledger {path} is damaged ({why}): restore it from a backup (see 'Backups' in the "
        "README)"),
    "file_cannot_open": (
        "kan grootboek {path} niet openen: controleer of de map bestaat en of u erin mag "
        "schrijven",
        "cannot open ledger {path}: check that its folder exists and is writable"),
    "file_ledger_other": ("grootboek {path}: {why}", "ledger {path}: {why}"),
    # what the check finds in the file itself (store.py)
    "file_row_orphan": (
        "{table} rij {rowid} verwijst naar een ontbrekende rij in {parent}",
        "{table} row {rowid} points to a missing {parent}"),
    "file_age_order": (
        "jaarafsluiting {year} {smederij} {stream}: geld uit {carried} overgeheveld terwijl geld "
        "uit {lapsed} terugvloeide (het oudste geld vloeit eerst terug)",
        "rollover {year} {smederij} {stream}: money of {carried} carried while money of "
        "{lapsed} lapsed (the oldest money lapses first)"),
    "file_age_sum": (
        "transactie {txn}: de jaargangen van de boeking op {account} tellen op tot {total} cent, "
        "niet tot de geboekte {posted}",
        "transaction {txn}: the vintages of its posting on {account} add up to {total} cents, "
        "not its {posted}"),
    "file_age_held": (
        "rekening {account} bevat {held} cent geld uit {vintage}",
        "account {account} holds {held} cents of money of {vintage}"),
    # why the system refused a file (files.os_reason); English as the system says it
    "file_os_denied": ("geen toestemming", "Permission denied"),
    "file_os_full": ("de schijf is vol", "No space left on device"),
    "file_os_read_only": ("alleen-lezen bestandssysteem", "Read-only file system"),
    "file_os_missing": ("bestand of map bestaat niet", "No such file or directory"),
    "file_os_not_folder": ("een deel van het pad is geen map", "Not a directory"),
    "file_os_folder": ("is een map", "Is a directory"),
    "file_os_quota": ("schijfquotum overschreden", "Disk quota exceeded"),
    # backups (store.py)
    "file_what_backup": ("back-up", "backup"),
    "file_exists": (
        "{path} bestaat al: geef een ander bestand, of voeg --force toe om het te overschrijven",
        "{path} already exists: give another file, or add --force to overwrite it"),
    "file_backup_write": (
        "kan back-up {path} niet schrijven: {why}",
        "cannot write backup {path}: {why}"),
    "file_backed_up": (
        "back-up van {path} gemaakt in {target} ({counts}); de kopie doorstond integrity_check",
        "backed up {path} to {target} ({counts}); the copy passed integrity_check"),
    "file_counts": (
        "{smederijen}, {projects}, {payments}, {transactions}, {postings}",
        "{smederijen}, {projects}, {payments}, {transactions}, {postings}"),
    "file_copy_bad": (
        "de kopie in {path} doorstaat integrity_check niet ({why})",
        "the copy in {path} fails integrity_check ({why})"),
    "file_no_backup": (
        "geen back-up in {path}: geef het bestand dat 'smederij backup' schreef",
        "no backup at {path}: give the file 'smederij backup' wrote"),
    "file_backup_empty": (
        "{path} is leeg: het is geen smederij-back-up",
        "{path} is empty: it is not a smederij backup"),
    "file_backup_damaged": (
        "back-up {path} is beschadigd ({why}): niet teruggezet",
        "backup {path} is damaged ({why}): not restored"),
    "file_backup_foreign": (
        "{path} is een SQLite-bestand maar geen smederij-grootboek: niet teruggezet",
        "{path} is an SQLite file but not a smederij ledger: not restored"),
    # where output goes (files.py)
    "file_output_ledger": (
        "{what} {target} is {which} ({ledger}): geef een andere bestandsnaam",
        "{what} {target} is {which} ({ledger}): give another file name"),
    "file_the_ledger": ("het grootboek zelf", "the ledger itself"),
    "file_the_side_file": (
        "het {suffix}-bestand van het grootboek",
        "the ledger's {suffix} file"),
    "file_cannot_write": (
        "kan {what} {target} niet schrijven: {why}",
        "cannot write {what} {target}: {why}"),
    "file_no_folder": (
        "kan {what} {target} niet schrijven: map {folder} bestaat niet",
        "cannot write {what} {target}: folder {folder} does not exist"),
    "file_output_folder": (
        "{what} {target} is een map: geef een bestandsnaam",
        "{what} {target} is a directory: give a file name"),
    "file_output_special": (
        "{what} {target} is geen gewoon bestand, pipe of terminal: geef een bestandsnaam",
        "{what} {target} is not a regular file, a pipe or a terminal: give a file name"),
    "file_output_sqlite": (
        "{what} {target} is een SQLite-database: smederij schrijft daar nooit overheen; geef een "
        "andere bestandsnaam",
        "{what} {target} is an SQLite database: smederij never writes over one; give another "
        "file name"),
    "file_stdout": (
        "kan niet naar de standaarduitvoer schrijven: {why}",
        "cannot write to standard output: {why}"),
    # typed text (text.py)
    "file_control": (
        "{what} bevat stuurtekens of regeleinden ({code} op teken {at}): typ het als één regel "
        "gewone tekst",
        "{what} contains control characters or line breaks ({code} at character {at}): type it "
        "as one line of plain text"),
    "file_argument": ("argument {n}", "argument {n}"),
    "file_not_utf8": (
        "{what} is geen geldige UTF-8-tekst: typ het opnieuw, of zet uw terminal op UTF-8",
        "{what} is not valid UTF-8 text: type it again, or set your terminal to UTF-8"),
    # the registry (config.py): <file>:<line>: <field>: what is wrong and how to fix it
    "file_config_not_regular": (
        "{path}: is geen gewoon bestand (een apparaat, pipe of socket); geef het pad van een "
        "YAML-bestand",
        "{path}: is not a regular file (a device, pipe or socket); give the path to a YAML file"),
    "file_config_too_large": (
        "{path}: is groter dan {mib} MiB, te groot voor een register; controleer of dit het "
        "goede bestand is",
        "{path}: is larger than {mib} MiB, too large for a registry; check that this is the "
        "right file"),
    "file_config_not_found": (
        "{path}: registerbestand niet gevonden; controleer het pad",
        "{path}: configuration file not found; check the path"),
    "file_config_folder": (
        "{path}: is een map; geef het pad van een YAML-bestand",
        "{path}: is a folder; give the path to a YAML file"),
    "file_config_unreadable": (
        "{path}: kan het bestand niet lezen ({why}); controleer de rechten",
        "{path}: cannot read the file ({why}); check its permissions"),
    "file_config_not_utf8": (
        "{path}:{line}: geen UTF-8-tekst (byte {byte}); bewaar het bestand als UTF-8",
        "{path}:{line}: not UTF-8 text (byte {byte}); save the file as UTF-8"),
    "file_config_empty": (
        "{path}: het bestand is leeg; zie data/hoogeveen.yaml voor een voorbeeld",
        "{path}: the file is empty; see data/hoogeveen.yaml for one"),
    "file_config_yaml": (
        "{path}:{line}: ongeldige YAML: {problem}; {hint}",
        "{path}:{line}: invalid YAML: {problem}; {hint}"),
    "file_config_character": ("teken {code}: {why}", "character {code}: {why}"),
    "file_config_remove_it": ("verwijder het", "remove it"),
    "file_config_tabs": ("spring in met spaties, niet met tabs", "indent with spaces, not tabs"),
    "file_config_tags": (
        "alleen gewone YAML mag: tekst, getallen, lijsten en mappings, geen !!-tags",
        "only plain YAML is allowed: text, numbers, lists and mappings, no !! tags"),
    "file_config_syntax": (
        "controleer inspringing, dubbele punten, haakjes en aanhalingstekens op deze regel of de "
        "regel erboven",
        "check indentation, colons, brackets and quotes on this line or the one above"),
    "file_config_key_twice": (
        "{path}:{line}: {field}: staat twee keer in één mapping (ook op regel {other}); houd er "
        "één",
        "{path}:{line}: {field}: appears twice in one mapping (also on line {other}); keep one"),
    "file_config_field": ("{path}:{line}: {field}: {problem}", "{path}:{line}: {field}: {problem}"),
    "file_config_top": ("het hoogste niveau", "top level"),
    "file_config_nothing": ("niets", "nothing"),
    "file_config_a_mapping": ("een mapping", "a mapping"),
    "file_config_a_list": ("een lijst", "a list"),
    "file_config_an_empty_one": ("een lege", "an empty one"),
    "file_config_not_mapping": (
        "moet een mapping zijn met de sleutels {keys}, maar is {got}",
        "must be a mapping with keys {keys}, got {got}"),
    "file_config_unknown_key": (
        "onbekende sleutel; hier mogen: {keys}",
        "unknown key; allowed here: {keys}"),
    "file_config_missing": (
        "ontbreekt: voeg '{name}:' toe met {need}",
        "is missing: add '{name}:' with {need}"),
    "file_config_twice": (
        "{code} staat er twee keer (ook {other} op regel {line}); {hint}",
        "{code} is used twice (also {other} on line {line}); {hint}"),
    "file_config_own_stream": (
        "geef elke budgetsoort een eigen code", "give each stream its own code"),
    "file_config_own_team": ("geef elk wijkteam een eigen code", "give each wijkteam its own code"),
    "file_config_own_smederij": (
        "geef elke Smederij een eigen code", "give each Smederij its own code"),
    "file_config_one_plan": (
        "geef elke budgetsoort één plan", "give each stream one plan"),
    "file_config_unknown_team": (
        "onbekend wijkteam {code}; de wijkteams zijn: {codes}",
        "unknown team {code}; the teams are: {codes}"),
    "file_config_unknown_stream": (
        "onbekende budgetsoort {code}; de budgetsoorten zijn: {codes}",
        "unknown stream {code}; the streams are: {codes}"),
    "file_config_no_base": (
        "alleen een plan met method 'weighted' heeft een base; haal die weg",
        "only a 'weighted' plan has a base; remove it"),
    "file_config_bases": (
        "{bases} voor {n} Smederijen is meer dan het totaal van {total}; verlaag base of verhoog "
        "total",
        "{bases} for {n} Smederijen is more than the total of {total}; lower base or raise "
        "total"),
    "file_config_no_inhabitants": (
        "'weighted' verdeelt naar inwoners, maar elke Smederij heeft er 0",
        "'weighted' shares by inhabitants, but every Smederij has 0"),
    "file_config_must": ("moet {need} zijn, maar is {got}", "must be {need}, got {got}"),
    "file_config_whole_from": (
        "een heel getal van {low} of meer", "a whole number of {low} or more"),
    "file_config_whole_range": (
        "een heel getal van {low} tot en met {high}", "a whole number {low}-{high}"),
    "file_config_one_of": ("een van {options}", "one of {options}"),
    "file_config_text": ("tekst", "some text"),
    "file_config_the_text": ("de tekst", "the text"),
    "file_config_code": (
        "een code van kleine letters, cijfers en streepjes, bijv. {example}",
        "a lowercase code of letters, digits and hyphens, e.g. {example}"),
    "file_config_money": (
        "een bedrag in euro's, bijv. {example}",
        "an amount in euros, e.g. {example}"),
    "file_config_value": ("waarde", "value"),
    "file_config_float": (
        "is het kommagetal {value}, dat YAML leest als een binaire breuk (en 300.000 als 300); "
        "schrijf hele euro's zoals 1234, of zet het tussen aanhalingstekens: \"1.234,56\"",
        "got the decimal number {value}, which YAML reads as a binary fraction (and 300.000 as "
        "300); write whole euros like 1234, or quote it: \"1.234,56\""),
    "file_config_programme": (
        "een mapping met name en municipality", "a mapping with name and municipality"),
    "file_config_list": ("een lijst van {what}", "a list of {what}"),
    "file_config_list_one": (
        "een lijst van {what}, minstens één", "a list of {what}, at least one"),
    "file_config_streams": ("budgetsoorten", "streams"),
    "file_config_teams": ("wijkteams", "wijkteams"),
    "file_config_smederijen": ("Smederijen", "Smederijen"),
    "file_config_plans": ("toekenningsplannen", "allocation plans"),
    "file_config_policy": (
        "een regel zoals {examples}", "a policy such as {examples}"),
    "file_config_overrides": (
        "een mapping van budgetsoortcode naar regel, bijv. {example}",
        "a mapping of stream code to policy, e.g. {example}"),
    "file_config_capped": (
        "policy 'capped' heeft percent (0 tot en met 100) en/of amount (euro's) nodig; voeg "
        "bijv. percent: 25 toe",
        "policy 'capped' needs percent (0 to 100) and/or amount (euros); add e.g. percent: 25"),
    # the demo (demo.py)
    "file_demo_there": (
        "grootboek {path} bevat de demo al (seed {seed}); niets gedaan",
        "ledger {path} already holds the demo (seed {seed}); nothing done"),
    "file_demo_not_empty": (
        "grootboek {path} bevat al boekingen: de demo vult alleen een leeg grootboek; gebruik "
        "--db demo.db",
        "ledger {path} already holds entries: the demo only fills an empty ledger; use --db "
        "demo.db"),
    "file_demo_built": (
        "demogrootboek {path}: {smederijen} Smederijen, {projects} projecten, {payments} "
        "betalingen; {allocated} toegekend voor {year}, {spent} besteed. Volgende stap: {next}",
        "demo ledger {path}: {smederijen} Smederijen, {projects} projects, {payments} payments; "
        "{allocated} allocated for {year}, {spent} spent. Next: {next}"),
    # the public site (cli_site.py, site/publish.py)
    "file_site_lang": (
        "--lang {text} is geen taal van de site: gebruik nl of en",
        "--lang {text} is not a language of the site: use nl or en"),
    "file_site_is_file": (
        "--output {folder} is een bestand: geef een map voor de site",
        "--output {folder} is a file: give a folder for the site"),
    "file_site_not_ours": (
        "--output {folder} bevat bestanden die smederij niet schreef: geef een nieuwe of lege map "
        "voor de site",
        "--output {folder} holds files that smederij did not write: give a new or empty folder "
        "for the site"),
    "file_site_cannot_write": (
        "kan de site niet schrijven in {folder}: {why}",
        "cannot write the site into {folder}: {why}"),
    "file_site_written": (
        "site {folder}: {pages} pagina's, {data} databestanden; {written} geschreven, "
        "{unchanged} ongewijzigd, {removed} verwijderd",
        "site {folder}: {pages} pages, {data} data files; {written} written, {unchanged} "
        "unchanged, {removed} removed"),
    "file_site_internal": (
        "(intern: met begunstigden en notities; niet publiceren)",
        "(internal: payees and notes included; do not publish)"),
    # (end of files)

    # -- the command line: cli.py, interchange.py, writers.py, project_import.py, annual.py -------
    "cli_version": ("smederij {version}", "smederij {version}"),
    "cli_see_help": ("{message} (zie '{command} --help')", "{message} (see '{command} --help')"),
    "cli_missing_option": ("de optie {name} ontbreekt", "Missing option {name}."),
    "cli_missing_argument": ("het argument {name} ontbreekt", "Missing argument {name}."),
    "cli_missing_parameter": ("{name} ontbreekt", "Missing parameter {name}."),
    "cli_no_such_option": ("onbekende optie {name}", "No such option: {name}"),
    "cli_no_such_option_close": (
        "onbekende optie {name}: bedoelde u {options}?",
        "No such option: {name} (Possible options: {options})"),
    "cli_option_needs_value": (
        "de optie {name} heeft een waarde nodig",
        "Option {name} requires an argument."),
    "cli_option_needs_values": (
        "de optie {name} heeft {n} waarden nodig",
        "Option {name} requires {n} arguments."),
    "cli_option_no_value": (
        "de optie {name} neemt geen waarde",
        "Option {name} does not take a value."),
    "cli_not_a_number": (
        "ongeldige waarde voor {name}: {value} is geen geheel getal",
        "Invalid value for {name}: {value} is not a valid integer."),
    "cli_bad_value": (
        "ongeldige waarde voor {name}: {value}",
        "Invalid value for {name}: {value}"),
    "cli_no_such_command": (
        "onbekende opdracht {name}",
        "No such command {name}."),
    "cli_no_such_command_close": (
        "onbekende opdracht {name}: bedoelde u {options}?",
        "No such command {name}. Did you mean {options}?"),
    "cli_missing_command": ("de opdracht ontbreekt", "Missing command."),
    "cli_extra_arguments": (
        "onverwacht extra argument: {args}",
        "Got unexpected extra argument(s) ({args})"),
    "cli_usage": ("verkeerd gebruik: {message}", "{message}"),
    "cli_aborted": ("afgebroken", "aborted"),
    "cli_stdout_failed": (
        "kan de uitvoer niet schrijven: {why}; controleer de schijf of het bestand waar de "
        "standaarduitvoer heen gaat",
        "cannot write the output: {why}; check the disk or the file standard output goes to"),
    "cli_registry_loaded": (
        "grootboek {ledger}: register uit {config} geladen ({changes})",
        "ledger {ledger}: registry from {config} loaded ({changes})"),
    "cli_registry_up_to_date": (
        "grootboek {ledger}: register uit {config} is al bijgewerkt",
        "ledger {ledger}: registry from {config} already up to date"),
    "cli_registry_teams": ("wijkteams", "teams"),
    "cli_registry_streams": ("budgetsoorten", "streams"),
    "cli_registry_smederijen": ("Smederijen", "smederijen"),
    "cli_changed_added": ("{n} toegevoegd", "{n} added"),
    "cli_changed_updated": ("{n} bijgewerkt", "{n} updated"),
    "cli_changed_deactivated": ("{n} gedeactiveerd", "{n} deactivated"),
    "cli_format_contradicts": (
        "--format {format} spreekt --output {output} tegen (een bestandsnaam voor {implied}): "
        "laat --format weg, geef --format {implied}, of geef het bestand een naam voor {format}",
        "--format {format} contradicts --output {output} (a {implied} file name): leave out "
        "--format, or give --format {implied}, or name the file for {format}"),
    "cli_unknown_format": (
        "onbekend formaat {text}: gebruik {formats}",
        "unknown format {text}: use {formats}"),
    "cli_unknown_export_format": (
        "onbekend formaat {text}: gebruik een van {formats}",
        "unknown format {text}: use one of {formats}"),
    "cli_give_format": ("geef --format: een van {formats}", "give --format: one of {formats}"),
    "cli_unknown_report_language": (
        "onbekende taal {text}: gebruik nl of en",
        "unknown language {text}: use nl or en"),
    "cli_xlsx_needs_output": (
        "xlsx is een binair bestand: geef --output BESTAND, bijv. --output rapport.xlsx",
        "xlsx is a binary file: give --output FILE, e.g. --output report.xlsx"),
    "cli_delimiter": (
        "--delimiter {text} moet één teken zijn, bijv. ';' of ','",
        "--delimiter {text} must be one character, e.g. ';' or ','"),
    "cli_from_and_to": (
        "een meerjarenoverzicht heeft zowel --from als --to nodig, bijv. --from 2025 --to 2026",
        "a multi-year overview needs both --from and --to, e.g. --from 2025 --to 2026"),
    "cli_wrote": ("{what} geschreven naar {target}", "wrote {what} to {target}"),
    "cli_wrote_report": ("rapport {when} ({format})", "report {when} ({format})"),
    "cli_wrote_projects": ("projecten {when} ({format})", "projects {when} ({format})"),
    "cli_from_config_alone": (
        "--from-config neemt de budgetsoorten, totalen en methoden uit de configuratie: geef "
        "alleen --year (en --date, --dry-run)",
        "--from-config takes the streams, totals and methods from the configuration: give only "
        "--year (and --date, --dry-run)"),
    "cli_give_stream": (
        "geef --stream (of --from-config om de plannen uit de configuratie toe te passen)",
        "give --stream (or --from-config to apply the configuration's plans)"),
    "cli_allocated": (
        "Toekenning {stream} {year}, transactie {txn}",
        "Allocated {stream} {year}, transaction {txn}"),
    "cli_would_allocate": (
        "Toekenning {stream} {year} ({nothing})",
        "Would allocate {stream} {year} ({nothing})"),
    "cli_transferred": (
        "{amount} overgeheveld van {source} naar {target} ({stream} {year}), transactie {txn}",
        "transferred {amount} from {source} to {target} ({stream} {year}), transaction {txn}"),
    "cli_approved": (
        "project {id} goedgekeurd: {amount} verplicht",
        "project {id} approved: {amount} committed"),
    "cli_status_now": ("project {id} is nu {status}", "project {id} is now {status}"),
    "cli_released": (
        "{amount} vrijgevallen naar de bestedingsruimte",
        "{amount} released to the available budget"),
    "cli_reversed": (
        "betaling {id} teruggeboekt met transactie {txn}",
        "payment {id} reversed by transaction {txn}"),
    "cli_payments_booked": (
        "{source}: {n} betaling(en) geboekt, {total}; {already} al eerder geboekt",
        "{source}: booked {n} payment(s), {total}; {already} already booked"),
    "cli_payments_would_book": (
        "{source}: zou {n} betaling(en) boeken, {total}; {already} al eerder geboekt",
        "{source}: would book {n} payment(s), {total}; {already} already booked"),
    "cli_transactions": ("transacties {first}-{last}", "transactions {first}-{last}"),
    "cli_row": ("{source} regel {line}: {reason}", "{source} line {line}: {reason}"),
    "cli_rows_refused": (
        "{source}: {bad} van de {rows} rijen kunnen niet worden geboekt",
        "{source}: {bad} of {rows} rows cannot be booked"),
    "cli_nothing_booked": ("er is niets geboekt", "nothing was booked"),
    "cli_nothing_imported": ("er is niets geïmporteerd", "nothing was imported"),
    "cli_payments_not_file": (
        "{source} is geen bestand (een map of apparaat): geef het pad van een CSV-bestand met "
        "betalingen",
        "{source} is not a file (a folder or a device): give the path of a payments CSV file"),
    "cli_payments_no_file": (
        "geen bestand {source}: geef het pad van een CSV-bestand met betalingen",
        "no file {source}: give the path of a payments CSV file"),
    "cli_payments_binary": (
        "{source} is geen CSV-bestand (het bevat binaire gegevens): bewaar de betalingen als "
        "CSV; {hint}",
        "{source} is not a CSV file (it holds binary data): save the payments as CSV; {hint}"),
    "cli_payments_hint": (
        "de eerste regel noemt de kolommen {columns} (gescheiden door , of ;)",
        "the first line must name the columns {columns} (separated by , or ;)"),
    "cli_payments_encoding": (
        "{source} is geen tekst in UTF-8 of Windows-1252: bewaar het als CSV UTF-8",
        "{source} is neither UTF-8 nor Windows-1252 text: save it as CSV UTF-8"),
    "cli_payments_controls": (
        "{source} regel {line}: bevat stuurtekens of regeleinden ({code}): typ die rij opnieuw "
        "als gewone tekst",
        "{source} line {line}: contains control characters or line breaks ({code}): retype "
        "that row as plain text"),
    "cli_payments_column_twice": (
        "{source} regel 1: de kopregel noemt {columns} twee keer",
        "{source} line 1: the header names {columns} twice"),
    "cli_column_project": ("project", "project"),
    "cli_column_date": ("datum", "date"),
    "cli_column_amount": ("bedrag", "amount"),
    "cli_column_payee": ("begunstigde", "payee"),
    "cli_column_reference": ("kenmerk", "reference"),
    "cli_not_project_id": (
        "project {text} is geen projectnummer (een heel getal, bijv. 12)",
        "project {text} is not a project id (a whole number, e.g. 12)"),
    "cli_reference_empty": (
        "het kenmerk is leeg: elke betaling heeft het kenmerk van haar factuur of bankafschrift "
        "nodig, zodat een tweede import van het bestand niets dubbel boekt",
        "reference is empty: every payment needs its invoice or bank reference, so that "
        "importing the file again books nothing twice"),
    "cli_width": (
        "heeft {fields} velden maar de kopregel {width}: niets ervan wordt geboekt, want de "
        "velden zijn niet uit elkaar te houden; {hint}",
        "has {fields} fields but the header has {width}: nothing of it is booked, since its "
        "fields cannot be told apart; {hint}"),
    "cli_width_comma": (
        "een bedrag met een decimale komma moet in een bestand gescheiden door ',' tussen "
        "aanhalingstekens staan (\"10,50\"), of scheid de kolommen met ';'",
        "an amount with a decimal comma in a file separated by ',' must be in quotes "
        "(\"10,50\"), or separate the columns with ';'"),
    "cli_width_separate": (
        "scheid de kolommen met {delimiter}, één rij per regel",
        "separate the columns with {delimiter}, one row per line"),
    "cli_date_closed": (
        "datum {date} valt in budgetjaar {year}, dat is afgesloten",
        "date {date} is in budget year {year}, which is closed"),
    "cli_a_payment_on": ("een betaling op project {id}", "a payment on project {id}"),
    "cli_reference_twice": (
        "kenmerk {reference} staat ook op regel {line}: een kenmerk hoort bij één betaling",
        "reference {reference} is also on line {line}: a reference identifies one payment"),
    "cli_reference_booked": (
        "kenmerk {reference} staat al op {payment}, met andere gegevens dan deze rij (project "
        "{project}, {amount} op {date}): één factuur wordt één keer betaald; verbeter de rij, of "
        "boek haar met 'smederij payment add --duplicate-ref'",
        "reference {reference} is already on {payment}, with other facts than this row (project "
        "{project}, {amount} on {date}): one invoice is paid once; correct the row, or book it "
        "with 'smederij payment add --duplicate-ref'"),
    "cli_no_project": ("project {id} bestaat niet", "project {id} does not exist"),
    "cli_project_not_open": (
        "project {id} is {status}: betalingen worden alleen geboekt op projecten die "
        "goedgekeurd of in uitvoering zijn",
        "project {id} is {status}: payments are only booked on approved or in-progress "
        "projects"),
    "cli_project_year_closed": (
        "budgetjaar {year} van project {id} is afgesloten",
        "project {id}'s budget year {year} is closed"),
    "cli_exceeds_left": (
        "bedrag {amount} is meer dan er over is van de verplichting van project {id} ({left}, "
        "de rijen erboven voor dit project meegeteld): boek het met 'smederij payment add "
        "--raise-commitment'",
        "amount {amount} exceeds what is left of project {id}'s commitment ({left}, counting "
        "the rows above for it): book it with 'smederij payment add --raise-commitment' "
        "instead"),
    "cli_sheet_too_long": (
        "blad {sheet} heeft meer dan de {most} rijen die Excel kan openen: kies minder jaren of "
        "één Smederij, of gebruik --format csv",
        "sheet {sheet} has more than the {most} rows Excel can open: choose fewer years or one "
        "Smederij, or use --format csv"),
    # (end of cli)

    # -- terminal tables: render.py ---------------------------------------------------------------
    "render_error": ("fout", "error"),
    "render_left_out": (
        "{n} kolom(men) weggelaten om in {width} kolommen te passen: {columns} (--wide toont "
        "alle kolommen)",
        "{n} column(s) left out to fit {width} columns: {columns} (--wide shows every column)"),
    "render_inactive": ("inactief", "inactive"),
    "render_smederij_about": (
        "({code}), {kind}, wijkteam {team}, {inhabitants} inwoners",
        "({code}), {kind}, wijkteam {team}, {inhabitants} inhabitants"),
    "render_project_title": ("Project {id}: {title}", "Project {id}: {title}"),
    "render_project_where": (
        "{name} ({code}), {stream} {year}, thema {theme}, status",
        "{name} ({code}), {stream} {year}, theme {theme}, status"),
    "render_project_people": (
        "aangevraagd {requested}; steunbetuigers {supporters}, vrijwilligers {volunteers}",
        "requested {requested}; supporters {supporters}, volunteers {volunteers}"),
    "render_project_cofunding": (
        "cofinanciering: {source} {amount}", "co-funding: {source} {amount}"),
    "render_project_money": (
        "verplicht {committed}, betaald {paid}, vrijgevallen {released}, resterend {left}",
        "committed {committed}, paid {paid}, released {released}, left {left}"),
    "render_rollover_already": (
        "budgetjaar {year} is al afgesloten: er is niets veranderd",
        "budget year {year} was already rolled over: nothing changed"),
    "render_rollover_already_on": (
        "budgetjaar {year} is al afgesloten op {date}: er is niets veranderd",
        "budget year {year} was already rolled over on {date}: nothing changed"),
    "render_rollover_would": (
        "budgetjaar {year} blijft open: zou {carried} en {commitments} aan open verplichtingen "
        "overhevelen naar {next}; {lapsed} zou terugvloeien naar de gemeente",
        "budget year {year} stays open: would carry {carried} and {commitments} of open "
        "commitments into {next}, {lapsed} would lapse to funding"),
    "render_rollover_done": (
        "budgetjaar {year} is afgesloten: {carried} en {commitments} aan open verplichtingen "
        "overgeheveld naar {next}; {lapsed} teruggevloeid naar de gemeente",
        "budget year {year} is closed: carried {carried} and {commitments} of open commitments "
        "into {next}, {lapsed} lapsed to funding"),
    "render_check_ok": ("alle regels van het grootboek kloppen", "every invariant holds"),
    "render_check_pages": (
        "de pagina's van het bestand zijn niet gelezen: het is groter dan {mib} MiB; 'smederij "
        "check --deep' leest ze ook",
        "the file's pages were not read: it is larger than {mib} MiB; 'smederij check --deep' "
        "reads them too"),
    "render_violation": ("overtreding", "violation"),
    "render_violations": ("{n} overtreding(en) gevonden", "{n} violation(s) found"),
    "render_none_yet": ("nog geen", "none yet"),
    "render_progress_payments": ("Betalingen importeren", "Importing payments"),
    # (end of render)

    # -- history: the audit trail's notes, shown by log and project show --------------------------
    # Each writing command's line in the audit trail (Store.note stores the key and its values;
    # smederij_cli.history makes the sentence when it is read). A value named *_cents is money,
    # n or n_* a count, status a status code; a list holds sentences (or ids) of its own.
    "log_registry": ("register geladen uit {path}", "loaded the registry from {path}"),
    "log_registry_changed": (
        "register geladen uit {path} ({groups})",
        "loaded the registry from {path} ({groups})"),
    "log_registry_group": ("{group}: {changes}", "{group}: {changes}"),
    "log_group_teams": ("wijkteams", "teams"),
    "log_group_streams": ("budgetsoorten", "streams"),
    "log_group_smederijen": ("wijken en dorpen", "smederijen"),
    "log_registry_added": ("{n} toegevoegd", "{n} added"),
    "log_registry_updated": ("{n} gewijzigd", "{n} updated"),
    "log_registry_deactivated": ("{n} buiten gebruik gesteld", "{n} deactivated"),
    "log_allocated_one": (
        "{amount_cents} {stream} {year} toegekend aan {n} Smederij: {name} (transactie {txn})",
        "allocated {amount_cents} {stream} {year} to {n} Smederij(en): {name} "
        "(transaction {txn})"),
    "log_allocated_split": (
        "{amount_cents} {stream} {year} toegekend aan {n} Smederij(en): {method} verdeling van "
        "{total_cents} (transactie {txn})",
        "allocated {amount_cents} {stream} {year} to {n} Smederij(en): {method} split of "
        "{total_cents} (transaction {txn})"),
    "log_method_equal": ("gelijke", "equal"),
    "log_method_weighted": ("gewogen", "weighted"),
    "log_plans": (
        "de toekenningsplannen uit de configuratie toegepast op {year}: {plans}",
        "applied the configuration's allocation plans to {year}: {plans}"),
    "log_plan": (
        "{stream} {amount_cents} aan {n} Smederij(en) (transactie {txn})",
        "{stream} {amount_cents} to {n} Smederijen (transaction {txn})"),
    "log_transferred": (
        "{amount_cents} {stream} {year} overgeboekt van {source} naar {target} "
        "(transactie {txn})",
        "transferred {amount_cents} {stream} {year} from {source} to {target} "
        "(transaction {txn})"),
    "log_rollover": (
        "jaarafsluiting {year} naar {next_year}: {carried_cents} beschikbaar overgeheveld, "
        "{lapsed_cents} teruggevloeid, {n} open verplichting(en) van {held_cents} overgeheveld; "
        "{year} is afgesloten",
        "rolled over {year} into {next_year}: {carried_cents} available carried, "
        "{lapsed_cents} lapsed to funding, {n} open commitment(s) of {held_cents} carried; "
        "{year} is closed"),
    "log_project_added": (
        "project {project} toegevoegd ({smederij}, {stream} {year}): {title}, "
        "{requested_cents} aangevraagd",
        "added project {project} ({smederij}, {stream} {year}): {title}, {requested_cents} "
        "requested"),
    "log_approved": (
        "project {project} goedgekeurd: {amount_cents} verplicht",
        "approved project {project}: {amount_cents} committed"),
    "log_status": (
        "project {project} {from_status} -> {status}",
        "project {project} {from_status} -> {status}"),
    "log_status_released": (
        "project {project} {from_status} -> {status}: {released_cents} vrijgevallen",
        "project {project} {from_status} -> {status}: {released_cents} released"),
    "log_paid": (
        "{amount_cents} betaald op project {project} (betaling {payment}{reference}){twins}",
        "paid {amount_cents} on project {project} (payment {payment}{reference}){twins}"),
    "log_paid_reference": (", {reference}", ", {reference}"),
    "log_paid_twins": (
        "; dubbel kenmerk bewust geboekt (--duplicate-ref), ook op {payments}",
        "; duplicate reference booked on purpose (--duplicate-ref), also on {payments}"),
    "log_payment": ("betaling {payment}", "payment {payment}"),
    "log_reversed": (
        "betaling {payment} van project {project} teruggeboekt ({amount_cents}): {reason}",
        "reversed payment {payment} of project {project} ({amount_cents}): {reason}"),
    "log_payments_imported": (
        "{n} betaling(en) geïmporteerd ({total_cents}) uit {source}{already}; "
        "transacties {first}-{last}",
        "imported {n} payment(s) ({total_cents}) from {source}{already}; "
        "transactions {first}-{last}"),
    "log_payments_already": (
        "; {n} al geboekt, overgeslagen", "; {n} already booked, skipped"),
    "log_projects_imported": (
        "{n} project(en) geïmporteerd uit {source}: {statuses}; {committed_cents} verplicht, "
        "{paid_cents} betaald{already}",
        "imported {n} project(s) from {source}: {statuses}; {committed_cents} committed, "
        "{paid_cents} paid{already}"),
    "log_status_count": ("{n} {status}", "{n} {status}"),
    "log_projects_already": (
        "; {n} al in het grootboek, overgeslagen", "; {n} already in the ledger, skipped"),
    "log_restored": ("grootboek teruggezet uit {backup}", "restored the ledger from {backup}"),
    "log_restored_kept": (
        "grootboek teruggezet uit {backup}; het vervangen grootboek is bewaard als {kept}",
        "restored the ledger from {backup}; the replaced ledger is kept as {kept}"),
    "log_demo": (
        "demogrootboek gemaakt (--seed {seed}): {n_projects} projecten, {n_payments} betalingen",
        "built the demo ledger (seed {seed}): {n_projects} projects, {n_payments} payments"),
    "log_round_new": (
        "ideeënronde {round} gestart ({smederij}, {stream} {year}, {name}): budget "
        "{budget_cents}, {vote_type}, {rule}, bij gelijke stand {tie_break}",
        "started idea round {round} ({smederij}, {stream} {year}, {name}): budget "
        "{budget_cents}, {vote_type}, {rule}, tie-break {tie_break}"),
    "log_round_new_seed": (
        "ideeënronde {round} gestart ({smederij}, {stream} {year}, {name}): budget "
        "{budget_cents}, {vote_type}, {rule}, bij gelijke stand {tie_break} (--seed {seed})",
        "started idea round {round} ({smederij}, {stream} {year}, {name}): budget "
        "{budget_cents}, {vote_type}, {rule}, tie-break {tie_break} (seed {seed})"),
    "log_idea_added": (
        "idee {idea} toegevoegd aan ronde {round}: {title}, {amount_cents}, "
        "{n} handtekening(en)",
        "added idea {idea} to round {round}: {title}, {amount_cents}, {n} signature(s)"),
    "log_ideas_closed": (
        "ideeën van ronde {round} gesloten: {n} van {n_ideas} in stemming ({amount_cents})"
        "{no_vote}",
        "closed the ideas of round {round}: {n} of {n_ideas} eligible ({amount_cents})"
        "{no_vote}"),
    "log_no_vote": (
        "; geen stemming nodig: alle ideeën in stemming passen binnen het budget",
        "; no vote needed: all eligible ideas fit the budget"),
    "log_ballot_added": (
        "stembiljet {ref} toegevoegd aan ronde {round}: {marks}",
        "added ballot {ref} to round {round}: {marks}"),
    "log_ballots_imported": (
        "{n} stembiljet(ten) geïmporteerd in ronde {round} uit {path}",
        "imported {n} ballot(s) into round {round} from {path}"),
    "log_ballot_voided": (
        "stembiljet {ref} van ronde {round} ongeldig gemaakt: {reason}",
        "voided ballot {ref} of round {round}: {reason}"),
    "log_counted": (
        "ronde {round} geteld ({rule}): {n} geldig(e) stembiljet(ten), winnaars {winners}, "
        "{spent_cents} van {budget_cents}",
        "counted round {round} ({rule}): {n} valid ballot(s), winners {winners}, "
        "{spent_cents} of {budget_cents}"),
    "log_awarded": (
        "uitslag van ronde {round} toegekend ({smederij}, {stream} {year}, {name}): {n} "
        "idee(ën) goedgekeurd als project(en) {projects}, {amount_cents} verplicht",
        "awarded round {round} ({smederij}, {stream} {year}, {name}): {n} idea(s) approved "
        "as project(s) {projects}, {amount_cents} committed"),
    "log_round_imported": (
        "ideeënronde {round} geïmporteerd ({smederij}, {stream} {year}) uit {file}: "
        "{n_ideas} idee(ën), {n_ballots} stembiljet(ten), {vote_type}, {rule}",
        "imported idea round {round} ({smederij}, {stream} {year}) from {file}: "
        "{n_ideas} idea(s), {n_ballots} ballot(s), {vote_type}, {rule}"),
    "log_none": ("geen", "none"),
    "log_changed": ("grootboek gewijzigd", "changed the ledger"),
    "log_more_notes": ("(+{n} notities)", "(+{n} notes)"),
    "log_nothing": ("geen wijzigingen vastgelegd", "no changes recorded"),
    "log_title": ("Logboek (tijden in UTC)", "Audit trail (times in UTC)"),
    # budget show: an allocation or transfer, made from its facts
    "log_move_allocation_one": ("toekenning {year} {stream}: {name}",
                                "Allocation {year} {stream}: {name}"),
    "log_move_allocation_split": (
        "toekenning {year} {stream}: {method} verdeling van {total_cents}",
        "Allocation {year} {stream}: {method} split of {total_cents}"),
    "log_move_transfer": (
        "overboeking {year} {stream} van {source} naar {target}",
        "Transfer {year} {stream} {source} -> {target}"),
    "log_move_transfer_note": (
        "overboeking {year} {stream} van {source} naar {target}: {note}",
        "Transfer {year} {stream} {source} -> {target}: {note}"),
    # (end of history)

    # -- idea rounds: rounds/, cli_rounds.py ------------------------------------------------------
    # what a clerk does with a round (rounds/service.py)
    "round_none": ("geen", "none"),
    "round_field_name": ("de naam van de ronde", "round name"),
    "round_field_title": ("de titel", "title"),
    "round_field_reason": ("de reden", "reason"),
    "round_field_note": ("de notitie", "note"),
    "round_unknown_choice": (
        "onbekende {what} {value}: geef {option} met een van {known}",
        "unknown {what} {value}: give {option} one of {known}"),
    "round_mes_needs": (
        "telregel {rule} vraagt stembiljetten met approval, cumulative ofwel scoring: gebruik "
        "greedy, greedy-no-skip ofwel greedy-partial met --vote {vote}",
        "rule {rule} needs approval, cumulative or scoring ballots: use greedy, greedy-no-skip "
        "or greedy-partial with --vote {vote}"),
    "round_limit_range": (
        "{option} {value} moet een heel getal van 1 tot en met {most} zijn",
        "{option} {value} must be a whole number from 1 to {most}"),
    "round_min_marks_range": (
        "--min-marks {value} moet tussen 0 en --max-marks liggen",
        "--min-marks {value} must be from 0 to --max-marks"),
    "round_min_signatures_range": (
        "--min-signatures {value} moet 0 ofwel meer zijn",
        "--min-signatures {value} must be 0 or more"),
    "round_choose_1_max_marks": (
        "een choose-1-ronde heeft precies één stem per stembiljet: laat --max-marks weg",
        "a choose-1 round has exactly one mark per ballot: leave out --max-marks"),
    "round_request_order": (
        "--min-request is meer dan --max-request: geef eerst het kleinste bedrag",
        "--min-request is more than --max-request: give the smaller amount first"),
    "round_doing_start": ("een ideeënronde beginnen", "start an idea round"),
    "round_doing_idea": ("een idee toevoegen", "add an idea"),
    "round_doing_close": ("de ideeën van een ronde sluiten", "close the ideas of a round"),
    "round_doing_award": ("een ideeënronde toekennen", "award an idea round"),
    "round_doing_award_of": ("de toekenning van ronde {round}", "the award of round {round}"),
    "round_doing_ballots": (
        "de stembiljetten van een ronde wijzigen", "change the ballots of a round"),
    "round_name_taken": (
        "{smederij} heeft in {year} al een {stream}-ronde {name}: geef een andere --name",
        "{smederij} already has a {stream} round {name} in {year}: give another --name"),
    "round_unknown": (
        "onbekende ideeënronde {round}: zie 'smederij round list'",
        "unknown idea round {round}: see 'smederij round list'"),
    "round_signatures_range": (
        "--signatures {value} moet tussen 0 en {most} liggen",
        "--signatures {value} must be from 0 to {most}"),
    "round_ideas_closed": (
        "de ideeën van ronde {round} zijn gesloten ({state}): een idee kan alleen worden "
        "toegevoegd voor 'smederij round close-ideas'",
        "the ideas of round {round} are closed ({state}): an idea can only be added before "
        "'round close-ideas'"),
    "round_ideas_closed_already": (
        "de ideeën van ronde {round} zijn al gesloten ({state})",
        "the ideas of round {round} were closed already ({state})"),
    "round_no_ideas": (
        "ronde {round} heeft nog geen ideeën: voeg ze toe met 'smederij round idea add {round} "
        "--title ... --amount ...'",
        "round {round} has no ideas yet: add them with 'smederij round idea add {round} "
        "--title ... --amount ...'"),
    "round_ballot_there": (
        "stembiljet {ref} staat al in ronde {round}: geef het eigen nummer van het stembiljet, "
        "ofwel verklaar het eerste ongeldig ('smederij round ballot void {round} {ref} --reason "
        "...') en voer het opnieuw in",
        "ballot {ref} is in round {round} already: give the ballot's own number, or void the "
        "first one (round ballot void {round} {ref} --reason ...) and type it in again"),
    "round_ballot_there_already": (
        "stembiljet {ref} staat er al", "ballot {ref} is there already"),
    "round_row_problem": ("regel {line}: {problem}", "line {line}: {problem}"),
    "round_and_more": ("en nog {n}", "and {n} more"),
    "round_bad_rows": (
        "{file}: {n} foute regel(s), niets geïmporteerd: {problems}",
        "{file}: {n} bad row(s), nothing imported: {problems}"),
    "round_csv_no_ballots": (
        "{file} bevat geen stembiljetten: geef een CSV-bestand met de kolommen ref en marks",
        "{file} holds no ballots: give a CSV with columns ref and marks"),
    "round_no_such_ballot": (
        "ronde {round} heeft geen geldig stembiljet {ref}: zie 'smederij round show {round}'",
        "round {round} has no valid ballot {ref}: see 'smederij round show {round}'"),
    "round_mes_one_mark": (
        "telregel {rule} vraagt meer dan één stem per kiezer; ronde {round} is choose-1",
        "rule {rule} needs more than one mark per voter; round {round} is choose-1"),
    "round_still_open_count": (
        "de ideeën van ronde {round} zijn nog open: gebruik eerst 'smederij round close-ideas "
        "{round}'",
        "the ideas of round {round} are still open: run 'smederij round close-ideas {round}' "
        "first"),
    "round_awarded_already": (
        "ronde {round} is op {date} toegekend: zie 'smederij round show {round}'",
        "round {round} was awarded on {date}: see 'smederij round show {round}'"),
    "round_still_open_award": (
        "de ideeën van ronde {round} zijn nog open: sluit ze, tel, en maak de uitslag bekend "
        "voor de toekenning",
        "the ideas of round {round} are still open: close them, count, and announce the count "
        "before the award"),
    "round_award_year": (
        "de toekenning wordt geboekt in {year}, het budgetjaar van de ronde: geef een datum in "
        "{year} (niet {date})",
        "the award is booked in {year}, the round's budget year: date it in {year} (not "
        "{date})"),
    "round_not_counted": (
        "ronde {round} is nog niet geteld: gebruik 'smederij round count {round}', maak de "
        "uitslag bekend en ken de ronde dan toe",
        "round {round} has not been counted: run 'smederij round count {round}', announce the "
        "result, then award it"),
    "round_count_differs": (
        "de telling van ronde {round} wijkt af van de laatst getoonde ({difference}): gebruik "
        "'smederij round count {round}' en maak de uitslag bekend voor de toekenning",
        "the count of round {round} differs from the one shown last ({difference}): run "
        "'smederij round count {round}' and announce it before the award"),
    "round_award_short": (
        "kan ronde {round} niet toekennen: de {n} winnaar(s) vragen {total} maar {name} heeft "
        "{available} beschikbaar in {stream} {year} (tekort {short})",
        "cannot award round {round}: its {n} winner(s) need {total} but {name} has {available} "
        "available in {stream} {year} (short {short})"),
    "round_project_note": (
        "idee {idea} van ronde {round} ({name})", "idea {idea} of round {round} ({name})"),
    "round_approve_note": ("toegekend door ronde {round}", "awarded by round {round}"),
    "round_approve_cofund": (
        "nog te cofinancieren: {rest}", "still to be co-funded: {rest}"),
    "round_no_pb_file": (
        "geen bestand {file}: geef het pad van een pabulib-bestand (.pb)",
        "no file {file}: give the path of a pabulib .pb file"),
    "round_still_open_ballots": (
        "ronde {round} is nog open voor ideeën: gebruik 'smederij round close-ideas {round}' "
        "voordat u stembiljetten invoert",
        "round {round} is still open for ideas: run 'smederij round close-ideas {round}' "
        "before typing in ballots"),
    "round_ballots_final": (
        "ronde {round} is op {date} toegekend: de stembiljetten liggen vast",
        "round {round} was awarded on {date}: its ballots are final"),
    "round_needs_no_vote": (
        "ronde {round} heeft geen stemming nodig: alle ideeën in stemming passen samen in het "
        "budget; tel de ronde en ken haar toe ('smederij round count {round}')",
        "round {round} needs no vote: all its eligible ideas fit the budget; count and award "
        "it (smederij round count {round})"),
    "round_state_open": ("open voor ideeën", "open"),
    "round_state_voting": ("stemming", "voting"),
    "round_state_counted": ("geteld", "counted"),
    "round_state_awarded": ("toegekend", "awarded"),
    "round_why_signatures": (
        "{signatures} handtekening(en), {needed} nodig",
        "{signatures} signature(s), {needed} needed"),
    "round_why_max_request": (
        "vraagt {amount}, meer dan de {most} die een idee mag vragen",
        "asks {amount}, more than the {most} an idea may ask"),
    "round_why_min_request": (
        "vraagt {amount}, minder dan de {least} die een idee moet vragen",
        "asks {amount}, less than the {least} an idea must ask"),
    "round_why_budget": (
        "vraagt {amount}, meer dan het budget van de ronde",
        "asks {amount}, more than the round's budget"),
    "round_ref_empty": (
        "het nummer van het stembiljet is leeg: geef het nummer op het papieren stembiljet, "
        "bijv. P-0113",
        "the ballot's ref is empty: give the number on the paper ballot, e.g. P-0113"),
    "round_ref_word": (
        "stembiljetnummer {ref} moet één woord zijn van hoogstens {most} tekens, zonder spaties, "
        "';' en ',', bijv. P-0113",
        "ballot ref {ref} must be one word of at most {most} characters without spaces, ';' or "
        "',', e.g. P-0113"),
    "round_marks_none": (
        "het stembiljet heeft geen stemmen: geef de nummers van ideeën, bijv. --marks 3,5,8 "
        "(een blanco stembiljet wordt niet ingevoerd)",
        "the ballot has no marks: give idea numbers, e.g. --marks 3,5,8 (a blank ballot is not "
        "typed in)"),
    "round_marks_empty_item": (
        "stemmen {marks} hebben een leeg deel: scheid de nummers van ideeën door één komma, "
        "bijv. 3,5,8",
        "marks {marks} have an empty item: separate idea numbers by single commas, e.g. 3,5,8"),
    "round_mark_no_points": (
        "stem {mark} heeft geen punten: geef in een {vote}-ronde IDEE:PUNTEN, bijv. --marks "
        "3:2,8:1",
        "mark {mark} has no points: in a {vote} round give IDEA:POINTS, e.g. --marks 3:2,8:1"),
    "round_mark_points": (
        "stem {mark} geeft punten, maar ronde {round} is {vote}: geef alleen nummers van "
        "ideeën, bijv. --marks 3,5,8",
        "mark {mark} gives points, but round {round} is {vote}: give idea numbers only, e.g. "
        "--marks 3,5,8"),
    "round_mark_not_points": (
        "stem {mark} is geen IDEE:PUNTEN, bijv. 3:2",
        "mark {mark} is not IDEA:POINTS, e.g. 3:2"),
    "round_mark_not_idea": (
        "stem {mark} is geen nummer van een idee, bijv. 3",
        "mark {mark} is not an idea number, e.g. 3"),
    "round_mark_foreign": (
        "idee {idea} staat niet op het stembiljet van ronde {round} (de ideeën: {known})",
        "idea {idea} is not on round {round}'s ballot (its ideas: {known})"),
    "round_mark_twice": (
        "idee {idea} heeft twee stemmen: stem elk idee één keer",
        "idea {idea} is marked twice: mark each idea once"),
    "round_points_zero": (
        "idee {idea} krijgt {points} punten: geef 1 ofwel meer, ofwel laat het idee weg",
        "idea {idea} gets {points} points: give 1 or more, or leave the idea out"),
    "round_points_per_idea_most": (
        "idee {idea} krijgt {points} punten, meer dan de {most} die één idee mag krijgen",
        "idea {idea} gets {points} points, more than the {most} one idea may get"),
    "round_choose_1_one": (
        "een choose-1-stembiljet noemt precies één idee, dit stembiljet {n}",
        "a choose-1 ballot names exactly one idea, this one {n}"),
    "round_marks_most": (
        "{n} ideeën gestemd, meer dan de {most} die per stembiljet mogen",
        "{n} ideas marked, more than the {most} allowed per ballot"),
    "round_marks_least": (
        "{n} idee(ën) gestemd, minder dan de {least} die een stembiljet nodig heeft",
        "{n} idea(s) marked, fewer than the {least} a ballot needs"),
    "round_points_most": (
        "{points} punten gegeven, meer dan de {most} die een kiezer heeft",
        "{points} points given, more than the {most} a voter has"),
    "round_no_csv_file": (
        "geen bestand {file}: geef het pad van het CSV-bestand met de stembiljetten",
        "no file {file}: give the path of the ballots' CSV file"),
    "round_csv_not_utf8": (
        "{file} is geen UTF-8-tekst: bewaar het als CSV UTF-8",
        "{file} is not UTF-8 text: save it as CSV UTF-8"),
    "round_csv_empty": (
        "{file} is leeg: geef een CSV-bestand met de kolommen ref en marks",
        "{file} is empty: give a CSV with columns ref and marks"),
    "round_csv_header": (
        "regel 1 van {file} moet de kolommen ref en marks noemen (nu: {columns})",
        "{file} line 1 must name the columns ref and marks (it has {columns})"),
    "round_csv_width": (
        "{got} veld(en) waar de kopregel er {want} heeft: zet stemmen met {sep} tussen "
        "aanhalingstekens, bijv. {example}",
        "{got} field(s) where the header has {want}: quote marks that hold {sep}, e.g. "
        "{example}"),
    "round_differs_ballots": (
        "stembiljetten toen {valid} geldig, {void} ongeldig; nu {valid_now} geldig, {void_now} "
        "ongeldig",
        "ballots then {valid} valid, {void} void; now {valid_now} valid, {void_now} void"),
    "round_differs_winners": (
        "winnaars toen {then}, nu {now}", "winners then {then}, now {now}"),
    "round_differs_scores": ("de scores zijn veranderd", "the scores changed"),
    "round_check_result": (
        "ronde {round}: de opgeslagen stembiljetten geven niet meer de toegekende uitslag "
        "({difference})",
        "round {round}: the stored ballots no longer give the awarded result ({difference})"),
    "round_check_no_project": (
        "ronde {round}: idee {idea} won {cents} cent maar werd geen project",
        "round {round}: idea {idea} won {cents} cents but became no project"),
    "round_check_commitment": (
        "ronde {round}: idee {idea} won {cents} cent maar project {project} heeft {committed} "
        "cent verplicht",
        "round {round}: idea {idea} won {cents} cents but project {project} has {committed} "
        "cents committed"),
    # the commands and their lines (cli_rounds.py, rounds/sheets.py)
    "round_closed_line": (
        "ronde {round}: {n} idee(ën) in stemming ({ideas}), samen {total}",
        "round {round}: {n} idea(s) eligible ({ideas}), {total} together"),
    "round_not_eligible_line": (
        "idee {idea} niet in stemming: {why}", "idea {idea} not eligible: {why}"),
    "round_no_vote_line": (
        "geen stemming nodig: alle ideeën in stemming passen samen in het budget; tel de ronde "
        "en ken haar toe",
        "no vote needed: all eligible ideas fit the budget; count and award the round"),
    "round_vote_starts_line": (
        "de stemming kan beginnen: voer de stembiljetten in met 'smederij round ballot add'",
        "the vote can start: type in the ballots with 'round ballot add'"),
    "round_ballot_added": (
        "stembiljet {ref} ingevoerd in ronde {round} ({n} geldig)",
        "ballot {ref} added to round {round} ({n} valid)"),
    "round_ballots_checked": (
        "{n} stembiljet(ten) gecontroleerd; proefrun: niets geschreven",
        "{n} ballot(s) checked; dry run: nothing written"),
    "round_ballots_imported": (
        "{n} stembiljet(ten) ingevoerd in ronde {round}",
        "{n} ballot(s) imported into round {round}"),
    "round_ballot_voided": (
        "stembiljet {ref} van ronde {round} ongeldig verklaard",
        "ballot {ref} of round {round} voided"),
    "round_count_what": (
        "geef het nummer van een ronde, ofwel --pb BESTAND om een pabulib-bestand na te tellen",
        "give a round id, or --pb FILE to recount a pabulib file"),
    "round_kept_line": (
        "bewaard als de getoonde telling: 'smederij round award {round}' controleert dat de "
        "stembiljetten haar nog geven",
        "kept as the count shown: 'round award {round}' checks that the ballots still give it"),
    "round_award_line": (
        "idee {idea} -> project {project} ({title}): {amount} verplicht",
        "idea {idea} -> project {project} ({title}): {amount} committed"),
    "round_award_cofund": (
        ", {amount} nog te cofinancieren", ", {amount} still to be co-funded"),
    "round_awarded_line": (
        "ronde {round} toegekend: {n} project(en), {amount} verplicht",
        "round {round} awarded: {n} project(s), {amount} committed"),
    "round_unknown_format": (
        "onbekend formaat {format}: gebruik {known}",
        "unknown format {format}: use {known}"),
    "round_xlsx_output": (
        "xlsx is een binair bestand: geef --output BESTAND, bijv. --output ronde.xlsx",
        "xlsx is a binary file: give --output FILE, e.g. --output ronde.xlsx"),
    "round_no_count_yet": (
        "ronde {round} is nog open voor ideeën: er is nog geen telling om te exporteren "
        "(--format json bevat de ideeën)",
        "round {round} is still open for ideas: there is no count to export yet (--format "
        "json has the ideas)"),
    "round_export_what": ("ronde {round} ({format})", "round {round} ({format})"),
    "round_shown_last": ("laatst getoonde telling: {line}", "count shown last: {line}"),
    "round_count_line": (
        "{rule} ({vote}): {valid} geldig(e) stembiljet(ten), {void} ongeldig; winnaars op "
        "volgorde: {winners}",
        "{rule} ({vote}): {valid} valid ballot(s), {void} void; winners in order: {winners}"),
    "round_partial_line": (
        "idee {idea} ({title}) krijgt de resterende {awarded} van {cost}: {rest} nog te "
        "cofinancieren",
        "idea {idea} ({title}) gets the remaining {awarded} of {cost}: {rest} still to be "
        "co-funded"),
    "round_tie_line": (
        "gelijke stand tussen ideeën {ideas}, beslist met {tie_break}: {decided}",
        "tie between ideas {ideas}, broken by {tie_break}: {decided}"),
    "round_tie_score": ("gelijke score {score}", "equal score {score}"),
    "round_tie_mes": (
        "gelijke prijs per eenheid steun (MES)", "equal price per unit of support (MES)"),
    "round_tie_funded": ("{idea} toegekend", "{idea} funded"),
    "round_tie_not_funded": ("{idea} niet toegekend", "{idea} not funded"),
    "round_tie_partly": ("{idea} deels toegekend ({amount})", "{idea} partly funded ({amount})"),
    "round_show_head": (
        "Ronde {round}: {name} ({smederij}, {stream} {year}), budget {budget}",
        "Round {round}: {name} ({smederij}, {stream} {year}), budget {budget}"),
    "round_show_rules": (
        "stemwijze {vote}, telregel {rule}, bij gelijke stand {tie_break}",
        "vote {vote}, rule {rule}, tie-break {tie_break}"),
    "round_show_seed": ("(startgetal {seed})", "(seed {seed})"),
    "round_limit_max_marks": (
        "hoogstens {value} stemmen per stembiljet", "max marks {value}"),
    "round_limit_min_marks": (
        "minstens {value} stemmen per stembiljet", "min marks {value}"),
    "round_limit_max_points": ("hoogstens {value} punten per kiezer", "max points {value}"),
    "round_limit_max_points_per_idea": (
        "hoogstens {value} punten per idee", "max points per idea {value}"),
    "round_limit_min_score": ("minimumscore {value}", "min score {value}"),
    "round_limit_min_signatures": (
        "minstens {value} handtekeningen", "min signatures {value}"),
    "round_limit_min_request": ("minstens {value} per idee", "min request {value}"),
    "round_limit_max_request": ("hoogstens {value} per idee", "max request {value}"),
    "round_show_no_vote": (
        "geen stemming nodig: alle ideeën in stemming passen samen in het budget",
        "no vote needed: all eligible ideas fit the budget"),
    "round_show_on": ("op {date}", "on {date}"),
    "round_show_state": (
        "stand: {state}; stembiljetten {valid} geldig, {void} ongeldig",
        "state {state}; ballots {valid} valid, {void} void"),
    "round_show_void": (
        "ongeldig stembiljet {ref}: {reason} ({date})", "void ballot {ref}: {reason} ({date})"),
    # counting (rounds/counting.py)
    "round_points_per_idea": (
        "stembiljet {ref}: een {vote}-stembiljet geeft elk idee een aantal punten",
        "ballot {ref}: a {vote} ballot needs one number of points per idea"),
    "round_ballot_foreign_idea": (
        "stembiljet {ref} noemt idee {idea}, dat niet in de ronde staat",
        "ballot {ref} names idea {idea}, which is not in the round"),
    "round_unknown_one_of": (
        "onbekende {what} {value}: gebruik een van {known}",
        "unknown {what} {value}; use one of {known}"),
    "round_what_vote": ("stemwijze", "vote type"),
    "round_what_rule": ("telregel", "rule"),
    "round_what_tie_break": ("beslisregel bij gelijke stand", "tie-break"),
    "round_lot_seed": (
        "loting (--tie-break lot) vraagt een startgetal, vastgelegd voor de stemming: geef "
        "--seed",
        "tie-break lot needs a seed, stated before the vote; give one"),
    "round_budget_negative": (
        "het budget is negatief: geef 0 ofwel meer",
        "the budget is negative; it must be 0 or more"),
    "round_mes_choose_1": (
        "telregel {rule} kan geen choose-1-ronde tellen: met één stem per stembiljet werken "
        "gelijke delen niet; gebruik greedy, greedy-no-skip ofwel greedy-partial",
        "rule {rule} cannot count a choose-1 round: with one mark per ballot equal shares "
        "misbehave; use greedy, greedy-no-skip or greedy-partial"),
    "round_mes_ordinal": (
        "telregel {rule} vraagt stembiljetten met approval, cumulative ofwel scoring, niet "
        "ordinal: gebruik een greedy-telregel",
        "rule {rule} needs approval, cumulative or scoring ballots, not ordinal; use a greedy "
        "rule"),
    "round_add1_step": (
        "de stap waarmee het deel van elke kiezer groeit moet minstens 1 cent zijn",
        "the add1 step must be at least 1 cent"),
    "round_ideas_share_id": (
        "twee ideeën hebben hetzelfde nummer: elk idee heeft een eigen nummer nodig",
        "two ideas share an id; every idea needs its own"),
    "round_idea_negative": (
        "idee {idea} vraagt een negatief bedrag",
        "idea {idea} asks a negative amount"),
    "round_all_fit": (
        "telregel all-fit: de ideeën in stemming vragen samen {total}, {more} meer dan het "
        "budget; ze passen niet allemaal, dus kies een telregel die kiest (greedy, "
        "greedy-partial, mes ...)",
        "rule all-fit: the eligible ideas ask {total} together, {more} more than the budget; "
        "not all fit, so choose a rule that chooses (greedy, greedy-partial, mes...)"),
    # pabulib .pb files (rounds/pabulib.py)
    "round_pb_where": ("{file}, regel {line}", "{file}, line {line}"),
    "round_pb_not_number": (
        "{where}: {what} {text} is geen getal: schrijf het als 12500 ofwel 12500.50",
        "{where}: {what} {text} is not a number; write it like 12500 or 12500.50"),
    "round_pb_decimals": (
        "{where}: {what} {text} heeft meer dan twee decimalen: rond af op centen",
        "{where}: {what} {text} has more than two decimals; round it to cents"),
    "round_pb_negative": (
        "{where}: {what} {text} is negatief: geef 0 ofwel meer",
        "{where}: {what} {text} is negative; it must be 0 or more"),
    "round_pb_not_whole": (
        "{where}: {what} {text} is geen heel getal",
        "{where}: {what} {text} is not a whole number"),
    "round_pb_budget": ("budget", "budget"),
    "round_pb_cost": ("kosten van project {project}", "cost of project {project}"),
    "round_pb_points_of": ("punten van stemmer {voter}", "points of voter {voter}"),
    "round_pb_unreadable": (
        "{file}: kan het bestand niet lezen ({why}): controleer het pad",
        "{file}: cannot read the file ({why}); check the path"),
    "round_pb_not_utf8": (
        "{file}: geen UTF-8-tekst (byte {byte}): bewaar het bestand als UTF-8",
        "{file}: not UTF-8 text (byte {byte}); save the file as UTF-8"),
    "round_pb_second_section": (
        "{where}: een tweede {section}-deel; een bestand heeft precies één META, PROJECTS en "
        "VOTES",
        "{where}: a second {section} section; a file has one each of META, PROJECTS and VOTES"),
    "round_pb_before_meta": (
        "{where}: tekst voor het META-deel; een .pb-bestand begint met een regel META",
        "{where}: text before the META section; a .pb file starts with a line META"),
    "round_pb_quotes": (
        "{where}: {why}; controleer de aanhalingstekens",
        "{where}: {why}; check the quotes"),
    "round_pb_no_section": (
        "{file}: geen {section}-deel; een .pb-bestand heeft de delen META, PROJECTS en VOTES, "
        "elk op een eigen regel",
        "{file}: no {section} section; a .pb file has META, PROJECTS and VOTES sections, each a "
        "line of its own"),
    "round_pb_vote_type": (
        "{file}: META vote_type {value} is niet een van {known}",
        "{file}: META vote_type {value} is not one of {known}"),
    "round_pb_no_budget": (
        "{file}: META heeft geen budget: voeg een regel budget;BEDRAG toe",
        "{file}: META has no budget; add a line budget;AMOUNT"),
    "round_pb_width": (
        "{where}: {got} velden, maar de kopregel van {section} heeft er {want}: zet een waarde "
        "met ';' tussen aanhalingstekens",
        "{where}: {got} fields but the {section} header has {want}; quote a value that contains "
        "';'"),
    "round_pb_meta_key": (
        "{where}: een META-regel zonder sleutel",
        "{where}: a META line without a key"),
    "round_pb_no_column": (
        "{where}: de kopregel van {section} heeft geen kolom {column}",
        "{where}: the {section} header has no {column} column"),
    "round_pb_no_project_id": (
        "{where}: een project zonder project_id",
        "{where}: a project without a project_id"),
    "round_pb_project_twice": (
        "{where}: project {project} staat er twee keer (eerst op regel {first}); elk project_id "
        "moet uniek zijn",
        "{where}: project {project} appears twice (first on line {first}); every project_id "
        "must be unique"),
    "round_pb_points_column": (
        "{where}: een {vote}-bestand heeft een kolom points nodig in VOTES",
        "{where}: a {vote} file needs a points column in VOTES"),
    "round_pb_no_voter_id": (
        "{where}: een stem zonder voter_id",
        "{where}: a vote without a voter_id"),
    "round_pb_voter_twice": (
        "{where}: stemmer {voter} stemt twee keer (eerst op regel {first}); elk voter_id moet "
        "uniek zijn",
        "{where}: voter {voter} votes twice (first on line {first}); every voter_id must be "
        "unique"),
    "round_pb_foreign_project": (
        "{where}: stemmer {voter} stemt op project {project}, dat niet in PROJECTS staat",
        "{where}: voter {voter} votes for project {project}, which is not in PROJECTS"),
    "round_pb_project_named_twice": (
        "{where}: stemmer {voter} noemt een project twee keer",
        "{where}: voter {voter} names a project twice"),
    "round_pb_points_count": (
        "{where}: stemmer {voter} noemt {marks} projecten maar geeft {points} punten: geef "
        "elk project één getal",
        "{where}: voter {voter} names {marks} projects but gives {points} points; give one "
        "number per project"),
    "round_pb_negative_points": (
        "{where}: stemmer {voter} geeft negatieve punten",
        "{where}: voter {voter} gives negative points"),
    # (end of rounds)

    # -- shell completion and start-up ------------------------------------------------------------
    "completion_unknown_shell": (
        "onbekende shell {shell}: kies uit {shells}",
        "unknown shell {shell}: choose one of {shells}"),
    # (end of completion)
}


def say(key: str, lang: str | None = None, **values: object) -> str:
    """A message in ``lang`` (default: ``message_language``), formatted with ``values``."""
    nl, en = _MESSAGES[key]
    text = nl if (lang or message_language) == "nl" else en
    return text.format(**values) if values else text
