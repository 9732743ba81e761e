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
    "cli_importing_payments": ("Betalingen importeren", "Importing payments"),
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
