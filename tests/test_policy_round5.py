"""Policy shapes read in the fifth round of issue 10 (developed on the develop half of the
held-out sets, tests/data/unseen/policy/heldout13–16): short real-shaped texts with invented
bodies, titles and numbers, each written for the shape, not copied from a set."""

from __future__ import annotations

from ingest.agencies import canonical_agency
from ingest.model import Document
from ingest.policy_parties import agency_name, split_departments
from ingest.policy_text import reading_view, repair_number
from tests.test_policy_shapes import _facts, _segs


def _pairs(text: str, kind: str):
    return {(f.source.name, f.target.name) for f in _facts(text, kind)}


def _roles(text: str):
    return {(f.source.name, f.target.name, f.properties["role"]) for f in _facts(text, "RESPONSIBLE_FOR")}


def _duties(text: str, measure: str):
    """(party, role) of the measures whose name starts with ``measure``."""
    return {(s, r) for s, t, r in _roles(text) if t.startswith(measure)}


# ---- a web page's title with its furniture line under it -----------------------------------
POINTS = ("棠溪县教育局2033年职业教育工作要点\n"
          "发布时间：2033-02-20　　来源：县教育局　　字号：大 中 小\n"
          "2033年，全县职业教育工作要认真贯彻落实《澜城市职业教育提质行动计划》，服务县域产业发展。\n"
          "一、工作目标\n"
          "全年中职学校招生达到1800人，新增合作企业12家。\n"
          "二、工作重点\n"
          "（一）抓好专业建设。一是新开设智慧农业专业，由县职业中专负责；二是建设3个县级骨干专业，"
          "由县教育局职成股牵头，县职业中专具体实施。\n"
          "（二）加强学生资助。落实国家助学金政策。（责任股室：县教育局计财股、县学生资助管理中心）\n"
          "（三）培训专业教师。组织教师参加省级培训80人次。县教育局人事股牵头，县财政局保障培训经费。\n"
          "三、工作要求\n"
          "各学校要细化任务清单，按月报送进展。\n"
          "棠溪县教育局\n"
          "2033年2月18日\n")


def test_a_title_with_the_pages_furniture_under_it_is_the_document_signed_below():
    segs = _segs(POINTS)
    assert [(s.title, [n for n, _, _ in s.issuers], s.date) for s in segs] == [
        ("棠溪县教育局2033年职业教育工作要点", ["棠溪县教育局"], "2033-02-18")]
    assert ("棠溪县教育局2033年职业教育工作要点", "澜城市职业教育提质行动计划") in _pairs(POINTS, "IMPLEMENTS")


def test_the_same_page_through_the_cleaning_that_blanks_its_furniture():
    lines = POINTS.split("\n")
    blanked = "\n".join([lines[0], " " * len(lines[1]), *lines[2:]])
    doc = Document("d", "d.txt", blanked)
    doc.original = POINTS  # what the page cleaning keeps beside the analysis text
    view = reading_view(doc.text, doc.original)
    assert lines[1] in view.text
    assert [s.title for s in _segs(view.text)] == ["棠溪县教育局2033年职业教育工作要点"]


def test_full_year_goals_take_the_year_the_plan_is_for():
    targets = {f.target.name: f.target.properties for f in _facts(POINTS, "HAS_TARGET")}
    assert {(p["year"], p["quantity"]) for p in targets.values()} == {(2033, 1800), (2033, 12)}


def test_duties_of_each_listed_task_and_of_the_items_in_words():
    assert _duties(POINTS, "新开设智慧农业专业") == {("棠溪县职业中专", "责任")}
    assert _duties(POINTS, "建设3个县级骨干专业") == {("棠溪县教育局职成股", "牵头"), ("棠溪县职业中专", "配合")}
    assert _duties(POINTS, "加强学生资助") == {("棠溪县教育局计财股", "责任"), ("棠溪县学生资助管理中心", "责任")}
    assert _duties(POINTS, "培训专业教师") == {("棠溪县教育局人事股", "牵头"), ("棠溪县财政局", "配合")}


