"""Pathological inputs for the bounded-work checks (tests/test_bounded.py, benchmarks/bench_bounded.py).

Each generator returns a text of about ``n`` characters built from invented names (临川, 北岭 …)
in the shape that once made an extractor super-linear: densely packed organisation names, a wide
tab-separated table (a Word table exported as rows), a long text without punctuation or line
breaks, deeply nested brackets. The texts are deterministic (no randomness), so two sizes of the
same pattern differ only in length.
"""

from __future__ import annotations

from typing import Callable

PLACES = ("临川", "北岭", "南溪", "东陵", "西坪", "青禾", "白石", "云台", "松原", "江浦", "河阳", "湖亭")
TRADES = ("装备制造", "智能建造", "现代农业", "电子信息", "轨道交通", "健康养老", "跨境电商", "新能源汽车")
SUFFIXES = ("职业技术学院", "职业学院", "技师学院", "有限公司", "股份有限公司", "集团有限公司",
            "职业教育集团", "产教联合体", "中等职业学校", "研究院")


WORDS = ("华兴", "恒达", "众诚", "博远", "正泰", "新科", "广益", "瑞丰", "鼎盛", "宏图", "天工", "嘉禾")


def _name(i: int) -> str:
    """The i-th invented name; names stay distinct up to i = 138 240, so the number of distinct
    bodies grows with the text as it does in real lists."""
    digits = []
    for base in (len(PLACES), len(SUFFIXES), len(WORDS), len(WORDS), len(TRADES)):
        digits.append(i % base)
        i //= base
    place, suf, w1, w2, trade = digits
    return PLACES[place] + WORDS[w1] + WORDS[w2][0] + TRADES[trade] + SUFFIXES[suf]


def _fill(n: int, piece: Callable[[int], str]) -> str:
    out: list[str] = []
    size = i = 0
    while size < n:
        s = piece(i)
        out.append(s)
        size += len(s)
        i += 1
    return "".join(out)[:n]


def dense_orgs(n: int) -> str:
    """成员单位：A、B、C… — organisation names packed with only 、 between them, a few
    sentences long, with relation cues between the lists."""
    def piece(i: int) -> str:
        if i % 40 == 0:
            return f"{_name(i)}牵头组建{_name(i + 1)}，成员单位包括"
        if i % 40 == 39:
            return f"{_name(i)}与{_name(i + 3)}签订校企合作协议。\n"
        return _name(i) + "、"
    return _fill(n, piece)


def wide_table(n: int) -> str:
    """A 40-column tab-separated table (a Word table read row by row), cells of names and numbers."""
    def piece(i: int) -> str:
        if i == 0:
            return "\t".join(["序号", "集团名称", "牵头单位", *(f"成员单位{k}" for k in range(37))]) + "\n"
        cells = [str(i), _name(i * 3), _name(i * 3 + 1), *(_name(i * 40 + k) for k in range(37))]
        return "\t".join(cells) + "\n"
    return _fill(n, piece)


def no_punctuation(n: int) -> str:
    """One line of Chinese without punctuation, spaces or line breaks (names and cue words run on)."""
    def piece(i: int) -> str:
        return _name(i) + ("牵头" if i % 3 == 0 else "联合" if i % 3 == 1 else "服务") + TRADES[i % len(TRADES)] + "产业"
    return _fill(n, piece)


def deep_brackets(n: int) -> str:
    """Nested brackets of every kind, hundreds deep, with names and policy titles inside."""
    opens, closes = "（《(【“〔", "）》)】”〕"

    def piece(i: int) -> str:
        depth = 200
        k = i % len(opens)
        return opens[k] * depth + _name(i) + "关于印发" + closes[k] * depth + "。\n"
    return _fill(n, piece)


def ragged_table(n: int) -> str:
    """Rows of 1 to 60 tab-separated cells, empty cells and stray tabs included."""
    def piece(i: int) -> str:
        width = 1 + (i * 7) % 60
        cells = [(_name(i + k) if (i + k) % 5 else "") for k in range(width)]
        return "\t".join(cells) + ("\t\t" if i % 4 == 0 else "") + "\n"
    return _fill(n, piece)


PATTERNS: dict[str, Callable[[int], str]] = {
    "dense_orgs": dense_orgs,
    "wide_table": wide_table,
    "no_punctuation": no_punctuation,
    "deep_brackets": deep_brackets,
    "ragged_table": ragged_table,
}
