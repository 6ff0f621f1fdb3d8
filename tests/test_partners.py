"""Partnerships (issue 9): 签约, 签订/签署协议, 共建…, 订单班/冠名班, 揭牌, 校企合作, 携手, several
partners at once, each with its ``kind`` (签约, 共建, 订单班, 合作). Invented bodies."""

from __future__ import annotations

import pytest

from ingest import sentences
from ingest.model import Document

S, S2 = "青岚职业技术学院", "青岚市交通技工学校"
E1, E2, E3 = "北岭乳业有限公司", "云川农牧有限公司", "临江种业有限公司"


def _pairs(text: str) -> set[tuple[frozenset[str], str | None]]:
    ex = sentences.extract(Document("p", "p.txt", text))
    return {(frozenset((f.source.name, f.target.name)), f.properties.get("kind"))
            for f in ex.facts if f.type == "PARTNERS_WITH"}


def _p(a: str, b: str, kind: str) -> tuple[frozenset[str], str]:
    return frozenset((a, b)), kind


@pytest.mark.parametrize("text, expected", [
    (f"{S}与{E1}签约。", {_p(S, E1, "签约")}),
    (f"{S}与{E1}签订战略合作协议。", {_p(S, E1, "签约")}),
    (f"{S}与{E1}签署校企合作框架协议。", {_p(S, E1, "签约")}),
    (f"日前，{S}在综合楼三楼会议室与{E1}举行校企合作签约仪式。", {_p(S, E1, "签约")}),
    (f"{E1}与{S}战略合作项目签约暨揭牌仪式隆重举行。", {_p(S, E1, "签约")}),
    (f"{S}与{E1}共建北岭乳业产业学院。", {_p(S, E1, "共建")}),
    (f"{S}与{E1}共建实训基地。", {_p(S, E1, "共建")}),
    (f"{S}与{E1}共建研发中心。", {_p(S, E1, "共建")}),
    (f"{S}与{E1}共建技能大师工作站。", {_p(S, E1, "共建")}),
    (f"{S}与{E1}共建产教融合平台。", {_p(S, E1, "共建")}),
    (f"{S}、{S2}和{E1}、{E2}共同建设鲁班工坊。" if False else f"该鲁班工坊是由{S}、{S2}和{E1}共同建设的。",
     {_p(S, S2, "共建"), _p(S, E1, "共建"), _p(S2, E1, "共建")}),
    (f"{S}与{E1}开展校企合作。", {_p(S, E1, "合作")}),
    (f"{S}携手{E1}培养技能人才。", {_p(S, E1, "合作")}),
    (f"{S}、{S2}携手{E1}打造的“2019北岭乳业订单班”开班仪式举行。", {_p(S, E1, "订单班"), _p(S2, E1, "订单班")}),
    (f"{E1}在{S}开设“北岭乳业订单班”。", {_p(S, E1, "订单班")}),
    (f"{S}开设{E1}冠名班。", {_p(S, E1, "订单班")}),
    (f"{E1}与{S}共同为北岭乳业产业学院揭牌。", {_p(S, E1, "共建")}),
    (f"{E1}为{S}授牌“校外实训基地”。", {_p(S, E1, "合作")}),
    # several partners at once: A与B、C签约 → A–B, A–C
    (f"{S}与{E1}、{E2}签约。", {_p(S, E1, "签约"), _p(S, E2, "签约")}),
    (f"{E1}、{E2}、{E3}与{S}签约。", {_p(S, E1, "签约"), _p(S, E2, "签约"), _p(S, E3, "签约")}),
    (f"大会签署了{S}与{E1}、{E2}战略合作协议。", {_p(S, E1, "签约"), _p(S, E2, "签约")}),
    (f"临江市机械行业协会、对口支援院校和企业与{S}共签署16项对口支援协议。",
     {_p("临江市机械行业协会", S, "签约")}),
])
def test_partnerships(text, expected):
    assert _pairs(text) == expected


def test_an_order_class_named_by_the_short_form_of_an_enterprise():
    text = (f"北岭乳业动力电池产业学院揭牌仪式在{S}隆重举行。{E1.replace('有限公司', '新能源科技股份有限公司')}"
            f"负责人出席。\n会上，第五届北岭乳业订单班的全体学生表示，将不辜负学校和企业的信任。")
    e = E1.replace("有限公司", "新能源科技股份有限公司")
    assert _pairs(text) == {_p(S, e, "共建"), _p(S, e, "订单班")}


@pytest.mark.parametrize("text", [
    f"{S}与{E1}负责人出席会议。",
    f"{S}与{E1}领导共同出席仪式。",
    f"会议在{S}召开，{E1}、{E2}代表参加。",
    f"{S}与企业共建实训基地。",
])
def test_no_partnership_without_a_stated_cooperation(text):
    assert _pairs(text) == set()


# -- round 2 ------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, expected", [
    # a short description of the partner before its name
    (f"{S}与国家产业链链主企业{E1}共建实践中心。", {_p(S, E1, "共建")}),
    (f"{S}与省内领航者、行业龙头企业{E1}签订合作协议。", {_p(S, E1, "签约")}),
    # a three-party signing: every party with every other
    (f"{S}与{E1}、{E2}举行三方合作协议签约仪式。", {_p(S, E1, "签约"), _p(S, E2, "签约"), _p(E1, E2, "签约")}),
    # without 三方 the partners each sign with the first
    (f"{S}与{E1}、{E2}分别签订合作协议。", {_p(S, E1, "签约"), _p(S, E2, "签约")}),
    # 合作企业有A、B
    (f"{S}的合作企业有{E1}、{E2}。", {_p(S, E1, "合作"), _p(S, E2, "合作")}),
    # a clause with no subject continues the body that opens the sentence
    (f"{S}为推动职业教育国际化，与{S2}共同创办了鲁班工坊。", {_p(S, S2, "共建")}),
    # a sentence with no subject continues the school of the previous one (a profile page)
    (f"作为首批试点院校，{S}以服务产业为使命。\n学校创新育人模式。与{E1}等756家单位建立稳定合作关系。",
     {_p(S, E1, "合作")}),
    # a later clause with no subject: the sentence's opener acts again
    (f"{S}与{E1}签订了订单班培养协议，与{E2}共建实训基地。", {_p(S, E1, "订单班"), _p(S, E2, "共建")}),
    # unveiling a group together is no partnership
    (f"青岚智能制造产教融合共同体成立大会召开。{S}、{E1}与{E2}共同为青岚智能制造产教融合共同体揭牌。", set()),
    # a bare 学院 as a subject is the college the text is about
    (f"{S}举行开放日。学院与{E1}共建了实训基地。", {_p(S, E1, "共建")}),
])
def test_partnerships_round_two(text, expected):
    assert _pairs(text) == expected


def test_a_bare_xueyuan_is_the_college_the_text_is_about_not_the_last_named():
    text = f"{S}与泰岭技术学院共建工坊。学院与{E1}共建了实践中心。"
    assert _p(S, E1, "共建") in _pairs(text) and _p("泰岭技术学院", E1, "共建") not in _pairs(text)


def test_the_two_founders_of_a_college_build_it_together():
    text = f"青岚乳业产业学院是{S}与{E1}联合组建的“双主体”育人学院。"
    assert _pairs(text) == {_p(S, E1, "共建")}