def test_a_news_headline_or_an_unsigned_page_is_no_document():
    news = ("我县出台职业教育提质实施方案\n发布时间：2033-03-01　来源：县融媒体中心\n"
            "近日，县政府出台实施方案，提出建设3个实训基地。\n棠溪县教育局\n2033年3月1日\n")
    unsigned = ("棠溪县职业教育提质实施方案\n发布时间：2033-03-01　来源：县教育局\n"
                "为推进职业教育发展，制定本方案。\n一、建设实训基地。建成实训基地3个。\n")
    assert _segs(news) == () and _segs(unsigned) == ()


PLACE_TITLED = ("澜城市栎阳区技工教育提质三年行动计划（2033—2035年）\n"
                "信息来源：栎阳区人力资源和社会保障局　发布日期：2033-01-10　浏览次数：210\n"
                "为落实《霁川省人力资源和社会保障厅关于推进技工教育提质的通知》（霁人社发〔2032〕8号）精神，制定本计划。\n"
                "一、行动目标\n力争到2035年，全区技工院校在校生达到6000人，建成区级实训基地4个。\n"
                "二、重点行动\n"
                "（一）技工院校扩容行动。推动区技工学校新建实训楼。\n"
                "牵头单位：区人社局（区职业培训中心）\n"
                "配合单位：区财政局、区委组织部（区委人才办）\n"
                "（二）校企合作深化行动。每年新增合作企业20家。\n"
                "责任单位：区人社局、各街道办事处\n"
                "栎阳区人力资源和社会保障局\n2033年1月8日\n")


def test_a_title_opening_with_its_place_and_labelled_lines_after_each_action():
    segs = _segs(PLACE_TITLED)
    assert [(s.key, [n for n, _, _ in s.issuers]) for s in segs] == [
        (segs[0].key, ["栎阳区人力资源和社会保障局"])] and segs[0].title.startswith("澜城市栎阳区")
    assert ("澜城市栎阳区技工教育提质三年行动计划（2033—2035年）", "霁人社发〔2032〕8号") in _pairs(PLACE_TITLED, "IMPLEMENTS")
    assert _duties(PLACE_TITLED, "技工院校扩容行动") == {
        ("栎阳区人社局", "牵头"), ("栎阳区财政局", "配合"), ("栎阳区委组织部", "配合")}
    assert _duties(PLACE_TITLED, "校企合作深化行动") == {("栎阳区人社局", "责任"), ("各街道办事处", "责任")}


# ---- a notice whose number is in a furniture line, under a breadcrumb -----------------------
WEB_NOTICE = ("当前位置：首页 > 政务公开 > 通知公告\n"
              "霁川省教育厅关于印发《2033年全省职业教育工作要点》的通知\n"
              "发文字号：霁教函〔2033〕5号　　发布日期：2033-02-10　　来源：职成处　　浏览量：88\n"
              "分享到：微信 微博\n"
              "各市（州）教育局，各高等职业院校：\n"
              "现将《2033年全省职业教育工作要点》印发给你们，请认真落实。\n"
              "霁川省教育厅\n2033年2月8日\n"
              "2033年全省职业教育工作要点\n"
              "2033年，全省职业教育工作要深入落实《霁川省职业教育发展规划》，力争全年新增省级示范专业20个。\n"
              "一、深化产教融合\n"
              "（一）建设产教联合体。年内组建联合体8个。（职成处牵头，发展规划处、财务处配合）\n"
              "（二）办好技能大赛。组织全省职业院校技能大赛。（职成处、新闻宣传中心负责，各市（州）教育局配合）\n"
              "（三）落实资助政策。确保资金及时发放。（财务处牵头，省学生资助管理中心具体负责）\n"
              "二、加强组织实施\n"
              "各市（州）教育局要细化落实措施，确保各项工作落到实处。\n")


def test_a_breadcrumb_the_number_in_a_furniture_line_and_a_share_line():
    segs = _segs(WEB_NOTICE)
    assert [(s.number, s.title, [n for n, _, _ in s.issuers]) for s in segs] == [
        ("霁教函〔2033〕5号", "霁川省教育厅关于印发《2033年全省职业教育工作要点》的通知", ["霁川省教育厅"])]
    targets = [f.target.properties for f in _facts(WEB_NOTICE, "HAS_TARGET")]
    assert [(t["year"], t["quantity"]) for t in targets] == [(2033, 20)]


