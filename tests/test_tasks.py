"""Numbered measures and task lists with their responsible departments (ingest/tasks.py)."""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

import pytest

from graph.normalize import name_key
from ingest.model import Document
from ingest.agencies import canonical_agency
from ingest.tasks import extract

DATA = Path(__file__).resolve().parent / "data"
HEADER = "辽宁省教育厅文件\n\n辽教发〔2021〕59号\n\n辽宁省教育厅关于推进高等职业教育开放办学的实施意见\n\n省内有关高等学校：\n\n"


def _extract(body: str, header: str = HEADER):
    return extract(Document("d", "d.txt", header + body))


def _measures(ex):
    return [m for m in ex.mentions if m.type == "Measure"]


def _responsible(ex) -> dict[str, list[str]]:
    out: dict[str, list[str]] = defaultdict(list)
    for f in ex.facts:
        if f.type == "RESPONSIBLE_FOR" and f.source.name not in out[f.target.name]:
            out[f.target.name].append(f.source.name)
    return dict(out)


def test_numbered_tasks_under_group_headings_and_not_under_aims():
    body = ("一、指导思想和工作目标\n\n（一）指导思想\n\n以习近平新时代中国特色社会主义思想为指导，深入贯彻落\n\n"
            "实重要论述。\n\n二、重点工作\n\n（一）加强联合培养\n\n1. 推进专业协作体建设。围绕战略布局，构建高等职业教育专业协作体，"
            "形成协作机制。\n\n2. 加强现代学徒制培养。全面加强双元主体的现代学徒制培养。\n\n三、保障措施\n\n"
            "15. 加强组织领导。省教育厅建立工作领导小组。\n\n16. 精心组织实施。认真研究制定校\n\n际合作方案。\n\n"
            "(此件主动公开发布)\n")
    ms = _measures(_extract(body))
    assert [(m.properties["number"], m.name) for m in ms] == [
        ("1", "推进专业协作体建设"), ("2", "加强现代学徒制培养"), ("15", "加强组织领导"), ("16", "精心组织实施")]
    assert ms[0].properties["group"] == "加强联合培养" and ms[0].properties["section"] == "重点工作"
    assert ms[3].properties["text"] == "精心组织实施。认真研究制定校际合作方案。"  # a line broken mid-word
    # a short heading is scoped by its policy: 加强组织领导 in another policy is another measure
    assert ms[2].properties["key"] == "measure|辽教发(2021)59号|加强组织领导"


def test_inline_numbered_requirements_are_measures_and_an_annex_line_ends_the_body():
    body = ("一、明确工作定位。把建设培育示范性职业教育集团作为重要抓手。\n\n二、加强组织领导。各地要创新工作机制。\n\n"
            "按照工作安排，我司将适时启动第二批建设工作。\n\n附件：\n\n1.第一批示范性职业教育集团（联盟）培育单位名单\n")
    assert [m.name for m in _measures(_extract(body))] == ["明确工作定位", "加强组织领导"]


