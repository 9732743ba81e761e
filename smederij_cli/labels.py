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