def test_the_issuers_own_divisions_written_bare():
    assert _duties(WEB_NOTICE, "建设产教联合体") == {
        ("霁川省教育厅职成处", "牵头"), ("霁川省教育厅发展规划处", "配合"), ("霁川省教育厅财务处", "配合")}
    assert _duties(WEB_NOTICE, "办好技能大赛") == {
        ("霁川省教育厅职成处", "责任"), ("霁川省教育厅新闻宣传中心", "责任"), ("各市(州)教育局", "配合")}
    assert _duties(WEB_NOTICE, "落实资助政策") == {("霁川省教育厅财务处", "牵头"), ("霁川省学生资助管理中心", "责任")}
    # an office issuing for its body: the divisions are the body's
    places = {"省": "霁川省", "issuer": "霁川省教育厅办公室"}
    assert agency_name("职成处", places) == "霁川省教育厅职成处"
    assert agency_name("职成处", {"省": "霁川省"}) == "职成处"  # no one issuer: left as written


def test_a_closing_section_of_organisation_is_no_measure():
    measures = [f.target.name for f in _facts(WEB_NOTICE, "HAS_MEASURE")]
    assert not any(m.startswith("加强组织实施") for m in measures)


# ---- a 转发 notice with a misprinted number ---------------------------------------------------
FORWARD = ("霁川省人力资源和社会保障厅 霁川省教育厅\n"
           "关于转发《技工院校评价改革方案（2032—2035年）》的通知\n"
           "霁人社发〔20329号\n"
           "各市人力资源社会保障局、教育局：\n"
           "现将人力资源社会保障部、教育部《关于印发〈技工院校评价改革方案（2032—2035年）〉的通知》"
           "（人社部发〔2032〕17号）转发给你们，请一并贯彻执行。\n"
           "一、明确工作目标。到2034年，全省技工院校达到120所。\n"
           "二、抓好重点工作。一是扩大企业评价，省人社厅职业能力建设处牵头，各市人力资源社会保障局具体负责；"
           "二是开展学生评价试点，由省教育厅职成处负责，省人社厅配合；三是建设评价服务平台，省人社厅信息中心负责，"
           "2033年底前上线运行。\n"
           "霁川省人力资源和社会保障厅　　霁川省教育厅\n2032年10月9日\n")


def test_a_misprinted_number_is_named_as_it_should_read():
    assert repair_number("霁人社发〔20329号") == "霁人社发〔2032〕9号"
    assert repair_number("霁人社发[2032]9号") == "霁人社发[2032]9号"
    assert [s.number for s in _segs(FORWARD)] == ["霁人社发〔2032〕9号"]


def test_a_number_that_lost_its_opening_bracket_is_read_and_repaired():
    assert repair_number("霁教发2034〕8号") == "霁教发〔2034〕8号"
    assert repair_number("霁教发2034]8号") == "霁教发[2034]8号"
    text = FORWARD.replace("霁人社发〔20329号", "霁人社发2032〕9号")
    assert [s.number for s in _segs(text)] == ["霁人社发〔2032〕9号"]
    from ingest.policy_text import find_numbers
    assert find_numbers("到2034年建成20所，2034〕年") == []  # a bracket alone is no number


def test_a_forward_notice_implements_the_notice_it_forwards_not_the_plan_in_its_title():
    implements = {t for s, t in _pairs(FORWARD, "IMPLEMENTS") if s == "霁人社发〔2032〕9号"}
    assert implements == {"人社部发〔2032〕17号"}


def test_duties_in_every_listed_clause():
    assert _duties(FORWARD, "扩大企业评价") == {("霁川省人社厅职业能力建设处", "牵头"), ("各市人力资源社会保障局", "责任")}
    assert _duties(FORWARD, "开展学生评价试点") == {("霁川省教育厅职成处", "责任"), ("霁川省人社厅", "配合")}
    assert _duties(FORWARD, "建设评价服务平台") == {("霁川省人社厅信息中心", "责任")}


# ---- duties in words after a task -------------------------------------------------------------
OPINION = ("澜城市人民政府关于加快技能培训的意见\n澜政发〔2033〕4号\n各县（市、区）人民政府，市政府各部门：\n"
           "现提出如下意见。\n"
           "第一，扩大企业职工培训。对取得证书的职工给予补贴。由市人社局负责，市财政局、市总工会配合。\n"
           "第二，严格资金监管。严厉打击骗取补贴行为。〔责任单位：市财政局、市审计局〕\n"
           "第三，打造技能品牌。开展“澜城工匠”评选。市总工会、市人社局负责，市住建局、市公安局等配合。\n"
           "澜城市人民政府\n2033年5月6日\n")