TEMPLATE = (
    "《教育部 辽宁省人民政府关于整省推进职业教育实用高效发展的意见》任务落实举措清单\n\n单位：（公章）\n\n联系人：\n\n"
    "序号\t主要任务\t部省共建任务\t\t\t落实具体举措\t\t\n"
    "\t\t任务内容\t责任部门\t具体举措\t完成目标\t责任单位 (部门)\t完成时间\n"
    "1\t加强党对职业教育的全面领导，落实立德树人根本任务。\t采取专兼职结合方式，为职业院校班子配备1名具有5年以上行业工作经历的高层次人才。\t省委教育工委、省教育厅、各市\t\t\t\t\n"
    "2\t\t充分发挥辽宁工匠联盟和辽宁劳模协会作用，完善大国工匠和劳动模范担任德育兼导师制度\t省人力资源社会保障厅、省总工会、省教育厅、省财政厅\t\t\t\t\n"
    "29\t\t自2021年起，职业院校相关专业教师原则上从具有3年以上企业工作经历的人员中公开招聘。\t省人力资源社会保障厅、省教育厅、各市\t\t\t\t\n"
    "29\t\t完善教师培养\t\t\t\t\t\n\n"
    "部省共建任务\t\t\t落实具体举措\t\t\t\t\n"
    "序号\t主要任务\t任务内容\t责任部门\t具体举措\t完成目标\t责任单位 (部门)\t完成时间\n"
    "30\t培训体系，打造“双师型”教师队伍。\t推行“固定岗+流动岗”师资队伍建设机制。\t省人力资源社会保障厅、省教育厅、各市\t\t\t\t\n"
    "37\t\t推动沈阳中德应用技术学院培训中心建设。\t省教育厅、省政府外办、沈阳市\t\t\t\t\n\n000025\n\n"
)
OPINION = (
    "教育部文件 辽宁省人民政府\n\n辽政发〔2021〕2号\n\n教育部 辽宁省人民政府 关于整省推进职业教育实用高效发展的意见\n\n"
    "各市人民政府：\n\n二、重点任务\n\n（一）加强党对职业教育的全面领导，落实立德树人根本任务。加强党的建设和领导班子建设，"
    "采取专兼职结合方式为职业院校班子配备1名具有5年以上行业企业工作经历的高层次技术管理人才，让教育家共同管好办好职业院校。\n\n"
    "- 附件：1. 教育部支持政策清单\n2. 辽宁省工作任务清单\n\n2021年1月7日\n\n(此件公开发布)\n\n"
    "教育部支持政策清单\n\n序号\t政策内容\n1\t支持辽宁实施中职、高职、职业教育本科衔接培养\n\n附件 2\n\n辽宁省工作任务清单\n\n"
    "序号\t政策内容\t责任部门\n"
    "1\t采取专兼职结合方式，为职业院校班子配备 1 名具有 5 年以上行业工业企业工作经历的高层次技术管理人才\t省委教育工委、省教育厅，各市\n"
    "2\t充分发挥辽宁工匠联盟和辽宁劳模协会作用，完善大国工匠和劳动模范担任德育兼职导师制度\t省人力资源社会保障厅、省总工会、省教育厅\n"
    "\n序号\t政策内容\t责任部门\n"
    "26\t持续推进省级产教融合型企业建设培育\t省发展改革委、省教育厅，相关市政府\n"
)
FORWARD = "辽宁省教育厅文件\n\n辽教发〔2021〕55号\n\n辽宁省教育厅关于转发意见的通知\n\n各市教育局：\n\n附件：部省共建任务落实举措清单（模板）\n\n"


def test_a_task_list_with_a_two_row_header_page_breaks_and_empty_group_cells():
    ex = extract(Document("d", "d.txt", FORWARD + TEMPLATE))
    rows = {m.properties["number"]: m for m in _measures(ex)}
    assert sorted(rows, key=int) == ["1", "2", "29", "30", "37"]  # the fragment row 29 is no task
    assert rows["1"].name.startswith("采取专兼职结合方式")  # 任务内容, not 主要任务
    assert rows["2"].properties["group"] == "加强党对职业教育的全面领导，落实立德树人根本任务。"
    # a group heading split over a page break is joined again
    assert rows["30"].properties["group"] == "完善教师培养培训体系，打造“双师型”教师队伍。"
    resp = _responsible(ex)
    assert resp[rows["1"].name] == ["辽宁省委教育工委", "辽宁省教育厅", "各市人民政府"]
    assert resp[rows["37"].name] == ["辽宁省教育厅", "辽宁省政府外办", "沈阳市人民政府"]
    # the list restates the tasks of the opinion named in its title: they are that policy's measures
    owners = {f.source.properties["key"] for f in ex.facts if f.type == "HAS_MEASURE" and f.target.properties.get("source") == "list"}
    # (keyed by the title: the number is paired with it only where the opinion itself is quoted)
    assert owners == {name_key("教育部 辽宁省人民政府关于整省推进职业教育实用高效发展的意见")}


