#!/usr/bin/env python3
"""Derives provinces.tsv and districts.tsv from the reference tables (see README.md).

usage: derive_gazetteer.py REFERENCE_DIR   (e.g. ../shared/reference), run from this folder.
"""
import csv
import sys

ref = sys.argv[1] if len(sys.argv) > 1 else "../../../shared/reference"


def rows(name):
    with open(f"{ref}/{name}", encoding="utf-8") as f:
        return list(csv.DictReader(f, delimiter="\t"))


merge = {}
post_codes = {}
for r in rows("province_merge_2025.tsv"):
    olds = r["old_codes"].split(",")
    post_codes[r["new_code"]] = olds
    for c in olds:
        merge[c] = r["new_code"]
post = {r["code"]: r for r in rows("provinces_34_post2025.tsv")}
pre = {r["code"]: r for r in rows("provinces_63_pre2025.tsv")}

with open("provinces.tsv", "w", encoding="utf-8") as out:
    out.write("# era\tcode\tname\ttype\tsuccessor_code (pre) or old codes (post)\n")
    for c, r in pre.items():
        out.write(f"pre\t{c}\t{r['short_name']}\t{r['type']}\t{merge[c]}\n")
    for c, r in post.items():
        kind = "Thành phố" if r["type"].startswith("Thành phố") else "Tỉnh"
        out.write(f"post\t{c}\t{r['short_name']}\t{kind}\t{','.join(post_codes[c])}\n")

with open("districts.tsv", "w", encoding="utf-8") as out:
    out.write("# name\ttype\tprovince (before July 2025)\n")
    for r in rows("districts_696_pre2025.tsv"):
        out.write(f"{r['short_name']}\t{r['type']}\t{pre[r['province_code']]['short_name']}\n")