def test_owner_and_helpers_in_words_and_a_tortoise_shell_bracket():
    assert _duties(OPINION, "扩大企业职工培训") == {
        ("澜城市人社局", "责任"), ("澜城市财政局", "配合"), ("澜城市总工会", "配合")}
    assert _duties(OPINION, "严格资金监管") == {("澜城市财政局", "责任"), ("澜城市审计局", "责任")}
    assert _duties(OPINION, "打造技能品牌") == {
        ("澜城市总工会", "责任"), ("澜城市人社局", "责任"), ("澜城市住建局", "配合"), ("澜城市公安局", "配合")}


def test_a_sentence_that_only_mentions_a_duty_states_none():
    text = ("澜城市教育局关于做好招生工作的通知\n澜教发〔2033〕2号\n各县（市、区）教育局：\n"
            "一、加强宣传。各学校主要负责同志要亲自抓，明确专人负责。\n澜城市教育局\n2033年3月1日\n")
    assert _roles(text) == set()


# ---- a task table with the department column last -------------------------------------------
TABLE = ("栎阳区教育局关于印发栎阳区职业教育质量年活动方案的通知\n栎教发〔2033〕3号\n各中等职业学校：\n"
         "现将《栎阳区职业教育质量年活动方案》印发给你们，请认真组织实施。\n栎阳区教育局\n2033年3月2日\n"
         "栎阳区职业教育质量年活动方案\n"
         "| 序号 | 重点工作 | 目标要求 | 完成时限 | 责任单位 |\n"
         "| --- | --- | --- | --- | --- |\n"
         "| 1 | 开展质量诊断 | 全面建立质量保证体系 | 2033年9月 | 区教育局职成股（牵头）、各中职学校 |\n"
         "| 2 | 举办技能竞赛 | 参赛覆盖率达到60% | 2033年5月 | 区教育局职成股 |\n")


def test_a_table_of_key_works_with_the_department_column_last():
    measures = {f.target.name for f in _facts(TABLE, "HAS_MEASURE")}
    assert measures == {"开展质量诊断", "举办技能竞赛"}
    assert {(s, r) for s, t, r in _roles(TABLE) if t == "开展质量诊断"} == {
        ("栎阳区教育局职成股", "牵头"), ("各中职学校", "责任")}


# ---- names of parties -------------------------------------------------------------------------
def test_party_and_league_committees_and_bracketed_units():
    places = {"市": "澜城市"}
    assert split_departments("市委组织部（市委人才办）、各县（市、区）党委和政府") == [
        "市委组织部(市委人才办)", "各县(市、区)党委和政府"]
    assert split_departments("市教育局和市财政局") == ["市教育局", "市财政局"]
    assert agency_name("团市委", places) == "共青团澜城市委"
    assert canonical_agency("共青团澜城市委") == canonical_agency("团市委", places)
    text = ("中共澜城市委办公室 澜城市人民政府办公室\n印发《澜城市技能人才行动计划》的通知\n澜委办发〔2033〕6号\n"
            "各县（市、区）党委和人民政府：\n现将《澜城市技能人才行动计划》印发给你们。\n"
            "中共澜城市委办公室\n澜城市人民政府办公室\n2033年4月2日\n澜城市技能人才行动计划\n二、主要任务\n"
            "1.实施人才引育工程。每年引进高技能人才300名。\n"
            "责任单位：市委组织部（市委人才办）、市人社局，各县（市、区）党委和政府\n"
            "2.实施技能竞赛工程。每年举办技能大赛。\n责任单位：市人社局、团市委\n")
    assert _duties(text, "实施人才引育工程") == {
        ("澜城市委组织部", "责任"), ("澜城市人社局", "责任"), ("各县(市、区)党委和政府", "责任")}
    assert _duties(text, "实施技能竞赛工程") == {("澜城市人社局", "责任"), ("共青团澜城市委", "责任")}


