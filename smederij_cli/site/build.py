"""The whole site as a tree of files (path -> bytes), from the content: pages and open data."""

from __future__ import annotations

from smederij_cli.site import opendata, pages
from smederij_cli.site.content import SiteContent

DATA_FILES = {
    "budget.csv": "budget_about", "budget.json": "budget_about",
    "projects.csv": "projects_about", "projects.json": "projects_json_about",
    "schema.json": "schema_about",
}
ABOUT = {
    "budget_about": "per year, Smederij and stream: carried in, allocated, committed, spent, "
                    "available, carried out, lapsed",
    "projects_about": "every project: Smederij, stream, title, theme, status and its money",
    "projects_json_about": "the same with co-funding by source, the dated story and payments",
    "schema_about": "what every column means",
    "round_about": "an idea round with its ideas and ballots (pabulib format)",
}


def tree(c: SiteContent) -> dict[str, bytes]:
    out: dict[str, bytes] = {"index.html": pages.home(c).encode("utf-8")}
    smederijen = {s["code"]: s for s in c.smederijen}
    for sm in c.smederijen:
        out[f"{sm['code']}/index.html"] = pages.smederij_page(c, sm).encode("utf-8")
    for p in c.projects:
        sm = smederijen.get(p["smederij"])
        if sm is None:  # a Smederij no longer active: its projects are in the open data
            continue
        out[f"project/{p['id']}/index.html"] = pages.project_page(c, p, sm).encode("utf-8")
    data = opendata.files(c)
    listing = [(name, ABOUT["round_about"] if name.startswith("rounds/")
                else ABOUT[DATA_FILES[name]]) for name in data]
    out.update({f"data/{name}": content for name, content in data.items()})
    out["data/index.html"] = pages.data_page(c, listing).encode("utf-8")
    return out
