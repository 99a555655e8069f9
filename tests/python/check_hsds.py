"""Validates omtanke's Open Referral HSDS 3.0 files against the unchanged schemas in
../shared/anchors/hsds-3.0/ with an independent JSON Schema validator (Python's jsonschema), and
checks what the schemas cannot: stable UUID v5 ids, the list and the per-service files agreeing,
and the page envelope.

Usage: check_hsds.py OUTPUT_DIR SCHEMA_DIR
"""
import json
import sys
import uuid
from pathlib import Path

import jsonschema

out = Path(sys.argv[1]) / "api" / "hsds"
schemas = Path(sys.argv[2])
failures = []


def check(cond, message):
    if not cond:
        failures.append(message)


def load(path):
    return json.loads(path.read_text(encoding="utf-8"))


def validator(schema):
    cls = jsonschema.validators.validator_for(schema, default=jsonschema.Draft7Validator)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def validate(v, doc, where):
    for error in v.iter_errors(doc):
        failures.append(f"{where}: {error.json_path}: {error.message}")


full = load(schemas / "service_with_definitions.json")
listed = load(schemas / "service_list.json")
openapi = load(schemas / "openapi.json")
service_v = validator(full)
list_item_v = validator(listed)
definition = lambda name: validator({"$ref": f"#/definitions/{name}", "definitions": full["definitions"]})
organization_v, location_v = definition("organization"), definition("location")
page_v = validator(openapi["components"]["schemas"]["Page"])
root_v = validator(openapi["paths"]["/"]["get"]["responses"]["200"]["content"]["application/json"]["schema"])


def is_v5(value):
    try:
        return uuid.UUID(value).version == 5
    except (ValueError, TypeError, AttributeError):
        return False


def pages(first):
    """The items of a paginated list and each page, following page-<n>.json."""
    items, n, page_file = [], 1, out / first
    while True:
        page = load(page_file)
        validate(page_v, page, str(page_file))
        check(page["page_number"] == n, f"{page_file}: page_number {page['page_number']} != {n}")
        check(page["size"] == len(page["contents"]), f"{page_file}: size")
        check(page["first_page"] == (n == 1), f"{page_file}: first_page")
        check(page["empty"] == (len(page["contents"]) == 0), f"{page_file}: empty")
        items.extend(page["contents"])
        if page["last_page"]:
            check(page["total_pages"] == n, f"{page_file}: total_pages")
            check(page["total_items"] == len(items), f"{page_file}: total_items")
            return items
        n += 1
        page_file = out / first.replace(".json", "") / f"page-{n}.json"


root = load(out / "index.json")
validate(root_v, root, "index.json")
check(root.get("version") == "3.0", "index.json: version")

services = pages("services.json")
check(services, "services.json lists no services")
for s in services:
    validate(list_item_v, s, f"services.json {s.get('name')}")
    check(is_v5(s["id"]), f"services.json: {s['id']} is not a UUID v5")
    check(not any(isinstance(v, list) for v in s.values()), "the list holds one-to-one fields only")
files = sorted((out / "services").glob("*-*-*-*-*.json"))
check(sorted(f.stem for f in files) == sorted(s["id"] for s in services), "one file per listed service")
for f in files:
    s = load(f)
    validate(service_v, s, f.name)
    check(s["id"] == f.stem, f"{f.name}: id {s['id']}")
    for key in ["schedules", "languages", "phones", "service_at_locations"]:
        for item in s.get(key, []):
            check(is_v5(item["id"]), f"{f.name}: {key} id {item['id']} is not a UUID v5")
    for sched in s.get("schedules", []):
        check(sched.get("freq") in (None, "WEEKLY", "MONTHLY"), f"{f.name}: freq")

for o in pages("organizations.json"):
    validate(organization_v, o, f"organizations.json {o.get('name')}")
    check(is_v5(o["id"]), f"organizations.json: {o['id']} is not a UUID v5")
for loc in pages("locations.json"):
    validate(location_v, loc, f"locations.json {loc.get('name')}")
    check(is_v5(loc["id"]), f"locations.json: {loc['id']} is not a UUID v5")

if failures:
    print("\n".join(failures[:40]))
    sys.exit(1)
print(f"hsds ok: {len(services)} services")