# ---- variants of the shapes above, written after them ---------------------------------------
def test_a_year_plan_titled_by_its_body_with_its_date_in_brackets_below():
    text = ("澜城市教育局2034年职业教育工作要点\n（2034年1月5日）\n"
            "2034年，全市职业教育工作要全面落实《霁川省职业教育改革实施方案》（霁政发〔2033〕2号）精神。\n"
            "一、主要任务\n"
            "（一）优化专业布局。一是新增专业点10个，市教育局职成处负责；二是撤并专业点5个，各县（市、区）教育局具体落实。\n"
            "（二）加强师资建设。引进企业兼职教师200名（责任单位：市教育局人事处（牵头）、市人社局）\n")
    segs = _segs(text)
    assert [(s.title, [n for n, _, _ in s.issuers], s.date) for s in segs] == [
        ("澜城市教育局2034年职业教育工作要点", ["澜城市教育局"], "2034-01-05")]
    assert _duties(text, "撤并专业点5个") == {("各县（市、区）教育局", "责任")}
    assert _duties(text, "加强师资建设") == {("澜城市教育局人事处", "牵头"), ("澜城市人社局", "责任")}


def test_a_title_wrapped_over_two_lines_under_a_breadcrumb():
    text = ("首页 > 信息公开 > 规划计划\n霁川省教育厅 霁川省财政厅关于推进\n中等职业学校达标建设的实施方案\n"
            "发布日期：2034-03-01　信息来源：霁川省教育厅　阅读次数：1200\n各市（州）教育局、财政局：\n"
            "二、重点任务\n1.实施设备更新工程。更新实训设备。由省财政厅牵头负责，省教育厅协助。\n"
            "2.实施教师培训工程。培训教师5000人次。省教育厅教师处牵头，各市（州）教育局分工落实。\n"
            "霁川省教育厅　　霁川省财政厅\n2034年2月26日\n")
    segs = _segs(text)
    assert [(s.title, [n for n, _, _ in s.issuers]) for s in segs] == [
        ("霁川省教育厅 霁川省财政厅关于推进中等职业学校达标建设的实施方案", ["霁川省教育厅", "霁川省财政厅"])]
    assert _duties(text, "实施设备更新工程") == {("霁川省财政厅", "牵头"), ("霁川省教育厅", "配合")}
    assert _duties(text, "实施教师培训工程") == {("霁川省教育厅教师处", "牵头"), ("各市（州）教育局", "配合")}


def test_led_together_with_and_an_implementing_units_column():
    text = ("澜城市人力资源和社会保障局关于做好技工院校招生工作的通知\n澜人社发〔2034〕21号\n各技工院校：\n"
            "一、录取管理。实行网上录取，由市人社局会同市教育局统一组织。\n"
            "二、任务安排\n序号\t工作任务\t实施单位\t完成时间\n1\t开展招生宣传\t市人社局、各技工院校\t2034年6月\n"
            "澜城市人力资源和社会保障局\n2034年5月1日\n")
    assert _duties(text, "录取管理") == {("澜城市人社局", "牵头"), ("澜城市教育局", "配合")}
    assert _duties(text, "开展招生宣传") == {("澜城市人社局", "责任"), ("各技工院校", "责任")}


def test_a_task_table_without_a_number_column():
    text = ("棠溪县人民政府办公室关于印发棠溪县职教提质工作方案的通知\n棠政办发〔2034〕6号\n各乡（镇）人民政府：\n"
            "现将《棠溪县职教提质工作方案》印发给你们，请认真贯彻落实。\n棠溪县人民政府办公室\n2034年3月3日\n"
            "棠溪县职教提质工作方案\n为推进职业教育提质，制定本方案。\n"
            "| 重点任务 | 责任单位 | 完成时限 |\n| --- | --- | --- |\n"
            "| 新建县职教中心实训楼 | 县教育局（牵头）、县发改局 | 2035年底 |\n"
            "| 开展订单式培养 | 县人社局、县职教中心 | 长期 |\n")
    assert {f.target.name for f in _facts(text, "HAS_MEASURE")} == {"新建县职教中心实训楼", "开展订单式培养"}
    assert _duties(text, "开展订单式培养") == {("棠溪县人社局", "责任"), ("棠溪县职教中心", "责任")}


def test_a_title_with_the_pages_furniture_above_it():
    text = ("发布时间：2034-04-02　来源：县教育局\n棠溪县中职学校专业建设实施方案\n"
            "一、建设任务\n（一）建设骨干专业。建成骨干专业3个。（县教育局负责）\n棠溪县教育局\n2034年4月1日\n")
    assert [(s.title, [n for n, _, _ in s.issuers]) for s in _segs(text)] == [
        ("棠溪县中职学校专业建设实施方案", ["棠溪县教育局"])]


