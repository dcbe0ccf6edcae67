#!/usr/bin/python3
"""Writes a corpus of generated Chinese industrial-cluster news for
benchmarks: N MB of articles from templates written for clusterkg, with
organisation, place and cluster names varied so that the graph grows with
the corpus as a real one does (a new article mostly repeats known entities
and sometimes names new ones).

Forms (--form):
  text   plain-text files (.txt)
  html   whole portal pages (.html): head, scripts, navigation, the story,
         a related-stories list, comments and footer around it
  md     YAML front matter followed by text (.md)
  jsonl  JSONL records {"id", "title", "date", "url", "text"} in files of
         1,000 records
  mixed  all of the above, and traditional-character articles

usage: gen_corpus.py OUT_DIR --mb N [--form F] [--seed S]
The same arguments always write the same bytes.
"""
import argparse, json, os, random, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
GAZETTEERS = os.path.join(HERE, "..", "data", "gazetteers")


def load_places():
    """Prefecture-level cities and their districts from places_cn.tsv."""
    cities, districts = [], {}
    with open(os.path.join(GAZETTEERS, "places_cn.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#"):
                continue
            cols = line.rstrip("\n").split("\t")
            if len(cols) < 5:
                continue
            name, _, _, parent, iri = cols[:5]
            code = iri.rsplit("CN-", 1)[-1] if "CN-" in iri else ""
            if len(code) == 4 and not name.endswith(("区", "县", "盟", "州")) and len(name) <= 3:
                cities.append(name)
            elif len(code) == 6 and name.endswith("区") and len(name) >= 3:
                districts.setdefault(parent, []).append(name)
    return cities, districts


def load_industries():
    out = []
    with open(os.path.join(GAZETTEERS, "industries.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or "\t" not in line:
                continue
            name = line.split("\t", 1)[0]
            if 2 <= len(name) <= 7 and not re.search(r"[A-Za-z0-9]", name):
                out.append(name)
    return out


SYLLABLES = list("华鼎瑞康泰恒信达安创新锐拓宏远嘉联博海天启明星辰云峰德盛裕通润博睿智芯微光")
COMPANY_TAILS = ["科技有限公司", "科技股份有限公司", "智能装备有限公司", "新材料有限公司",
                 "电子有限公司", "生物医药有限公司", "精密制造有限公司"]
INSTITUTE_KINDS = ["产业技术研究院", "创新研究院", "工业技术研究院"]
UNIVERSITY_WORDS = ["理工大学", "科技大学", "工业大学", "大学"]
SURNAMES = list("王李张刘陈杨黄赵周吴徐孙马朱胡郭何林罗高")
GIVEN = list("建国海军立新晓明文华志强丽娟永红国庆春燕伟东")
TITLES = ["董事长", "总经理", "院长", "局长", "秘书长"]
BUREAUS = ["工业和信息化局", "发展和改革委员会", "科学技术局", "商务局"]
PROGRAMMES = ["行动计划", "实施方案", "若干措施", "三年行动方案"]


class World:
    """The entities the corpus talks about; grows as articles are written."""

    def __init__(self, rng):
        self.rng = rng
        self.cities, self.districts = load_places()
        self.industries = load_industries()
        self.companies = {}   # city -> [names]
        self.clusters = {}    # city -> [(cluster, industry)]

    def company(self, city):
        names = self.companies.setdefault(city, [])
        if not names or self.rng.random() < 0.35:
            word = "".join(self.rng.sample(SYLLABLES, 2))
            names.append(city + word + self.rng.choice(COMPANY_TAILS))
        return self.rng.choice(names)

    def cluster(self, city):
        cs = self.clusters.setdefault(city, [])
        if not cs or self.rng.random() < 0.2:
            ind = self.rng.choice(self.industries)
            cs.append((city + ind + self.rng.choice(["集群", "产业集群"]), ind))
        return self.rng.choice(cs)


def person(rng):
    return rng.choice(SURNAMES) + rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")


def article(world, n):
    """One story: headline, paragraphs (lists of sentences), metadata."""
    rng = world.rng
    city = rng.choice(world.cities)
    cluster, industry = world.cluster(city)
    other_ind = rng.choice(world.industries)
    c1, c2, c3 = world.company(city), world.company(city), world.company(city)
    for _ in range(5):  # two different leading enterprises
        if c2 != c1:
            break
        c2 = world.company(city)
    gov = city + "市人民政府"
    bureau = city + "市" + rng.choice(BUREAUS)
    agency = city + rng.choice(INSTITUTE_KINDS)
    uni = city + rng.choice(UNIVERSITY_WORDS)
    district = rng.choice(world.districts.get(city, [city + "高新区"]))
    policy = "《{}{}产业集群{}》".format(city, industry, rng.choice(PROGRAMMES))
    who = person(rng)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    year = rng.choice([2023, 2024, 2025])
    headline = rng.choice([
        "{}加速壮大", "{}再上新台阶", "{}跑出发展加速度", "{}新项目集中签约"]).format(cluster)
    paras = [
        [
            "{}月{}日,{}印发{},提出到{}年{}产业规模突破{}亿元。".format(
                month, day, gov, policy, year + 3, industry, rng.randint(3, 30) * 100),
            "{}相关负责人介绍,{}已集聚规上企业{}余家。".format(bureau, cluster, rng.randint(50, 900)),
        ],
        [
            "{}作为{}促进机构,牵头搭建检测认证、中试验证等公共服务平台。".format(agency, cluster),
            "集群依托{}、{}等龙头企业,形成了从研发设计到生产制造的完整链条。".format(c1, c2),
            "集群以{}为引领,同时在{}等关键技术领域持续突破。".format(industry, other_ind),
        ],
        [
            "当天,{}与{}签署战略合作协议,双方将在{}共建联合实验室。".format(uni, c3, district),
            "{}{}{}表示,企业将扩大在{}的研发投入。".format(c3, rng.choice(TITLES), who, city),
            "第{}届{}{}博览会将于{}月在{}国际会展中心举行。".format(
                rng.randint(2, 20), city, industry, (month % 12) + 1, city),
        ],
    ]
    rng.shuffle(paras[2])
    return {
        "id": "gen-{:07d}".format(n),
        "title": headline,
        "date": "{}-{:02d}-{:02d}".format(year, month, day),
        "url": "https://news.example.org/{}/{:07d}.html".format(year, n),
        "author": rng.choice(["产业观察", "本报记者", "经济日报"]),
        "paras": paras,
        "related": [world.cluster(rng.choice(world.cities))[0] + "发展综述" for _ in range(6)],
    }


def text_of(a):
    return a["title"] + "\n\n" + "\n\n".join("".join(p) for p in a["paras"]) + "\n"


def html_of(a):
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
    nav = "".join('<li><a href="/c/{0}">频道{0}</a></li>'.format(i) for i in range(12))
    related = "".join('<li><a href="/r/{}.html">{}</a></li>'.format(i, esc(t))
                      for i, t in enumerate(a["related"]))
    body = "".join("<p>{}</p>\n".format(esc("".join(p))) for p in a["paras"])
    return (
        '<!DOCTYPE html>\n<html lang="zh-CN"><head><meta charset="utf-8">'
        "<title>{t}_产业频道</title>"
        '<meta name="author" content="{au}"><meta property="article:published_time" content="{d}">'
        "<style>body{{font-family:sans-serif}} .nav li{{display:inline}}</style>"
        "<script>window.dataLayer=window.dataLayer||[];function gtag(){{dataLayer.push(arguments)}}</script>"
        '</head><body><header class="site-header"><ul class="nav">{nav}</ul></header>'
        '<div class="breadcrumb"><a href="/">首页</a> &gt; <a href="/industry">产业</a> &gt; 正文</div>'
        '<article><h1>{t}</h1><div class="byline">{au} {d}</div>\n'
        '<div class="content">\n{body}</div></article>'
        '<div class="related-news"><h3>相关阅读</h3><ul>{rel}</ul></div>'
        '<div class="comments"><p>网友评论仅供其表达个人看法。</p></div>'
        '<footer class="footer">版权所有 © 产业新闻网 京ICP备00000000号</footer>'
        "<script>gtag('config','X-1');</script></body></html>\n"
    ).format(t=esc(a["title"]), au=a["author"], d=a["date"], nav=nav, body=body, rel=related)


def md_of(a):
    return "---\ntitle: {}\ndate: {}\nauthor: {}\n---\n".format(a["title"], a["date"], a["author"]) + \
        "\n\n".join("".join(p) for p in a["paras"]) + "\n"


# a few simplified -> traditional forms for the traditional-character variant
TRAD = str.maketrans("发业术区产实项际会资议联导优龙头链绿动电汽车学贸厂", "發業術區產實項際會資議聯導優龍頭鏈綠動電汽車學貿廠")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, required=True, help="megabytes to write (10^6 bytes)")
    ap.add_argument("--form", default="mixed", choices=["text", "html", "md", "jsonl", "mixed"])
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rng = random.Random(args.seed)
    world = World(rng)
    os.makedirs(args.out, exist_ok=True)
    target = int(args.mb * 1e6)
    written = n = 0
    jsonl, jsonl_count, jsonl_no = None, 0, 0
    forms = ["text", "html", "md", "jsonl", "trad"] if args.form == "mixed" else [args.form]
    while written < target:
        a = article(world, n)
        form = forms[n % len(forms)]
        sub = os.path.join(args.out, "{:03d}".format(n // 1000))
        if form == "jsonl":
            if jsonl is None or jsonl_count == 1000:
                if jsonl:
                    jsonl.close()
                jsonl = open(os.path.join(args.out, "records-{:04d}.jsonl".format(jsonl_no)), "w",
                             encoding="utf-8")
                jsonl_no, jsonl_count = jsonl_no + 1, 0
            line = json.dumps({"id": a["id"], "title": a["title"], "date": a["date"],
                               "url": a["url"], "text": text_of(a)}, ensure_ascii=False) + "\n"
            jsonl.write(line)
            jsonl_count += 1
            written += len(line.encode("utf-8"))
        else:
            os.makedirs(sub, exist_ok=True)
            content, ext = {
                "text": (lambda: (text_of(a), "txt")),
                "html": (lambda: (html_of(a), "html")),
                "md": (lambda: (md_of(a), "md")),
                "trad": (lambda: (text_of(a).translate(TRAD), "txt")),
            }[form]()
            data = content.encode("utf-8")
            with open(os.path.join(sub, "{:07d}.{}".format(n, ext)), "wb") as f:
                f.write(data)
            written += len(data)
        n += 1
    if jsonl:
        jsonl.close()
    print("{}: {} articles, {:.1f} MB ({})".format(args.out, n, written / 1e6, args.form), file=sys.stderr)


if __name__ == "__main__":
    main()
