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


def format_date(day: _dt.date, lang: str, *, short: bool = False) -> str:
    """1 december 2026 (nl), 1 December 2026 (en); ``short``: 1 dec 2026, 1 Dec 2026, for
    table columns (the same width for every month: never split at 80 columns)."""
    month = MONTHS["nl" if lang == "nl" else "en"][day.month - 1]
    return f"{day.day} {month[:3] if short else month} {day.year}"


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
        "Budgetjaar {year} is open: nog {days} dag(en) tot het einde ({end})",
        "Budget year {year} is open: {days} day(s) to its end ({end})"),
    "status_year_over": (
        "Budgetjaar {year} is {days} dag(en) geleden geëindigd en nog open",
        "Budget year {year} ended {days} day(s) ago and is still open"),
    "status_proposals": (
        "{n} project(en) al meer dan vier weken voorgesteld zonder besluit",
        "{n} project(s) proposed more than four weeks ago without a decision"),
    "status_idle": (
        "{n} goedgekeurd(e) project(en) zonder betaling in een jaar",
        "{n} approved project(s) with no payment for a year"),
    "status_budgets": (
        "{n} budget(ten) voor 90% of meer verplicht of besteed",
        "{n} budget(s) 90% or more committed or spent"),
    "status_rounds": (
        "{n} ideeënronde(s) wachten op een telling of toekenning",
        "{n} idea round(s) waiting for a count or an award"),
    "status_backup": ("Laatste back-up: {when}", "Last backup: {when}"),
    "status_check": ("Laatste geslaagde check: {when}", "Last successful check: {when}"),
    "status_never": ("nooit", "never"),
    "status_ago": ("{date} ({days} dag(en) geleden)", "{date} ({days} day(s) ago)"),
    "status_since": ("sinds {date} ({days} dagen)", "since {date} ({days} days)"),
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
        "{smederijen} Smederijen, {projects} projecten, {payments} betalingen, {transactions} "
        "transacties, {postings} boekingsregels",
        "{smederijen} smederijen, {projects} projects, {payments} payments, {transactions} "
        "transactions, {postings} postings"),
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
    # (end of cli)

    # -- terminal tables: render.py ---------------------------------------------------------------
    # (end of render)

    # -- history: the audit trail's notes, shown by log and project show --------------------------
    # (end of history)

    # -- idea rounds: rounds/, cli_rounds.py ------------------------------------------------------
    # (end of rounds)

    # -- shell completion and start-up ------------------------------------------------------------
    # (end of completion)
}


def say(key: str, lang: str | None = None, **values: object) -> str:
    """A message in ``lang`` (default: ``message_language``), formatted with ``values``."""
    nl, en = _MESSAGES[key]
    text = nl if (lang or message_language) == "nl" else en
    return text.format(**values) if values else text
