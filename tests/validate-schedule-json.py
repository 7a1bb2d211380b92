#!/usr/bin/python3
"""Validates a schedule.json against the c3voc JSON Schema (draft 6).
   validate-schedule-json.py SCHEMA FILE — exits 1, printing each error, if it is not valid."""
import json
import sys

import jsonschema

schema = json.load(open(sys.argv[1], encoding="utf-8"))
document = json.load(open(sys.argv[2], encoding="utf-8"))
validator = jsonschema.Draft6Validator(schema, format_checker=jsonschema.FormatChecker())
errors = list(validator.iter_errors(document))
for error in errors[:20]:
    print(f"{'/'.join(str(p) for p in error.path)}: {error.message[:300]}", file=sys.stderr)
sys.exit(1 if errors else 0)