def test_a_forwarded_task_restated_in_a_template_is_the_same_measure_as_the_list_task():
    ex = extract(Document("d", "d.txt", FORWARD + TEMPLATE + OPINION))
    keys = defaultdict(set)
    for m in _measures(ex):
        keys[m.properties["key"]].add(m.properties.get("list", ""))
    list_task_1 = "measure|" + name_key("采取专兼职结合方式，为职业院校班子配备1名具有5年以上行业工业企业工作经历的高层次技术管理人才")
    assert len(keys[list_task_1]) == 2  # the template row and the 工作任务清单 row
    evidence = [f.evidence.quote for f in ex.facts if f.type == "HAS_MEASURE" and f.target.properties["key"] == list_task_1]
    assert len(evidence) == 3  # body sentence, template row, list row
    assert any(q.startswith("采取专兼职结合方式为职业院校班子配备") for q in evidence)  # the body's clause
    resp = _responsible(ex)
    # the template's extra department (省财政厅 for task 2) is not added to the list's departments
    task2 = "充分发挥辽宁工匠联盟和辽宁劳模协会作用，完善大国工匠和劳动模范担任德育兼职导师制度"
    assert resp[task2] == ["辽宁省人力资源社会保障厅", "辽宁省总工会", "辽宁省教育厅"]
    assert resp["持续推进省级产教融合型企业建设培育"] == ["辽宁省发展改革委", "辽宁省教育厅", "相关市人民政府"]
    # a list titled after an agency is that agency's responsibility
    assert resp["支持辽宁实施中职、高职、职业教育本科衔接培养"] == ["教育部"]


def test_a_responsible_unit_stated_in_the_text():
    body = "二、重点任务\n\n1. 建设职业教育大数据平台。统一管理全省数据（责任单位：省教育厅、省财政厅）。\n"
    assert _responsible(_extract(body)) == {"建设职业教育大数据平台": ["辽宁省教育厅", "辽宁省财政厅"]}


def test_a_group_list_is_not_a_task_list():
    body = "附件1\n\n名单\n\n序号\t集团名称\t牵头单位\n1\t联想职业教育集团\t联想集团\n"
    assert not _measures(_extract(body))


# ---- the seed corpus ----------------------------------------------------------------------
def _gold_responsible() -> dict[str, set[str]]:
    out: dict[str, set[str]] = defaultdict(set)
    for line in (DATA / "gold_policy.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        if row["type"] == "RESPONSIBLE_FOR" and row["source"] != "教育部" or (
                row["type"] == "RESPONSIBLE_FOR" and "清单" not in row["target"] and row["source"] == "教育部"
                and "部省协同" in row["target"]):
            out[name_key(row["target"])].add(row["source"])
    return out


@pytest.mark.slow
def test_the_54_tasks_each_with_its_responsible_departments(seed_store):
    gold = _gold_responsible()
    tasks = [n for n in seed_store.iter_nodes("Measure") if n.properties.get("list") == "辽宁省工作任务清单"]
    assert sorted(int(n.properties["number"]) for n in tasks) == list(range(1, 55))
    for node in tasks:
        # A department's node is named by the canonical form of its kind (人力资源社会保障厅 and
        # 人力资源和社会保障厅 are one body, ingest.agencies): compare canonical forms.
        depts = {canonical_agency(seed_store.get_node(e.source).name)
                 for e in seed_store.in_edges(node.id) if e.type == "RESPONSIBLE_FOR"}
        forms = {name_key(f) for f in (node.name, *node.aliases)}
        expected = next(v for k, v in gold.items() if k in forms)
        assert depts == {canonical_agency(x) for x in expected}, f"task {node.properties['number']}: {node.name}"


@pytest.mark.slow
def test_a_task_in_body_list_and_template_is_one_measure_with_three_evidence_items(seed_store):
    task12 = seed_store.find_nodes("建设50所左右省级优质中等职业学校、20所左右省级高水平高职院校", type="Measure")[0]
    edges = [e for e in seed_store.in_edges(task12.id) if e.type == "HAS_MEASURE"]
    assert len(edges) == 1  # one policy: the opinion (the template restates its list)
    quotes = [ev.quote for ev in edges[0].evidence]
    assert len(quotes) == 3
    assert any(q.startswith("重点建设50所") or "重点建设50所" in q for q in quotes)
    assert any(q.startswith("12\t\t建设50所左右省级优质中职学校") for q in quotes)  # the template row


