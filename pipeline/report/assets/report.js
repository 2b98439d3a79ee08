// newsclaims report: the claims table (filter, sort, pages), the article views (which one
// shows, the side panel). All text goes in through textContent, never as markup.
(() => {
  "use strict";
  const data = JSON.parse(document.getElementById("nc-data").textContent);
  const claims = data.claims;
  const col = Object.fromEntries(claims.columns.map((c, i) => [c, i]));
  const byId = new Map(claims.rows.map((r) => [r[col.claim_id], r]));
  const entities = data.entities || {};
  const plainNumber = new Intl.NumberFormat("en", { maximumSignificantDigits: 6 });
  const bigNumber = new Intl.NumberFormat("en", { notation: "compact", compactDisplay: "long", maximumSignificantDigits: 4 });
  const number = { format: (v) => (Math.abs(v) >= 1e6 ? bigNumber : plainNumber).format(v) };

  const el = (tag, props = {}, ...children) => {
    const node = Object.assign(document.createElement(tag), props);
    for (const child of children) node.append(child);
    return node;
  };
  const shown = (v) => (v === null || v === undefined ? "" : String(v));
  const amount = (r) => {
    if (r[col.value] === null) return "";
    const mod = r[col.modifier] && r[col.modifier] !== "=" ? r[col.modifier] + " " : "";
    return mod + number.format(r[col.value]);
  };
  const figure = (r) => amount(r) + (amount(r) && r[col.unit] ? " " + r[col.unit] : "");

  // -- the claims table ----------------------------------------------------------------
  const table = document.getElementById("claims-table");
  if (table) {
    const PAGE = 50;
    const tbody = table.querySelector("tbody");
    const heads = [...table.querySelectorAll("th[data-sort]")];
    const shownCols = heads.map((th) => th.dataset.sort);
    const filters = [...document.querySelectorAll("[data-filter]")];
    const info = document.querySelector(".page-info");
    const state = { sort: null, dir: 1, page: 0, rows: claims.rows };

    for (const select of filters.filter((f) => f.tagName === "SELECT")) {
      const values = [...new Set(claims.rows.map((r) => r[col[select.dataset.filter]]))]
        .filter((v) => v !== null).sort();
      for (const v of values) select.append(el("option", { value: v, textContent: v }));
    }

    const cell = (r, c) => {
      const td = el("td", { className: c === "content" || c === "doc_id" ? c.replace("_id", "") : "" });
      const value = r[col[c]];
      if (c === "doc_id") {
        const anchor = claims.anchors[value];
        if (anchor) td.append(el("a", { href: "#" + anchor, textContent: value }));
        else td.append(shown(value), el("span", { className: "not-included", textContent: "article not included" }));
      } else if (c === "content") {
        const text = shown(value) || shown(r[col.value_text]);
        if (claims.anchors[r[col.doc_id]]) td.append(el("a", { href: "#claim-" + r[col.claim_id], textContent: text }));
        else td.append(text);
      } else if (c === "value") {
        td.textContent = amount(r);
      } else if (c === "stance") {
        td.textContent = shown(value);
        if (value) td.className = "stance-" + value;
      } else td.textContent = shown(value);
      return td;
    };

    const compare = (a, b) => {
      const x = a[col[state.sort]], y = b[col[state.sort]];
      if (x === y) return 0;
      if (x === null) return 1;
      if (y === null) return -1;
      return (typeof x === "number" ? x - y : String(x).localeCompare(String(y))) * state.dir;
    };

    const apply = () => {
      const wanted = filters.map((f) => [col[f.dataset.filter], f.value.trim().toLowerCase(), f.tagName === "SELECT"])
        .filter(([, v]) => v);
      let rows = claims.rows.filter((r) => wanted.every(([i, v, exact]) => {
        const cellValue = shown(r[i]).toLowerCase();
        return exact ? cellValue === v : cellValue.includes(v);
      }));
      if (state.sort) rows = rows.slice().sort(compare);
      state.rows = rows;
      state.page = Math.min(state.page, Math.max(0, Math.ceil(rows.length / PAGE) - 1));
      render();
    };

    const render = () => {
      const start = state.page * PAGE;
      const page = state.rows.slice(start, start + PAGE);
      tbody.replaceChildren(...page.map((r) => el("tr", {}, ...shownCols.map((c) => cell(r, c)))));
      info.textContent = state.rows.length
        ? `rows ${start + 1}–${start + page.length} of ${state.rows.length}`
        : "no claim matches";
    };

    for (const f of filters) f.addEventListener("input", () => { state.page = 0; apply(); });
    for (const th of heads) {
      const sort = () => {
        state.dir = state.sort === th.dataset.sort ? -state.dir : 1;
        state.sort = th.dataset.sort;
        for (const h of heads) h.setAttribute("aria-sort", "none");
        th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
        apply();
      };
      th.addEventListener("click", sort);
      th.addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
    }
    for (const button of document.querySelectorAll("[data-page]")) {
      button.addEventListener("click", () => {
        const last = Math.max(0, Math.ceil(state.rows.length / PAGE) - 1);
        state.page = Math.min(last, Math.max(0, state.page + Number(button.dataset.page)));
        render();
      });
    }
    apply();
  }

  // -- the article views ---------------------------------------------------------------
  const articles = [...document.querySelectorAll("article.article")];
  const show = (article) => { for (const a of articles) a.hidden = a !== article; };

  const fields = (pairs) => {
    const dl = el("dl");
    for (const [k, v] of pairs) if (shown(v)) dl.append(el("dt", { textContent: k }), el("dd", { textContent: shown(v) }));
    return dl;
  };
  const claimFields = (r) => r[col.claim_type] === "figure"
    ? [["figure", r[col.value_text] || r[col.content]], ["value", figure(r)], ["time", r[col.time]],
       ["whose", r[col.subject]], ["verb", r[col.predicate]], ["measures", r[col.target]],
       ["confidence", r[col.confidence]], ["claim id", r[col.claim_id]], ["extractor", r[col.extractor]]]
    : [["source", r[col.subject]], ["cue", r[col.predicate]], ["target", r[col.target]],
       ["stance", r[col.stance]], ["content", r[col.content]], ["quote", r[col.quote]],
       ["confidence", r[col.confidence]], ["claim id", r[col.claim_id]], ["extractor", r[col.extractor]]];

  // The hovered mark and the marks around it, innermost first, each row once.
  const describe = (mark) => {
    const parts = [];
    const seen = new Set();
    for (let m = mark; m && m.matches("mark[data-role]"); m = m.parentElement.closest("mark[data-role]")) {
      if (m.dataset.entityId) {
        for (const id of m.dataset.entityId.split(" ")) {
          if (seen.has(id)) continue;
          seen.add(id);
          const [canonical, label] = entities[id] || [];
          parts.push(el("h4", { textContent: "entity: " + m.textContent }),
                     fields([["canonical", canonical], ["label", label], ["entity id", id]]));
        }
      }
      for (const id of (m.dataset.claimId || "").split(" ").filter(Boolean)) {
        if (seen.has(id)) continue;
        seen.add(id);
        const row = byId.get(id);
        parts.push(el("h4", { textContent: m.dataset.role + (row ? " · " + row[col.claim_type] : "") }),
                   row ? fields(claimFields(row)) : el("p", { textContent: m.title }));
      }
    }
    return parts;
  };

  let pinned = null;
  const light = (mark, on) => {
    const article = mark.closest("article");
    for (const id of (mark.dataset.claimId || "").split(" ").filter(Boolean)) {
      for (const m of article.querySelectorAll(`mark[data-claim-id~="${CSS.escape(id)}"]`)) m.classList.toggle("lit", on);
    }
  };
  const explain = (mark) => {
    const panel = mark.closest("article").querySelector(".panel");
    if (panel) panel.replaceChildren(...describe(mark));
  };
  const pin = (mark) => {
    if (pinned) { pinned.classList.remove("pinned"); light(pinned, false); }
    pinned = mark === pinned ? null : mark;
    if (pinned) { pinned.classList.add("pinned"); light(pinned, true); explain(pinned); }
  };

  document.addEventListener("mouseover", (e) => {
    const mark = e.target.closest && e.target.closest(".text mark[data-role]");
    if (!mark) return;
    light(mark, true);
    if (!pinned || pinned.closest("article") !== mark.closest("article")) explain(mark);
  });
  document.addEventListener("mouseout", (e) => {
    const mark = e.target.closest && e.target.closest(".text mark[data-role]");
    if (mark && mark !== pinned) { light(mark, false); if (pinned) light(pinned, true); }
  });
  document.addEventListener("click", (e) => {
    const mark = e.target.closest && e.target.closest(".text mark[data-role]");
    if (mark) pin(mark);
  });

  const route = () => {
    const target = decodeURIComponent(location.hash.slice(1));
    if (target.startsWith("claim-")) {
      const mark = document.querySelector(`.text mark[data-claim-id~="${CSS.escape(target.slice(6))}"]`);
      if (mark) {
        show(mark.closest("article"));
        if (pinned !== mark) pin(mark);
        const box = mark.getBoundingClientRect();
        if (box.top < 0 || box.bottom > window.innerHeight) mark.scrollIntoView({ block: "center" });
        return;
      }
    }
    const article = target && document.getElementById(target);
    if (article && articles.includes(article)) {
      show(article);
      article.scrollIntoView();
    } else if (articles.length && articles.every((a) => a.hidden)) show(articles[0]);
  };
  window.addEventListener("hashchange", route);
  route();
})();