def test_a_duty_closing_a_listed_item_is_every_listed_tasks_unless_one_states_its_own():
    text = ("澜城市教育局关于推进专业建设的通知\n澜教发〔2034〕8号\n各职业院校：\n一、重点工作\n"
            "（一）加强专业建设。一是建设市级骨干专业10个；二是遴选精品课程30门。（市教育局职成处负责，各职业院校配合）\n"
            "（二）加强教师培训。一是培训骨干教师200人，由市教育局人事处负责；二是组织教师企业实践。\n"
            "澜城市教育局\n2034年4月1日\n")
    both = {("澜城市教育局职成处", "责任"), ("各职业院校", "配合")}
    assert _duties(text, "建设市级骨干专业10个") == both and _duties(text, "遴选精品课程30门") == both
    assert _duties(text, "培训骨干教师200人") == {("澜城市教育局人事处", "责任")}
    assert _duties(text, "组织教师企业实践") == set()  # the duty inside the first task's clause is its own


def test_the_issuers_line_above_a_title_over_the_number():
    text = ("霁川省人力资源和社会保障厅 霁川省教育厅\n关于做好技工院校招生工作的通知\n霁人社发〔2034〕3号\n"
            "各市人力资源社会保障局：\n现就有关事项通知如下。\n")
    assert [(s.title, [n for n, _, _ in s.issuers]) for s in _segs(text)] == [
        ("霁川省人力资源和社会保障厅 霁川省教育厅关于做好技工院校招生工作的通知",
         ["霁川省人力资源和社会保障厅", "霁川省教育厅"])]


def test_a_listed_task_on_each_line_under_a_heading():
    text = ("棠溪县人力资源和社会保障局关于做好职业技能培训工作的通知\n棠人社〔2034〕4号\n各乡（镇）人民政府：\n"
            "二、重点任务\n一是开展农民工技能培训，由县人社局牵头，各乡（镇）人民政府配合。\n"
            "二是开展企业职工岗位培训，县人社局、县总工会负责。\n三是开展新型职业农民培训，县农业农村局负责。\n"
            "三、工作要求\n各单位要高度重视。\n棠溪县人力资源和社会保障局\n2034年2月1日\n")
    assert {f.target.name for f in _facts(text, "HAS_MEASURE")} == {
        "开展农民工技能培训", "开展企业职工岗位培训", "开展新型职业农民培训"}
    assert _duties(text, "开展企业职工岗位培训") == {("棠溪县人社局", "责任"), ("棠溪县总工会", "责任")}
    assert _duties(text, "开展新型职业农民培训") == {("棠溪县农业农村局", "责任")}


def test_bracketed_label_lines_under_each_task():
    text = ("澜城市教育局关于推进专业建设的通知\n澜教发〔2034〕8号\n各职业院校：\n"
            "（一）建设骨干专业。建成市级骨干专业10个。\n（责任单位：市教育局职成处、各职业院校）\n"
            "（二）遴选精品课程。遴选精品课程30门。\n【牵头单位：市教育局职成处；配合单位：市电教馆】\n"
            "（三）培训骨干教师。培训教师200人。\n（市教育局人事处牵头，市财政局配合）\n澜城市教育局\n2034年4月1日\n")
    assert _segs(text)[0].date == "2034-04-01"  # a 【label：…】 line is no break of the text
    assert _duties(text, "建设骨干专业") == {("澜城市教育局职成处", "责任"), ("各职业院校", "责任")}
    assert _duties(text, "遴选精品课程") == {("澜城市教育局职成处", "牵头"), ("澜城市电教馆", "配合")}
    assert _duties(text, "培训骨干教师") == {("澜城市教育局人事处", "牵头"), ("澜城市财政局", "配合")}