def test_a_pipe_task_list_with_lead_and_supporting_units():
    body = ("附件\n\n重点任务分工表\n\n| 序号 | 重点任务 | 牵头单位 | 配合单位 |\n|----|----|----|----|\n"
            "| 1 | 建设职业教育大数据平台 | 省教育厅 | 省财政厅、各市 |\n")
    ex = _extract(body)
    assert [m.name for m in _measures(ex)] == ["建设职业教育大数据平台"]
    assert _responsible(ex) == {"建设职业教育大数据平台": ["辽宁省教育厅", "辽宁省财政厅", "各市人民政府"]}
    columns = {f.source.name: f.properties["column"] for f in ex.facts if f.type == "RESPONSIBLE_FOR"}
    assert columns["辽宁省教育厅"] == "牵头单位" and columns["辽宁省财政厅"] == "配合单位"


CITY = "临江市教育局文件\n\n临教发〔2023〕12号\n\n临江市教育局关于推进职业教育提质培优的实施方案\n\n各县（市、区）教育局：\n\n"


def test_city_units_take_the_issuers_city_and_bracketed_names_stay_whole():
    body = ("二、主要措施\n\n（一）优化院校布局。推动中职学校撤并整合。（责任单位：市教育局、各县（市、区）人民政府）\n\n"
            "（二）推进中高职贯通。扩大贯通培养规模。（牵头单位：市教育局；配合单位：市财政局、市场监管局）\n")
    assert _responsible(_extract(body, CITY)) == {
        "优化院校布局": ["临江市教育局", "各县(市、区)人民政府"],
        "推进中高职贯通": ["临江市教育局", "临江市财政局", "市场监管局"],
    }


def test_circled_numbers_are_measures_and_task_verbs_are_not_context_headings():
    body = ("二、工作任务\n\n（一）提升学校办学条件\n\n（1）改善教学实训设施。每年更新一批实训设备。\n\n"
            "（二）打造品牌专业\n\n①对接主导产业调整专业结构。\n\n②推行现代学徒制。\n\n三、申报条件\n\n"
            "（一）办学规范。近三年无重大安全事故。\n")
    assert [m.name for m in _measures(_extract(body, CITY))] == ["改善教学实训设施", "对接主导产业调整专业结构", "推行现代学徒制"]


def test_a_list_row_naming_a_body_task_is_that_measure():
    body = ("二、重点任务\n\n1.优化职业教育专业布局。建立专业设置动态调整机制。\n\n附件：重点任务分工\n\n"
            "临江市教育局\n\n2023年3月15日\n\n附件\n\n重点任务分工\n\n序号\t任务内容\t牵头单位\t责任单位\n"
            "1\t优化职业教育专业布局\t市教育局\t市人力资源社会保障局\n")
    ex = _extract(body, CITY)
    assert len({m.properties["key"] for m in _measures(ex)}) == 1
    assert _responsible(ex) == {"优化职业教育专业布局": ["临江市教育局", "临江市人力资源社会保障局"]}


def test_responsibility_on_its_own_line_or_in_the_led_form():
    body = ("一、重点任务\n\n1.推进中高职贯通培养。扩大中高职贯通培养规模。\n责任单位：市教育局、市人力资源社会保障局\n\n"
            "2.建设市域产教联合体。依托产业园区组建联合体（市发展改革委牵头，市教育局、市工业和信息化局配合）。\n\n"
            "3.培育产业学院。支持院校建设产业学院（由龙头企业牵头）。\n")
    assert _responsible(_extract(body, CITY)) == {
        "推进中高职贯通培养": ["临江市教育局", "临江市人力资源社会保障局"],
        "建设市域产教联合体": ["临江市发展改革委", "临江市教育局", "临江市工业和信息化局"],
    }
