// The search page: asks /ask and shows each answer with its type, score, path and evidence.
// Plain DOM code (no framework, no build step, nothing loaded from outside this server).
// Text from the graph is always inserted with textContent, never as HTML.
"use strict";

const form = document.getElementById("ask-form");
const input = document.getElementById("question");
const topSelect = document.getElementById("top");
const statusBox = document.getElementById("status");
const interpretationBox = document.getElementById("interpretation");
const answersList = document.getElementById("answers");
const EVIDENCE_PER_ANSWER = 3;
const nameCache = new Map();

function el(tag, attrs, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (k === "class") node.className = v; else node.setAttribute(k, v);
  }
  for (const c of children) node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return node;
}

function setStatus(text, isError) {
  statusBox.textContent = text;
  statusBox.className = isError ? "error" : "";
}

async function getJSON(url) {
  const response = await fetch(url, {headers: {Accept: "application/json"}});
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const message = body.error ? body.error.message : response.statusText;
    throw new Error(message);
  }
  return body;
}

// Path endpoints are names, or node ids (Type-<12 hex>) that are looked up once each.
const NODE_ID = /^[A-Za-z]+-[0-9a-f]{12}$/;

async function nodeName(id) {
  if (!NODE_ID.test(id)) return id;
  if (!nameCache.has(id)) {
    nameCache.set(id, getJSON("/entities/" + encodeURIComponent(id))
      .then((d) => d.node.name).catch(() => id));
  }
  return nameCache.get(id);
}

const collapse = (s) => s.replace(/\s+/g, " ");

async function renderEvidence(ev, item) {
  const docLabel = el("span", {class: "doc"}, `${ev.doc} [${ev.start}:${ev.end}]`);
  try {
    const c = await getJSON(`/documents/${encodeURIComponent(ev.doc)}/context?start=${ev.start}&end=${ev.end}`);
    if (c.row) { item.replaceChildren(renderRow(c.row), docLabel); return; }
    item.replaceChildren(
      collapse(c.context.slice(0, c.highlight_start)),
      el("mark", {}, collapse(c.context.slice(c.highlight_start, c.highlight_end))),
      collapse(c.context.slice(c.highlight_end)),
      docLabel);
  } catch (err) {
    item.replaceChildren(el("mark", {}, collapse(ev.quote)), docLabel);
  }
}

// A quote from a table is shown as its row: the cells under the table's header (and caption).
function renderRow(row) {
  const table = el("table", {class: "evidence-row"});
  if (row.caption) table.append(el("caption", {}, row.caption));
  if (row.header) table.append(el("tr", {}, ...row.header.map((h) => el("th", {}, h))));
  table.append(el("tr", {}, ...row.cells.map((c) => el("td", {}, el("mark", {}, c)))));
  return table;
}

async function renderPath(path, box) {
  if (!path || !path.length) return;
  const parts = [];
  for (const step of path) {
    const [source, target] = await Promise.all([nodeName(step.source), nodeName(step.target)]);
    if (!parts.length) parts.push(source);
    parts.push(el("span", {class: "rel"}, ` —${step.type}→ `), target);
  }
  box.replaceChildren("路径 path: ", ...parts);
}

function renderAnswer(answer) {
  const vizLink = el("a", {class: "answer-name", href: "/viz/" + encodeURIComponent(answer.id),
                           target: "_blank", title: "partner network"}, answer.name);
  const score = typeof answer.score === "number" ? answer.score.toFixed(3) : answer.score;
  const head = el("div", {class: "answer-head"}, vizLink, el("span", {class: "badge"}, answer.type),
                  el("span", {class: "score"}, "score " + score),
                  el("a", {class: "viz-link", href: "/viz/" + encodeURIComponent(answer.id),
                           target: "_blank"}, "网络图 network"));
  const pathBox = el("div", {class: "path"});
  const evidenceList = el("ul", {class: "evidence"});
  for (const ev of (answer.evidence || []).slice(0, EVIDENCE_PER_ANSWER)) {
    const item = el("li", {}, el("mark", {}, collapse(ev.quote)));
    evidenceList.append(item);
    renderEvidence(ev, item);
  }
  renderPath(answer.path, pathBox);
  return el("li", {class: "answer", "data-id": answer.id}, head, pathBox, evidenceList);
}

function renderInterpretation(interp) {
  interpretationBox.replaceChildren();
  if (!interp) return;
  const parts = [];
  for (const key of ["answer_type", "relation", "region", "industry"]) {
    if (interp[key]) parts.push(el("span", {}, `${key}: `, el("code", {}, interp[key]), "  "));
  }
  const entities = (interp.entities || []).map((e) => (typeof e === "string" ? e : e.name || e.id));
  if (entities.length) parts.push(el("span", {}, "entities: ", el("code", {}, entities.join("、"))));
  // A name read loosely says so ("read 东川职教联萌 as 东川职业教育联盟").
  for (const e of interp.entities || []) {
    if (e.read_as) parts.push(el("span", {class: "read-as"}, " · " + e.read_as));
  }
  if (parts.length) interpretationBox.append("理解 interpretation — ", ...parts);
  for (const u of interp.unknown || []) {
    const line = el("div", {class: "unknown"}, `未知名称 unknown name: ${u.mention}`);
    if (u.suggestions && u.suggestions.length) line.append(` — 您是否要找 did you mean: ${u.suggestions.join("、")}`);
    interpretationBox.append(line);
  }
}

async function ask(question) {
  answersList.replaceChildren();
  interpretationBox.replaceChildren();
  setStatus("查询中… searching");
  try {
    const top = topSelect.value;
    const data = await getJSON(`/ask?q=${encodeURIComponent(question)}&top=${top}`);
    renderInterpretation(data.interpretation);
    const answers = data.answers || [];
    setStatus(answers.length ? `${answers.length} 个答案 answers` : "没有找到答案 No answer found");
    for (const a of answers) answersList.append(renderAnswer(a));
    document.body.dataset.state = "answered";
  } catch (err) {
    setStatus("出错 Error: " + err.message, true);
    document.body.dataset.state = "error";
  }
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  const q = input.value.trim();
  if (!q) return;
  history.replaceState(null, "", "?q=" + encodeURIComponent(q));
  ask(q);
});

for (const link of document.querySelectorAll(".examples a")) {
  link.addEventListener("click", (event) => {
    event.preventDefault();
    input.value = link.dataset.q;
    form.requestSubmit();
  });
}

const initial = new URLSearchParams(location.search).get("q");
if (initial) { input.value = initial; ask(initial); }