def test_a_group_heading_written_as_a_sentence_and_a_goal_counted_within_another():
    text = ("汀川市人民政府办公室关于印发汀川市技能人才振兴计划的通知\n汀政办发〔2034〕22号\n各区人民政府：\n"
            "现将《汀川市技能人才振兴计划》印发给你们，请认真贯彻执行。\n汀川市人民政府办公室\n2034年8月1日\n"
            "汀川市技能人才振兴计划\n一、工作目标\n到“十五五”末，全市技能人才总量达到120万人，其中高技能人才40万人。\n"
            "二、重点任务\n（一）实施技能提升行动。\n1.开展企业职工培训。每年培训企业职工5万人次。（市人社局、市总工会负责）\n"
            "2.开展重点群体培训。每年培训农民工3万人次。（市人社局负责）\n")
    measures = {f.target.name: f.target.properties for f in _facts(text, "HAS_MEASURE")}
    assert set(measures) == {"开展企业职工培训", "开展重点群体培训"}
    assert measures["开展企业职工培训"]["group"] == "实施技能提升行动"
    assert {f.target.name for f in _facts(text, "HAS_TARGET")} == {
        "到2030年，全市技能人才总量达到120万人", "到2030年，高技能人才40万人"}


def test_an_annexed_division_table_with_divisions_and_a_co_organiser_column():
    text = ("汀川市教育局关于印发《汀川市职业教育提质行动计划》的通知\n汀教发〔2034〕30号\n各区教育局：\n"
            "现将《汀川市职业教育提质行动计划》印发给你们，请认真抓好落实。\n汀川市教育局\n2034年9月1日\n附件\n"
            "汀川市职业教育提质行动计划重点任务分工表\n序号\t主要任务\t责任处室\t协办单位\t完成时间\n"
            "1\t建设高水平专业群10个\t职成处\t发展规划处\t2036年\n")
    assert _duties(text, "建设高水平专业群10个") == {("汀川市教育局职成处", "责任"), ("汀川市教育局发展规划处", "配合")}


def test_led_and_responsible_at_once_and_helpers_named_with_their_kind():
    text = ("澜城市教育局关于推进专业建设的通知\n澜教发〔2034〕8号\n各职业院校：\n"
            "（一）建设实训基地。建成实训基地5个。\n（市教育局牵头负责）\n"
            "（二）建设骨干专业。建成骨干专业3个，市教育局牵头，市财政局等部门按职责分工落实。\n"
            "澜城市教育局\n2034年4月1日\n")
    assert _duties(text, "建设实训基地") == {("澜城市教育局", "牵头")}
    assert _duties(text, "建设骨干专业") == {("澜城市教育局", "牵头"), ("澜城市财政局", "配合")}


def test_goals_listed_after_a_colon_and_a_lead_that_also_sees_it_done():
    text = ("霁川省人民政府关于加快建设技能型社会的意见\n霁政发〔2034〕9号\n各市（州）人民政府：\n一、主要目标\n"
            "到2030年，技能型社会建设取得明显进展：全省技能人才总量达到800万人；职业院校毕业生就业率保持在95%左右。\n"
            "二、重点任务\n（一）完善职业教育体系。每个市（州）建好1所高职院校。（省教育厅牵头，各市（州）人民政府负责落实）\n"
            "霁川省人民政府\n2034年3月12日\n")
    targets = {f.target.name: f.target.properties["year"] for f in _facts(text, "HAS_TARGET")}
    assert targets == {"到2030年，全省技能人才总量达到800万人": 2030, "到2030年，职业院校毕业生就业率保持在95%左右": 2030}
    assert _duties(text, "完善职业教育体系") == {("霁川省教育厅", "牵头"), ("各市(州)人民政府", "责任")}


def test_collectives_of_enterprises_and_units_of_a_place_carry_tasks():
    from ingest.policy_parties import is_party
    assert is_party("相关企业") and is_party("有关高校") and is_party("澜城市中心支行")
    assert not is_party("龙头企业")  # a kind of enterprise, not the parties of a task


def test_a_second_list_labelled_by_its_role_word_alone():
    """【责任科室：…；协同：…】: the bare role word labels the second list; it is not part of a name."""
    from ingest.policy_parties import STATED_RESPONSIBLE, stated_roles
    m = STATED_RESPONSIBLE.search("三是共建实训基地。【责任科室：职教科；协同：各县（区）教育局、市直各职业院校】")
    assert stated_roles(m) == [("职教科", "责任"), ("各县(区)教育局", "配合"), ("市直各职业院校", "配合")]
    m = STATED_RESPONSIBLE.search("（牵头单位：市教育局；配合：市财政局）")
    assert stated_roles(m) == [("市教育局", "牵头"), ("市财政局", "配合")]
