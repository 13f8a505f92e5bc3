(function () {
  "use strict";
  // Article text is untrusted: it is only ever inserted as text nodes (textContent,
  // createTextNode), never as markup.
  var DATA = JSON.parse(document.getElementById("mtlint-data").textContent);
  var A = DATA.articles, F = DATA.findings, CATS = DATA.categories, SEVS = DATA.severities;
  var PAGE = 50;
  var hiddenCat = {}, hiddenSev = {};
  var state = { page: 0, only: true, sort: "path", q: "", forced: -1 };
  var open = {}, bodies = {};
  var listEl = document.getElementById("article-list");
  var pagerEl = document.getElementById("pager");
  var tip = document.getElementById("tip");

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = text;
    return e;
  }
  function shown(fid) {
    var f = F[fid];
    return !hiddenCat[CATS[f.k]] && !hiddenSev[SEVS[f.v]];
  }
  function visibleCounts(i) {
    var a = A[i], c = [0, 0, 0], all = a.f.concat(a.n);
    for (var j = 0; j < all.length; j++) if (shown(all[j])) c[F[all[j]].v]++;
    return c;
  }
  // A message with `quoted` words: the quoted words set apart, as text nodes.
  function msg(text) {
    var d = el("div", "msg"), parts = String(text).split("`");
    if (parts.length % 2 === 0) { d.textContent = text; return d; }
    for (var k = 0; k < parts.length; k++) {
      if (!parts[k]) continue;
      d.appendChild(k % 2 ? el("q", "qt", parts[k]) : document.createTextNode(parts[k]));
    }
    return d;
  }
  function total(c) { return c[0] + c[1] + c[2]; }
  function score(c) { return c[2] * 100 + c[1] * 10 + c[0]; }

  // ---- the list of articles, paginated -------------------------------------------------
  function selection() {
    var out = [], q = state.q.toLowerCase();
    for (var i = 0; i < A.length; i++) {
      var c = visibleCounts(i);
      if (i !== state.forced) {
        if (state.only && !total(c)) continue;
        if (q && A[i].p.toLowerCase().indexOf(q) < 0) continue;
      }
      out.push({ i: i, c: c });
    }
    if (state.sort === "count") out.sort(function (x, y) { return score(y.c) - score(x.c) || x.i - y.i; });
    return out;
  }

  function pills(c) {
    var span = el("span", "pills");
    for (var v = 2; v >= 0; v--) {
      if (!c[v]) continue;
      var p = el("span", "pill sev-" + SEVS[v], String(c[v]));
      p.title = c[v] + " " + SEVS[v];
      span.appendChild(p);
    }
    if (!total(c)) span.appendChild(el("span", "pill clean", "clean"));
    return span;
  }

  function renderList() {
    var sel = selection();
    var pages = Math.max(1, Math.ceil(sel.length / PAGE));
    if (state.page >= pages) state.page = pages - 1;
    listEl.textContent = "";
    var from = state.page * PAGE, to = Math.min(sel.length, from + PAGE);
    if (!sel.length) listEl.appendChild(el("p", "muted", "No article matches the filters."));
    for (var k = from; k < to; k++) listEl.appendChild(articleBox(sel[k].i, sel[k].c));
    renderPager(sel.length, pages, from, to);
  }

  function articleBox(i, c) {
    var box = el("article", "doc" + (open[i] ? " open" : ""));
    box.id = "a" + i;
    var head = el("h3", "doc-h");
    var btn = el("button", "toggle");
    btn.type = "button";
    btn.setAttribute("aria-expanded", open[i] ? "true" : "false");
    btn.setAttribute("aria-controls", "b" + i);
    btn.appendChild(el("span", "chev", "\u25B8"));
    btn.appendChild(el("span", "path", A[i].p));
    btn.appendChild(pills(c));
    if (A[i].r) {
      var r = el("span", "ease", "reading ease " + A[i].r[0] + (A[i].r[1] !== null ? " \u00B7 grade " + A[i].r[1] : ""));
      if (A[i].r[0] < 30) r.classList.add("hard");
      btn.appendChild(r);
    }
    btn.addEventListener("click", function () { toggle(i); });
    head.appendChild(btn);
    box.appendChild(head);
    if (open[i]) box.appendChild(body(i));
    return box;
  }

  function renderPager(n, pages, from, to) {
    pagerEl.textContent = "";
    pagerEl.appendChild(el("span", "muted", n ? (from + 1) + "\u2013" + to + " of " + n + " articles" : ""));
    if (pages < 2) return;
    function btn(label, page, current) {
      var b = el("button", current ? "current" : "", label);
      b.type = "button";
      if (current) b.setAttribute("aria-current", "page");
      b.addEventListener("click", function () { state.page = page; renderList(); listEl.scrollIntoView(); });
      pagerEl.appendChild(b);
    }
    if (state.page > 0) btn("\u2039 previous", state.page - 1, false);
    var lo = Math.max(0, state.page - 3), hi = Math.min(pages - 1, state.page + 3);
    if (lo > 0) { btn("1", 0, false); if (lo > 1) pagerEl.appendChild(el("span", "gap", "\u2026")); }
    for (var p = lo; p <= hi; p++) btn(String(p + 1), p, p === state.page);
    if (hi < pages - 1) { if (hi < pages - 2) pagerEl.appendChild(el("span", "gap", "\u2026")); btn(String(pages), pages - 1, false); }
    if (state.page < pages - 1) btn("next \u203A", state.page + 1, false);
  }

  function toggle(i, force) {
    var box = document.getElementById("a" + i);
    var want = force === undefined ? !open[i] : force;
    if (want) open[i] = true; else delete open[i];
    if (!box) return;
    box.classList.toggle("open", want);
    box.querySelector("button.toggle").setAttribute("aria-expanded", want ? "true" : "false");
    var b = document.getElementById("b" + i);
    if (want && !b) box.appendChild(body(i));
    else if (!want && b) box.removeChild(b);
  }

  // ---- one article: text with findings in place, and the list of its findings -------------
  function body(i) {
    if (bodies[i]) return bodies[i];
    var a = A[i], wrap = el("div", "doc-b");
    wrap.id = "b" + i;
    var text = el("div", "text");
    text.lang = "en";
    if (a.t === null) text.appendChild(el("p", "notice", "This file could not be read; its findings are listed."));
    else buildText(text, i);
    var side = el("aside", "side");
    side.setAttribute("aria-label", "Findings in " + a.p);
    var list = el("ol", "flist");
    var all = a.n.concat(a.f);
    for (var j = 0; j < all.length; j++) list.appendChild(findingItem(all[j]));
    if (!all.length) side.appendChild(el("p", "muted", "No findings."));
    side.appendChild(list);
    wrap.appendChild(text);
    wrap.appendChild(side);
    bodies[i] = wrap;
    applyFocusable(wrap);
    return wrap;
  }

  function markFor(fid, cont) {
    var f = F[fid], m = el("mark", "hl cat-" + CATS[f.k] + " sev-" + SEVS[f.v] + (cont ? " cont" : ""));
    m.setAttribute("data-f", fid);
    m.tabIndex = cont ? -1 : 0;
    if (!cont) m.id = "f" + fid;
    return m;
  }

  // Nested marks; a finding that crosses the end of another is split into pieces ("cont"),
  // so every piece sits inside its container and the pieces' text is the finding's text.
  function buildText(root, i) {
    var a = A[i], t = a.t, points = {}, starts = {}, ends = {}, points0 = {};
    function add(map, k, v) { (map[k] = map[k] || []).push(v); points[k] = 1; }
    for (var j = 0; j < a.f.length; j++) {
      var f = F[a.f[j]];
      if (f.s === f.e) add(points0, f.s, a.f[j]);
      else { add(starts, f.s, a.f[j]); add(ends, f.e, a.f[j]); }
    }
    var line = 1, nl = [];
    for (var p = t.indexOf("\n"); p >= 0; p = t.indexOf("\n", p + 1)) { points[p + 1] = 1; nl.push(p + 1); }
    var lineAt = {};
    for (j = 0; j < nl.length; j++) lineAt[nl[j]] = j + 2;
    var order = Object.keys(points).map(Number).sort(function (x, y) { return x - y; });
    var stack = [{ node: root, fid: -1 }], last = 0;
    var anchor0 = el("span", "ln");
    anchor0.id = "a" + i + "-L1";
    root.appendChild(anchor0);
    function top() { return stack[stack.length - 1].node; }
    function openAll(fids, cont) {
      fids.sort(function (x, y) { return F[y].e - F[x].e || x - y; });
      for (var k = 0; k < fids.length; k++) {
        var m = markFor(fids[k], cont[fids[k]]);
        top().appendChild(m);
        stack.push({ node: m, fid: fids[k] });
      }
    }
    for (var n = 0; n < order.length; n++) {
      var pos = order[n];
      if (pos > t.length) pos = t.length;
      if (pos > last) top().appendChild(document.createTextNode(t.slice(last, pos)));
      last = Math.max(last, pos);
      var closing = ends[pos] || [];
      var reopen = [], cont = {};
      if (closing.length) {
        var low = stack.length;
        for (var s = 1; s < stack.length; s++) if (closing.indexOf(stack[s].fid) >= 0) { low = s; break; }
        var popped = stack.splice(low);
        for (s = 0; s < popped.length; s++) {
          if (closing.indexOf(popped[s].fid) < 0) { reopen.push(popped[s].fid); cont[popped[s].fid] = true; }
        }
      }
      if (lineAt[pos]) {
        var ln = el("span", "ln");
        ln.id = "a" + i + "-L" + lineAt[pos];
        top().appendChild(ln);
      }
      var zero = points0[pos] || [];
      for (s = 0; s < zero.length; s++) {
        var z = markFor(zero[s], false);
        z.classList.add("zero");
        z.setAttribute("aria-label", F[zero[s]].c);
        top().appendChild(z);
      }
      openAll(reopen.concat(starts[pos] || []), cont);
    }
    if (last < t.length) top().appendChild(document.createTextNode(t.slice(last)));
  }

  function findingItem(fid) {
    var f = F[fid], li = el("li", "cat-" + CATS[f.k] + " sev-" + SEVS[f.v]);
    var go = el(f.p ? "button" : "div", "go");
    if (f.p) {
      go.type = "button";
      go.addEventListener("click", function () { focusFinding(fid); });
    }
    go.appendChild(el("span", "swatch cat-" + CATS[f.k]));
    go.appendChild(el("span", "loc", f.p ? f.l + ":" + f.o : "article"));
    go.appendChild(el("span", "code", f.c));
    go.appendChild(el("span", "sevmark sev-" + SEVS[f.v]));
    li.appendChild(go);
    li.appendChild(msg(f.m));
    var fix = suggestion(f);
    if (fix) li.appendChild(el("div", "fix", fix));
    return li;
  }

  function suggestion(f) {
    if (f.x === null || f.x === undefined) return "";
    if (f.x === "") return "Suggestion: remove it";
    return "Suggestion: replace with \u201C" + f.x + "\u201D";
  }

  function focusFinding(fid) {
    var m = document.getElementById("f" + fid);
    if (!m) return;
    m.scrollIntoView({ block: "center" });
    m.focus({ preventScroll: true });
    flash(m);
  }
  function flash(node) {
    node.classList.remove("flash");
    void node.offsetWidth;
    node.classList.add("flash");
  }

  function applyFocusable(scope) {
    var marks = scope.querySelectorAll("mark.hl:not(.cont)");
    for (var k = 0; k < marks.length; k++) marks[k].tabIndex = shown(+marks[k].getAttribute("data-f")) ? 0 : -1;
  }

  // ---- the tooltip: every shown finding under the pointer or focus -----------------------
  var hideTimer = null, tipFor = null;
  function showTip(mark) {
    var fids = [], node = mark;
    while (node && node.classList && node.classList.contains("hl")) {
      var fid = +node.getAttribute("data-f");
      if (shown(fid) && fids.indexOf(fid) < 0) fids.push(fid);
      node = node.parentNode;
    }
    if (!fids.length) { hideTip(); return; }
    clearTimeout(hideTimer);
    tip.textContent = "";
    for (var k = 0; k < fids.length; k++) tip.appendChild(tipEntry(F[fids[k]]));
    tip.hidden = false;
    if (tipFor && tipFor !== mark) tipFor.removeAttribute("aria-describedby");
    tipFor = mark;
    mark.setAttribute("aria-describedby", "tip");
    var r = mark.getBoundingClientRect();
    var w = tip.offsetWidth, h = tip.offsetHeight;
    var x = Math.min(Math.max(8, r.left + window.scrollX), window.scrollX + document.documentElement.clientWidth - w - 8);
    var y = r.bottom + window.scrollY + 6;
    if (r.bottom + h + 12 > window.innerHeight && r.top > h + 12) y = r.top + window.scrollY - h - 6;
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function tipEntry(f) {
    var box = el("div", "tip-e cat-" + CATS[f.k]);
    var h = el("div", "tip-h");
    h.appendChild(el("span", "swatch cat-" + CATS[f.k]));
    var link = el("a", "code", f.c);
    if (f.d) link.href = "#rule-" + f.d;
    h.appendChild(link);
    h.appendChild(el("span", "tip-name", f.n));
    h.appendChild(el("span", "pill sev-" + SEVS[f.v], SEVS[f.v]));
    box.appendChild(h);
    box.appendChild(msg(f.m));
    var fix = suggestion(f);
    if (fix) box.appendChild(el("div", "fix", fix));
    for (var k = 0; k < f.r.length; k++) {
      var r = f.r[k], rel = el("div", "rel");
      rel.appendChild(document.createTextNode(r[4] + ": "));
      var at = r[1] + ":" + r[2] + ":" + r[3];
      if (r[0] >= 0) {
        var ra = el("a", "", at);
        ra.href = "#a" + r[0] + "-L" + r[2];
        rel.appendChild(ra);
      } else rel.appendChild(document.createTextNode(at));
      box.appendChild(rel);
    }
    return box;
  }
  function hideTip() {
    tip.hidden = true;
    if (tipFor) tipFor.removeAttribute("aria-describedby");
    tipFor = null;
  }
  function hideSoon() {
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hideTip, 250);
  }
  document.addEventListener("mouseover", function (ev) {
    var m = ev.target.closest && ev.target.closest("mark.hl");
    if (m) showTip(m);
    else if (ev.target.closest && ev.target.closest("#tip")) clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", function (ev) {
    if (ev.target.closest && (ev.target.closest("mark.hl") || ev.target.closest("#tip"))) hideSoon();
  });
  document.addEventListener("focusin", function (ev) {
    var m = ev.target.closest && ev.target.closest("mark.hl");
    if (m) showTip(m);
    else if (!(ev.target.closest && ev.target.closest("#tip"))) hideTip();
  });
  document.addEventListener("focusout", function (ev) {
    var to = ev.relatedTarget;
    if (ev.target.closest && ev.target.closest("mark.hl") && !(to && to.closest && (to.closest("#tip") || to.closest("mark.hl")))) hideSoon();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape") {
      var back = tipFor;
      hideTip();
      if (back && tip.contains(document.activeElement)) back.focus();
    } else if (ev.key === "Enter" && ev.target.matches && ev.target.matches("mark.hl") && !tip.hidden) {
      var first = tip.querySelector("a");  // into the tooltip: the rule's documentation, related places
      if (first) { ev.preventDefault(); first.focus(); }
    }
  });

  // ---- filters ------------------------------------------------------------------------------
  var form = document.getElementById("filters");
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  form.addEventListener("change", function (ev) {
    var t = ev.target;
    if (t.name === "cat") { if (t.checked) delete hiddenCat[t.value]; else hiddenCat[t.value] = 1; document.body.classList.toggle("hide-cat-" + t.value, !t.checked); }
    else if (t.name === "sev") { if (t.checked) delete hiddenSev[t.value]; else hiddenSev[t.value] = 1; document.body.classList.toggle("hide-sev-" + t.value, !t.checked); }
    else if (t.id === "only-findings") state.only = t.checked;
    else if (t.id === "sort") state.sort = t.value;
    else return;
    hideTip();
    for (var k in bodies) applyFocusable(bodies[k]);
    renderList();
  });
  document.getElementById("q").addEventListener("input", function (ev) { state.q = ev.target.value; state.page = 0; renderList(); });

  // ---- links into articles (#a12, #a12-L5) ------------------------------------------------
  function reveal(hash) {
    var m = /^#a(\d+)(?:-L(\d+))?$/.exec(hash || "");
    if (!m) return false;
    var i = +m[1];
    if (!A[i]) return false;
    open[i] = true;
    var sel = selection(), at = -1;
    for (var k = 0; k < sel.length; k++) if (sel[k].i === i) { at = k; break; }
    if (at < 0) { state.forced = i; sel = selection(); for (k = 0; k < sel.length; k++) if (sel[k].i === i) at = k; }
    state.page = Math.floor(at / PAGE);
    renderList();
    var target = document.getElementById(m[2] ? "a" + i + "-L" + m[2] : "a" + i) || document.getElementById("a" + i);
    target.scrollIntoView({ block: m[2] ? "center" : "start" });
    if (m[2]) flash(target);
    return true;
  }
  document.addEventListener("click", function (ev) {
    var a = ev.target.closest && ev.target.closest("a[href^='#a']");
    if (!a) return;
    if (reveal(a.getAttribute("href"))) { ev.preventDefault(); history.replaceState(null, "", a.getAttribute("href")); }
  });
  window.addEventListener("hashchange", function () { reveal(location.hash); });

  renderList();
  if (location.hash) reveal(location.hash);
  document.documentElement.setAttribute("data-ready", "1");
})();
