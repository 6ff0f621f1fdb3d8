"""Policy shapes read in the third round of issue 10 (developed on the e4 development pages):
short real-shaped texts with invented bodies, titles and numbers."""

from __future__ import annotations

from tests.test_policy_shapes import _facts, _segs


def _pairs(text: str, kind: str):
    return {(f.source.name, f.target.name) for f in _facts(text, kind)}


# ---- a notice printed without its title line ----------------------------------------------
ADDRESSED = ("来 源: | 临川市人民政府办公室 | 文 号: | 临市府发〔2031〕12号 | 浏 览 量: |\n"
             "各县（市、区）人民政府，市级有关部门：\n"
             "现将《临川市职业教育改革实施方案》印发你们，请认真抓好贯彻落实。\n"
             "临川市人民政府\n2031年11月30日\n"
             "临川市职业教育改革实施方案\n"
             "为加快发展，根据《北岭省人民政府关于印发北岭省职业教育改革实施方案的通知》（北府发〔2030〕14号）"
             "要求，结合我市实际，制定本实施方案。\n")


def test_an_addressed_notice_without_title_is_the_plan_it_issues():
    segs = _segs(ADDRESSED)
    assert [(s.number, s.title, [n for n, _, _ in s.issuers]) for s in segs] == [
        ("临市府发〔2031〕12号", "临川市职业教育改革实施方案", ["临川市人民政府"])]
    assert ("临市府发〔2031〕12号", "北府发〔2030〕14号") in _pairs(ADDRESSED, "IMPLEMENTS")


def test_yuyi_yinfa_and_the_grounds_of_the_notice():
    text = ("各高等职业院校：\n"
            "为贯彻落实《东川省教育厅关于建立诊断与改进制度的通知》（东教职〔2030〕2号），细化《东川省诊断与改进"
            "实施方案》（东教高〔2030〕3号），现将《东川省诊断与改进实施细则》予以印发，请认真执行。\n"
            "东川省教育厅\n2031年6月6日\n附件：\n东川省诊断与改进\n实施细则\n"
            "按照省教育厅《东川省诊断与改进实施方案》，特制定本实施细则。\n")
    segs = _segs(text)
    assert [(s.title, [n for n, _, _ in s.issuers]) for s in segs] == [("东川省诊断与改进实施细则", ["东川省教育厅"])]
    implements = _pairs(text, "IMPLEMENTS")
    assert {t for s, t in implements if s == "东川省诊断与改进实施细则"} == {"东教职〔2030〕2号", "东教高〔2030〕3号"}
    # 细化 names a ground, not a document the notice issues: the plan is not re-issued by it
    assert ("东教高〔2030〕3号", "东川省教育厅") in _pairs(text, "ISSUED_BY")


def test_an_addressee_line_alone_is_no_policy():
    assert _segs("各县（市、区）教育局：\n请于3月1日前报送材料。\n临川市教育局\n2031年1月2日\n") == ()
