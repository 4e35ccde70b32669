// jkquiz static quiz page: grades in the browser exactly as jkquiz.engine.grade does.
// Bank text reaches the page only through textContent (never innerHTML), so it cannot run.
"use strict";
(function () {
  const DATA = JSON.parse(document.getElementById("jkq-data").textContent);
  const MESSAGES = DATA.messages || {};  // the page's language: English message -> translation (jkquiz.i18n)
  function t(message, values) {  // a message in the page's language, {name} placeholders filled in
    let text = MESSAGES[message] || message;
    Object.keys(values || {}).forEach(function (name) { text = text.split("{" + name + "}").join(String(values[name])); });
    return text;
  }
  const LABELS = { correct: t("✔ Correct."), partial: t("◐ Partly right."), wrong: t("✘ Not quite."),
                   invalid: t("ℹ Not checked yet.") };
  const TYPO_MIN_LENGTH = 4;
  const results = {};

  // --- text folding, as jkquiz.text.normalize / squash ---------------------------------------
  function casefold(text) {
    return text.toLowerCase().replace(/ß/g, "ss").replace(/ς/g, "σ");
  }
  function normalize(text) {
    const kept = [];
    for (const ch of casefold(text.normalize("NFKC")).normalize("NFD")) {
      if (/\p{Mn}/u.test(ch) && kept.length && kept[kept.length - 1].codePointAt(0) < 0x0370) continue;
      kept.push(/[\p{P}\p{S}\p{Zs}]/u.test(ch) ? " " : ch);
    }
    return kept.join("").normalize("NFC").replace(/\s+/gu, " ").trim();
  }
  function squash(text) { return normalize(text).replace(/ /g, ""); }
  function slips(a, b, limit) {  // as jkquiz.text.slips: insertions, deletions, substitutions, swaps (OSA)
    const x = Array.from(a), y = Array.from(b);
    if (Math.abs(x.length - y.length) > limit) return limit + 1;
    let before = [], prev = Array.from({ length: y.length + 1 }, (_, j) => j);
    for (let i = 1; i <= x.length; i++) {
      const row = [i];
      for (let j = 1; j <= y.length; j++) {
        let cost = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + (x[i - 1] === y[j - 1] ? 0 : 1));
        if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) cost = Math.min(cost, before[j - 2] + 1);
        row.push(cost);
      }
      if (Math.min.apply(null, row) > limit) return limit + 1;
      before = prev; prev = row;
    }
    return Math.min(prev[y.length], limit + 1);
  }
  function slipsAllowed(answer) {  // as jkquiz.text.slips_allowed
    const n = Array.from(answer).length;
    return n < TYPO_MIN_LENGTH ? 0 : n <= 7 ? 1 : 2;
  }
  function offered(q) {  // as jkquiz.engine.grade.offered: what a question accepts or shows
    const found = [];
    (function walk(v) {
      if (typeof v === "string") found.push(v);
      else if (Array.isArray(v)) v.forEach(walk);
    })([q.answer, q.answers, q.accepted, q.choices, q.items, q.pairs]);
    return found;
  }
  function formatNumber(value) {
    return Number.isInteger(value) ? String(value) : String(Number(value.toPrecision(6)));
  }

  // --- grading, one function per type, as jkquiz.engine.grade --------------------------------
  function verdict(status, score, message, parts) {
    return { status: status, score: score, message: message || "", parts: parts || [] };
  }
  function invalid(message) { return verdict("invalid", 0, message); }
  function fromScore(score, parts, message) {
    const status = score >= 1 ? "correct" : score <= 0 ? "wrong" : "partial";
    const clamped = Math.round(Math.max(0, Math.min(1, score)) * 10000) / 10000;
    return verdict(status, clamped, message, parts);
  }
  function parseNumber(response, unit) {
    if (typeof response === "number") return Number.isFinite(response) ? response : null;
    if (typeof response !== "string") return null;
    let text = response.normalize("NFKC").trim().replace(/\u2212/g, "-");
    if (unit && text.toLowerCase().endsWith(unit.toLowerCase())) text = text.slice(0, -unit.length).trimEnd();
    if (/^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/.test(text)) text = text.replace(/,/g, "");
    if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) return null;
    return parseFloat(text);
  }
  const GRADERS = {
    single: function (q, r) {
      if (r === null || r === undefined || r === "") return invalid(t("Choose an answer first."));
      if (q.choices.indexOf(r) < 0) return invalid(t("'{response}' is not one of the choices.", { response: r }));
      return fromScore(r === q.answer ? 1 : 0);
    },
    multiple: function (q, r) {
      const picked = Array.from(new Set(r || []));
      if (!picked.length) return invalid(t("Select at least one choice."));
      const unknown = picked.filter(c => q.choices.indexOf(c) < 0).sort();
      if (unknown.length) return invalid(t("'{response}' is not one of the choices.", { response: unknown[0] }));
      const right = q.answers, wrong = q.choices.filter(c => q.answers.indexOf(c) < 0);
      const hits = picked.filter(c => right.indexOf(c) >= 0).length;
      const bad = picked.filter(c => wrong.indexOf(c) >= 0).length;
      if (hits === right.length && bad === 0 && picked.length === right.length) return fromScore(1);
      const score = hits / right.length - (wrong.length ? bad / wrong.length : 0);
      const message = bad ? t("{hits} of {right} right choices selected, {wrong} wrong.", { hits: hits, right: right.length, wrong: bad })
                          : t("{hits} of {right} right choices selected.", { hits: hits, right: right.length });
      return fromScore(Math.min(score, 0.99), [], message);
    },
    true_false: function (q, r) {
      if (typeof r !== "boolean") return invalid(t("Choose True or False first."));
      return fromScore(r === q.answer ? 1 : 0);
    },
    number: function (q, r) {
      const value = parseNumber(r, q.unit);
      if (value === null) {
        if (typeof r === "string" && !r.trim()) return invalid(t("Type a number first."));
        return invalid(t("'{response}' is not a number. Please type digits only, for example 42.", { response: r }));
      }
      if (Math.abs(value - q.answer) <= q.tolerance + 1e-9) return fromScore(1);
      return fromScore(0, [], t(value > q.answer ? "{number} is too high." : "{number} is too low.", { number: formatNumber(value) }));
    },
    text: function (q, r, rivals) {
      if (typeof r !== "string" || !normalize(r)) return invalid(t("Type an answer first."));
      const given = squash(r);
      if (q.accepted.indexOf(given) >= 0) return fromScore(1);
      const others = (rivals || []).map(squash).filter(o => q.accepted.indexOf(o) < 0);
      if (others.indexOf(given) >= 0) return fromScore(0);
      let best = q.accepted[0], distance = Infinity;
      for (const a of q.accepted) {
        const d = slips(given, a, 2);
        if (d < distance || (d === distance && a < best)) { best = a; distance = d; }
      }
      if (distance <= slipsAllowed(best) && !others.some(o => slips(given, o, distance) <= distance)) {
        return fromScore(1, [], t("Accepted; correct spelling: {answer}", { answer: q.answer }));
      }
      return fromScore(0);
    },
    order: function (q, r) {
      const order = Array.from(r || []);
      if (JSON.stringify(order.slice().sort()) !== JSON.stringify(q.items.slice().sort())) {
        return invalid(t("Place every item exactly once."));
      }
      const parts = order.map((item, i) => item === q.items[i]);
      return fromScore(parts.filter(Boolean).length / parts.length, parts);
    },
    match: function (q, r) {
      const chosen = r || {};
      if (q.pairs.some(p => chosen[p[0]] === undefined || chosen[p[0]] === null || chosen[p[0]] === "")) {
        return invalid(t("Match every item first."));
      }
      const parts = q.pairs.map(p => chosen[p[0]] === p[1]);
      return fromScore(parts.filter(Boolean).length / parts.length, parts);
    },
  };
  function grade(q, response) {  // the page is one quiz: the other questions' answers and choices are rivals
    const rivals = [];
    for (const id of Object.keys(DATA.questions)) if (DATA.questions[id] !== q) rivals.push.apply(rivals, offered(DATA.questions[id]));
    return GRADERS[q.type](q, response, rivals);
  }

  // --- reading the learner's input ----------------------------------------------------------
  function responseOf(card, q) {
    const form = card.querySelector("form");
    if (q.type === "single") {
      const on = form.querySelector("input[type=radio]:checked");
      return on ? q.options[Number(on.value)] : null;
    }
    if (q.type === "true_false") {
      const on = form.querySelector("input[type=radio]:checked");
      return on ? on.value === "true" : null;
    }
    if (q.type === "multiple") {
      return Array.from(form.querySelectorAll("input[type=checkbox]:checked")).map(b => q.options[Number(b.value)]);
    }
    if (q.type === "number" || q.type === "text") return form.querySelector("input[type=text]").value;
    if (q.type === "order") {
      return Array.from(form.querySelectorAll(".jkq-order-item")).map(li => q.options[Number(li.dataset.index)]);
    }
    const chosen = {};
    form.querySelectorAll("select").forEach(function (sel, i) {
      chosen[q.pairs[i][0]] = sel.value === "" ? null : q.options[Number(sel.value)];
    });
    return chosen;
  }

  // --- feedback, built with text nodes only ----------------------------------------------------
  function el(tag, text, cls) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function safeLink(url, text) {
    try {
      const parsed = new URL(url);
      if (parsed.protocol === "http:" || parsed.protocol === "https:") {
        const a = el("a", text);
        a.href = parsed.href;
        a.rel = "noopener noreferrer";
        return a;
      }
    } catch (e) { /* not an address: show the title only */ }
    return document.createTextNode(text);
  }
  function showFeedback(card, q, response, v) {
    const fb = card.querySelector(".jkq-feedback");
    fb.replaceChildren();
    fb.className = "jkq-feedback jkq-" + v.status;
    const head = el("p", null, "jkq-verdict");
    head.append(el("strong", LABELS[v.status]));
    if (v.message) head.append(" " + v.message);
    fb.append(head);
    if (v.status !== "invalid") {
      const f = q.feedback;
      if (v.status !== "correct" || v.message) {
        const p = el("p");
        p.append(el("strong", t("Answer:")), " " + f.answer);
        fb.append(p);
      }
      const picked = typeof response === "string" ? [response] : q.type === "multiple" ? response : [];
      picked.filter(c => c in f.choice_feedback).forEach(c => fb.append(el("p", c + ": " + f.choice_feedback[c])));
      fb.append(el("p", f.explanation));
      f.perspectives.forEach(function (side) {
        const box = el("div", null, "jkq-sides");
        [[t("Japan's government"), side[0]], [t("South Korea's government"), side[1]]].forEach(function (pair) {
          const div = el("div", null, "jkq-side");
          div.append(el("strong", pair[0]), el("br"), pair[1]);
          box.append(div);
        });
        fb.append(box);
      });
      if (f.sources.length) {
        fb.append(el("p", f.sources.length > 1 ? t("Sources") : t("Source"), "jkq-sources-head"));
        const ul = el("ul", null, "jkq-sources");
        f.sources.forEach(function (s) {
          const li = el("li");
          li.append(safeLink(s.url, s.title), ": “" + s.quote + "”");
          ul.append(li);
        });
        fb.append(ul);
      }
    }
    fb.focus();
  }
  function markParts(card, v) {
    card.querySelectorAll(".jkq-mark").forEach(function (mark, i) {
      if (i < v.parts.length) {
        mark.textContent = v.parts[i] ? t("✔ right") : t("✘ wrong");
        mark.className = "jkq-mark " + (v.parts[i] ? "jkq-mark-ok" : "jkq-mark-no");
      }
    });
  }
  function updateScore() {
    const done = Object.values(results);
    const points = done.reduce((sum, v) => sum + v.score, 0);
    const total = Object.keys(DATA.questions).length;
    document.getElementById("jkq-score").textContent =
      t(points === 1 ? "{answered} of {total} answered · {points} point" : "{answered} of {total} answered · {points} points",
        { answered: done.length, total: total, points: Math.round(points * 100) / 100 });
  }

  // --- wiring -----------------------------------------------------------------------------------
  function check(card) {
    const q = DATA.questions[card.dataset.qid];
    if (results[card.dataset.qid]) return;
    const response = responseOf(card, q);
    const v = grade(q, response);
    showFeedback(card, q, response, v);
    if (v.status === "invalid") return;
    results[card.dataset.qid] = v;
    markParts(card, v);
    card.querySelectorAll("input, select, .jkq-move, .jkq-check").forEach(c => { c.disabled = true; });
    card.classList.add("jkq-done");
    updateScore();
  }
  function move(list, item, step) {
    const items = Array.from(list.children);
    const index = items.indexOf(item), other = index + step;
    if (other < 0 || other >= items.length) return;
    if (step < 0) list.insertBefore(item, items[other]); else list.insertBefore(items[other], item);
    Array.from(list.children).forEach(function (li, i) {
      li.querySelector(".jkq-pos").textContent = (i + 1) + ".";
      li.querySelector(".jkq-up").disabled = i === 0;
      li.querySelector(".jkq-down").disabled = i === items.length - 1;
    });
    const again = item.querySelector(step < 0 ? ".jkq-up" : ".jkq-down");
    (again.disabled ? item.querySelector(step < 0 ? ".jkq-down" : ".jkq-up") : again).focus();
  }
  document.querySelectorAll(".jkq-card").forEach(function (card) {
    card.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      check(card);
    });
    card.querySelectorAll(".jkq-move").forEach(function (button) {
      button.addEventListener("click", function () {
        move(button.closest("ol"), button.closest("li"), button.classList.contains("jkq-up") ? -1 : 1);
      });
    });
  });
  const again = document.getElementById("jkq-again");
  if (again) again.addEventListener("click", function () { window.location.reload(); });
  window.jkquiz = { normalize: normalize, squash: squash, slips: slips, grade: grade, data: DATA };
  updateScore();
})();
