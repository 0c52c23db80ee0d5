// The HTML page's script, as text (its hash goes into the page's Content-Security-Policy).
// It decodes the compact data (html-data.ts) and renders every table from it: sorted, filtered
// and paged on arrays, so only one page of rows is ever in the DOM; a row's details (benefits,
// other candidates) are built when its toggle is opened. Report text reaches the DOM through
// textContent only, with control characters and bidi overrides shown as visible marks.
// Written as plain ES2017 without template literals, so String.raw keeps every backslash.
export const JS = String.raw`
(function () {
  "use strict";
  var node = document.getElementById("report-data");
  var D = JSON.parse(node.textContent || "null");
  window.scoutgraphReport = D;
  if (!D) return;
  var S = D.strings;
  var SEV = ["critical", "high", "medium", "low"];
  var STATUS = ["update-available", "up-to-date", "below-min-severity"];
  var STATUS_TEXT = { "update-available": "update available", "up-to-date": "up to date", "below-min-severity": "no update at this severity" };
  var REASON = ["the report has no target digest", "no Image has this digest"];
  var CTRL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
  /* Control characters and bidi overrides shown as visible marks (U+2400 pictures, <U+202E>), never obeyed. */
  function vis(s) {
    if (s === null || s === undefined) return "";
    return String(s).replace(CTRL, function (c) {
      var n = c.charCodeAt(0);
      if (n < 32) return String.fromCharCode(0x2400 + n);
      if (n === 127) return "\u2421";
      var h = n.toString(16).toUpperCase();
      while (h.length < 4) h = "0" + h;
      return "<U+" + h + ">";
    });
  }
  window.scoutgraphVisible = vis;
  var NF = new Intl.NumberFormat("en-US");
  function num(n) { return NF.format(n); }
  function str(i) { return i < 0 ? null : S[i]; }
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined && text !== null) e.textContent = vis(text);
    return e;
  }
  function cand(c) {
    return { tag: S[c[0]], cat: c[1] ? "change" : "refresh", rank: c[2], fix: c[3], intro: c[4],
      benefits: c[5].map(str), alt: c[6].map(str), size: str(c[7]), flavor: str(c[8]), os: str(c[9]) };
  }
  var bases = D.bases.map(function (b) {
    var cs = b[5].map(cand);
    return { id: S[b[0]], n: b[1], best: b[2] < 0 ? null : cs[b[2]], bestIndex: b[2], fleet: b[3], intro: b[4], cands: cs, images: [] };
  });
  var I = D.images;
  var imageCount = I.name.length;
  for (var k = 0; k < imageCount; k++) if (bases[I.base[k]]) bases[I.base[k]].images.push(k);
  function label(c) { return c.tag + " (" + c.cat + (c.rank === null ? "" : " #" + c.rank) + ")"; }
  function short(v) { return num(v[0]) + "C " + num(v[1]) + "H " + num(v[2]) + "M " + num(v[3]) + "L"; }
  function introText(v) {
    var parts = [];
    for (var i = 0; i < 4; i++) if (v[i] > 0) parts.push(num(v[i]) + " " + SEV[i]);
    return parts.length ? parts.join(", ") : "none";
  }
  function imageBest(i) { var b = bases[I.base[i]]; return b && I.best[i] >= 0 ? b.cands[I.best[i]] : null; }
  function countCell(td, n) {
    td.textContent = num(n);
    if (n > 0) td.classList.add(td.getAttribute("data-sev") === "critical" ? "crit" : td.getAttribute("data-sev") === "high" ? "high" : "has");
  }
  function list(title, items) {
    var box = el("div", "detail-part");
    box.appendChild(el("h4", "", title));
    if (!items.length) { box.appendChild(el("p", "muted", "none")); return box; }
    var ul = el("ul", "benefits");
    items.forEach(function (t) { ul.appendChild(el("li", "", t)); });
    box.appendChild(ul);
    return box;
  }
  function candidateDetails(frag, base, best) {
    if (best) {
      frag.appendChild(list("Benefits of " + label(best), best.benefits));
      var facts = [];
      if (best.flavor) facts.push("flavor " + best.flavor);
      if (best.os) facts.push("OS " + best.os);
      if (best.size) facts.push("size " + best.size);
      if (best.alt.length) facts.push("also tagged " + best.alt.join(", "));
      if (facts.length) frag.appendChild(list("Image details", facts));
    }
    frag.appendChild(list("Other candidates", base.cands.filter(function (c) { return c !== best; }).map(function (c) {
      return label(c) + ": fixes " + short(c.fix) + ", introduces " + introText(c.intro);
    })));
  }

  /* One table over model rows 0..n-1: sorted, filtered and paged on arrays; only the page is in the DOM. */
  function DataTable(cfg) {
    var self = this;
    var table = document.getElementById(cfg.id);
    var box = table.parentNode;
    var natural = [];
    for (var i = 0; i < cfg.count; i++) natural.push(i);
    var order = natural, view = natural, page = 0, size = cfg.pageSize || 100;
    var sortCol = -1, sortDir = 1, query = "", status = "", baseFilter = -1, hay = null;
    var open = {};
    var head = el("thead"), hr = el("tr");
    var cols = cfg.columns.concat(cfg.detail ? [{ label: "", cls: "c-more", detail: true }] : []);
    cols.forEach(function (col, ci) {
      var th = el("th", col.cls || "");
      th.scope = "col";
      if (col.key) {
        var b = el("button", "", col.label);
        b.type = "button";
        if (col.title) b.title = col.title;
        b.addEventListener("click", function () { self.sort(ci, sortCol === ci ? -sortDir : col.num ? -1 : 1); });
        th.appendChild(b);
      } else if (col.label) th.textContent = col.label;
      else { th.appendChild(el("span", "sr", "Details")); }
      hr.appendChild(th);
    });
    head.appendChild(hr);
    table.appendChild(head);
    var body = el("tbody");
    table.appendChild(body);
    var pager = el("div", "pager");
    var prev = el("button", "", "\u2039 Previous"), next = el("button", "", "Next \u203a"), where = el("span", "muted");
    prev.type = next.type = "button";
    prev.addEventListener("click", function () { self.go(page - 1); });
    next.addEventListener("click", function () { self.go(page + 1); });
    pager.appendChild(prev); pager.appendChild(where); pager.appendChild(next);
    box.appendChild(pager);
    var shown = cfg.shown;
    this.sort = function (ci, dir) {
      var col = cols[ci];
      var keys = col.keys || (col.keys = natural.map(col.key));
      sortCol = ci; sortDir = dir;
      order = natural.slice().sort(function (a, b) {
        var x = keys[a], y = keys[b];
        return x < y ? -dir : x > y ? dir : a - b;
      });
      Array.prototype.forEach.call(hr.cells, function (th, j) {
        if (j === ci) th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending"); else th.removeAttribute("aria-sort");
      });
      if (cfg.sortSelect) cfg.sortSelect.value = ci + ":" + dir;
      this.filter(query, status, baseFilter);
    };
    /* pick: a base index (-1: any), or a function of the row (the owner links). */
    this.filter = function (q, st, pick) {
      query = q; status = st; baseFilter = typeof pick === "function" ? -1 : pick;
      var keep = typeof pick === "function" ? pick : pick >= 0 ? function (i) { return cfg.base(i) === pick; } : null;
      if (q && !hay) hay = natural.map(function (i) { return cfg.text(i).toLowerCase(); });
      var ql = q.toLowerCase();
      view = !q && !st && !keep ? order : order.filter(function (i) {
        return (!ql || hay[i].indexOf(ql) !== -1) && (!st || cfg.status(i) === st) && (!keep || keep(i));
      });
      this.go(0);
    };
    this.go = function (p) {
      var pages = Math.max(1, Math.ceil(view.length / size));
      page = Math.min(Math.max(0, p), pages - 1);
      var frag = document.createDocumentFragment();
      var from = page * size, to = Math.min(view.length, from + size);
      for (var r = from; r < to; r++) {
        var i = view[r];
        var tr = el("tr");
        cfg.row(i, tr);
        cfg.columns.forEach(function (col, ci) {
          var td = el("td", col.cls || "");
          td.setAttribute("data-label", col.label);
          if (col.sev) td.setAttribute("data-sev", col.sev);
          col.cell(i, td);
          tr.appendChild(td);
        });
        if (cfg.detail) {
          var td = el("td", "c-more"), b = el("button", "more", open[i] ? "\u25be" : "\u25b8");
          b.type = "button";
          b.title = cfg.detailTitle || "Details";
          b.setAttribute("aria-expanded", open[i] ? "true" : "false");
          b.setAttribute("data-row", String(i));
          td.appendChild(b);
          tr.appendChild(td);
        }
        frag.appendChild(tr);
        if (cfg.detail && open[i]) frag.appendChild(detailRow(i));
      }
      if (to === from) {
        var tr0 = el("tr", "empty"), td0 = el("td", "", cfg.empty || "Nothing matches.");
        td0.colSpan = cols.length;
        tr0.appendChild(td0);
        frag.appendChild(tr0);
      }
      body.textContent = "";
      body.appendChild(frag);
      where.textContent = view.length ? num(from + 1) + "\u2013" + num(to) + " of " + num(view.length) : "0 of " + num(cfg.count);
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
      pager.hidden = view.length <= size;
      if (shown) shown.textContent = num(view.length) + " of " + num(cfg.count) + " shown";
    };
    function detailRow(i) {
      var tr = el("tr", "detail"), td = el("td"), grid = el("div", "detail-grid");
      td.colSpan = cols.length;
      cfg.detail(i, grid);
      td.appendChild(grid);
      tr.appendChild(td);
      return tr;
    }
    body.addEventListener("click", function (e) {
      var b = e.target.closest ? e.target.closest("button.more") : null;
      if (!b) return;
      var i = Number(b.getAttribute("data-row"));
      var tr = b.closest("tr");
      if (open[i]) {
        delete open[i];
        if (tr.nextSibling && tr.nextSibling.classList.contains("detail")) body.removeChild(tr.nextSibling);
      } else {
        open[i] = true;
        body.insertBefore(detailRow(i), tr.nextSibling);
      }
      b.textContent = open[i] ? "\u25be" : "\u25b8";
      b.setAttribute("aria-expanded", open[i] ? "true" : "false");
    });
    this.state = function () { return { query: query, status: status, base: baseFilter, sortCol: sortCol, sortDir: sortDir, rows: view.length, page: page }; };
    this.go(0);
  }

  function text(td, s, cls) { td.textContent = vis(s); if (cls) td.classList.add(cls); }
  function code(td, s) { td.appendChild(el("code", "", s)); }
  function imagesLink(td, baseIndex, n) {
    var a = el("a", "", num(n));
    a.href = "#images";
    a.title = "Show these images";
    a.setAttribute("data-base", String(baseIndex));
    td.appendChild(a);
  }
  var sevCols = function (get, prefix) {
    return SEV.map(function (s, j) {
      return { label: s.charAt(0).toUpperCase() + s.slice(1), title: prefix + s, cls: "c-num", num: true, sev: s,
        key: function (i) { var v = get(i); return v ? v[j] : -1; },
        cell: function (i, td) { var v = get(i); if (v) countCell(td, v[j]); else td.textContent = "-"; } };
    });
  };
  function wire(boxId, tbl, extra) {
    var box = document.getElementById(boxId);
    if (!box) return;
    var search = box.querySelector("input[type=search]"), status = box.querySelector("select.status"), sort = box.querySelector("select.sort");
    var chip = box.querySelector(".chip"), timer = 0;
    function apply() { tbl.filter(search ? search.value.trim() : "", status ? status.value : "", extra ? extra.pick() : -1); }
    if (search) search.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(apply, 120); });
    if (status) status.addEventListener("change", apply);
    if (sort) sort.addEventListener("change", function () { var p = sort.value.split(":"); if (p.length === 2) tbl.sort(Number(p[0]), Number(p[1])); });
    var clear = chip ? chip.querySelector("button") : null;
    if (clear) clear.addEventListener("click", function () { extra.base = -1; extra.owner = -1; chip.hidden = true; apply(); });
    return { apply: apply, chip: chip };
  }
  function sortOptions(select, cols) {
    if (!select) return;
    cols.forEach(function (c, ci) {
      if (!c.key) return;
      [[c.num ? -1 : 1, c.num ? " (most first)" : " (A\u2013Z)"], [c.num ? 1 : -1, c.num ? " (least first)" : " (Z\u2013A)"]].forEach(function (d) {
        var o = el("option", "", (c.title || c.label) + d[1]);
        o.value = ci + ":" + d[0];
        select.appendChild(o);
      });
    });
  }
  function q(sel) { return document.querySelector(sel); }

  /* Top actions. */
  var topCols = [
    { label: "#", cls: "c-pos", num: true, key: function (r) { return r; }, cell: function (r, td) { td.textContent = String(r + 1); } },
    { label: "Base", cls: "c-base", key: function (r) { return bases[D.top[r][0]].id.toLowerCase(); }, cell: function (r, td) { code(td, bases[D.top[r][0]].id); } },
    { label: "Update to", cls: "c-move", key: function (r) { return bases[D.top[r][0]].best.tag.toLowerCase(); }, cell: function (r, td) { code(td, label(bases[D.top[r][0]].best)); } },
    { label: "Images", cls: "c-count", num: true, key: function (r) { return D.top[r][1]; }, cell: function (r, td) { imagesLink(td, D.top[r][0], D.top[r][1]); } }
  ].concat(sevCols(function (r) { return D.top[r][2]; }, "fixed across the fleet: "), [
    { label: "Introduced", cls: "c-intro", key: function (r) { var v = D.top[r][3]; return v[0] * 1e9 + v[1] * 1e6 + v[2] * 1e3 + v[3]; }, cell: function (r, td) { text(td, introText(D.top[r][3])); } }
  ]);
  if (q("#actions-table")) new DataTable({ id: "actions-table", count: D.top.length, pageSize: 50, columns: topCols, row: function () {},
    text: function () { return ""; }, empty: "No base-image update fixes anything at this severity.",
    detail: function (r, td) { var b = bases[D.top[r][0]]; candidateDetails(td, b, b.best); } });

  /* Base images. */
  var baseCols = [
    { label: "Base", cls: "c-base", key: function (i) { return bases[i].id.toLowerCase(); }, cell: function (i, td) { code(td, bases[i].id); } },
    { label: "Images", cls: "c-count", num: true, key: function (i) { return bases[i].n; }, cell: function (i, td) { imagesLink(td, i, bases[i].n); } },
    { label: "Best update", cls: "c-move", key: function (i) { return bases[i].best ? bases[i].best.tag.toLowerCase() : "\uffff"; }, cell: function (i, td) { if (bases[i].best) code(td, label(bases[i].best)); else text(td, "up to date", "ok"); } },
    { label: "Per image", title: "fixes per image (critical, high, medium, low)", cls: "c-short", num: true,
      key: function (i) { var f = bases[i].best ? bases[i].best.fix : [0, 0, 0, 0]; return f[0] * 1e9 + f[1] * 1e6 + f[2] * 1e3 + f[3]; },
      cell: function (i, td) { text(td, bases[i].best ? short(bases[i].best.fix) : "-"); } }
  ].concat(sevCols(function (i) { return bases[i].best ? bases[i].fleet : null; }, "fixed across the fleet: "));
  var baseTable = q("#bases-table") && new DataTable({ id: "bases-table", count: bases.length, pageSize: 50, columns: baseCols, shown: q("#bases-filters .shown"),
    row: function (i, tr) { tr.setAttribute("data-status", bases[i].best ? "update-available" : "up-to-date"); },
    text: function (i) { return bases[i].id + " " + (bases[i].best ? bases[i].best.tag : ""); },
    status: function (i) { return bases[i].best ? "update-available" : "up-to-date"; },
    detail: function (i, td) {
      var b = bases[i];
      candidateDetails(td, b, b.best);
      var names = b.images.slice(0, 10).map(function (k) { return I.name[k]; });
      td.appendChild(list("Images on " + b.id + (b.n > 10 ? " (first 10 of " + num(b.n) + ")" : ""), names));
      var p = el("p"); imagesLink(p, i, b.n); p.firstChild.textContent = "Show all " + num(b.n) + " in the Images table"; td.appendChild(p);
    } });
  sortOptions(q("#bases-filters select.sort"), baseCols);
  wire("bases-filters", baseTable, null);

  /* Images. */
  var imageCols = [
    { label: "Image", cls: "c-name", key: function (i) { return I.name[i].toLowerCase(); }, cell: function (i, td) { code(td, I.name[i]); } },
    { label: "Base", cls: "c-base", key: function (i) { return bases[I.base[i]] ? bases[I.base[i]].id.toLowerCase() : ""; }, cell: function (i, td) { if (bases[I.base[i]]) code(td, bases[I.base[i]].id); } },
    { label: "Status", cls: "c-status", key: function (i) { return I.status[i]; }, cell: function (i, td) { var s = STATUS[I.status[i]]; text(td, STATUS_TEXT[s], s === "update-available" ? "warn" : "ok"); } },
    { label: "Update to", cls: "c-move", key: function (i) { var c = imageBest(i); return c ? c.tag.toLowerCase() : "\uffff"; }, cell: function (i, td) { var c = imageBest(i); if (c) code(td, label(c)); else td.textContent = "-"; } }
  ].concat(sevCols(function (i) { var c = imageBest(i); return c ? c.fix : null; }, "fixed per image: "), [
    { label: "Introduces", cls: "c-intro", key: function (i) { var c = imageBest(i); var v = c ? c.intro : [0, 0, 0, 0]; return v[0] * 1e9 + v[1] * 1e6 + v[2] * 1e3 + v[3]; },
      cell: function (i, td) { var c = imageBest(i); text(td, c ? introText(c.intro) : "-"); } }
  ]);
  var O = D.owners || [];
  var ownerOf = I.extra.owner || [];
  function ownerName(r) { return O[r][0] < 0 ? "no known owner" : S[O[r][0]]; }
  var imageFilter = { base: -1, owner: -1, pick: function () {
    var o = imageFilter.owner;
    return o >= 0 ? function (i) { return ownerOf[i] === o; } : imageFilter.base;
  } };
  var imageTable = q("#images-table") && new DataTable({ id: "images-table", count: imageCount, pageSize: 100, columns: imageCols, shown: q("#images-filters .shown"), sortSelect: q("#images-filters select.sort"),
    row: function (i, tr) { tr.setAttribute("data-status", STATUS[I.status[i]]); },
    text: function (i) { var b = bases[I.base[i]], c = imageBest(i); return I.name[i] + " " + (I.id[i] || "") + " " + (b ? b.id : "") + " " + (c ? c.tag : ""); },
    status: function (i) { return STATUS[I.status[i]]; },
    base: function (i) { return I.base[i]; },
    detailTitle: "Benefits and other candidates",
    detail: function (i, td) {
      var facts = [];
      if (I.id[i]) facts.push("Image id " + I.id[i]);
      if (I.digest[i]) facts.push("digest " + I.digest[i]);
      if (facts.length) td.appendChild(list("Image", facts));
      if (bases[I.base[i]]) candidateDetails(td, bases[I.base[i]], imageBest(i));
    } });
  sortOptions(q("#images-filters select.sort"), imageCols);
  var imageWiring = imageTable ? wire("images-filters", imageTable, imageFilter) : null;
  window.scoutgraphTables = { images: imageTable, bases: baseTable };

  /* "N images" links: the images of that base (data-base) or owner (data-owner) in the Images table. */
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[data-base], a[data-owner]") : null;
    if (!a || !imageWiring) return;
    e.preventDefault();
    var byOwner = a.hasAttribute("data-owner");
    var n = Number(a.getAttribute(byOwner ? "data-owner" : "data-base"));
    imageFilter.base = byOwner ? -1 : n;
    imageFilter.owner = byOwner ? n : -1;
    if (imageWiring.chip) {
      imageWiring.chip.hidden = false;
      imageWiring.chip.querySelector("span").textContent = vis(byOwner ? "of " + ownerName(n) : "on " + bases[n].id);
    }
    imageWiring.apply();
    document.getElementById("images").scrollIntoView();
  });

  /* Owners (--group-by owner): one row each, its top actions and images in its details. */
  if (q("#owners-table")) {
    var ownerCols = [
      { label: "Owner", cls: "c-name", key: function (r) { return O[r][0] < 0 ? "\uffff" : S[O[r][0]].toLowerCase(); },
        cell: function (r, td) { if (O[r][0] < 0) text(td, "no known owner", "muted"); else code(td, S[O[r][0]]); } },
      { label: "Images", cls: "c-count", num: true, key: function (r) { return O[r][2]; },
        cell: function (r, td) { if (!imageWiring || !O[r][7].length) { td.textContent = num(O[r][2]); return; } var a = el("a", "", num(O[r][2])); a.href = "#images"; a.title = "Show these images"; a.setAttribute("data-owner", String(r)); td.appendChild(a); } },
      { label: "With an update", cls: "c-count", num: true, key: function (r) { return O[r][3]; }, cell: function (r, td) { td.textContent = num(O[r][3]); } }
    ].concat(sevCols(function (r) { return O[r][4]; }, "fixable on the owner's images: "), [
      { label: "Running, no report", cls: "c-count", num: true, key: function (r) { return O[r][5]; }, cell: function (r, td) { td.textContent = num(O[r][5]); } }
    ]);
    var ownerTable = new DataTable({ id: "owners-table", count: O.length, pageSize: 50, columns: ownerCols, shown: q("#owners-filters .shown"), sortSelect: q("#owners-filters select.sort"),
      row: function () {}, text: function (r) { return ownerName(r) + " " + (O[r][1] < 0 ? "" : S[O[r][1]]); },
      detailTitle: "Top actions and images",
      detail: function (r, td) {
        var o = O[r];
        td.appendChild(list("Top actions for " + ownerName(r), o[6].map(function (t) {
          var b = bases[t[0]];
          return (b ? b.id + " \u2192 " + (b.best ? label(b.best) : "?") : "?") + ": " + num(t[2][0]) + " critical, " + num(t[2][1]) + " high fixed on " + num(t[1]) + (t[1] === 1 ? " image" : " images");
        })));
        var names = o[7].slice(0, 10).map(function (k) { return I.name[k]; });
        td.appendChild(list("Images" + (o[2] > names.length ? " (first " + names.length + " of " + num(o[2]) + ")" : ""), names));
        var facts = [];
        if (o[1] >= 0) facts.push("repository " + S[o[1]]);
        if (o[5] > 0) facts.push(num(o[5]) + " running " + (o[5] === 1 ? "image has" : "images have") + " no report");
        if (facts.length) td.appendChild(list("Owner", facts));
        if (imageWiring && o[7].length) { var p = el("p"), a = el("a", "", "Show all " + num(o[7].length) + " in the Images table"); a.href = "#images"; a.setAttribute("data-owner", String(r)); p.appendChild(a); td.appendChild(p); }
      } });
    sortOptions(q("#owners-filters select.sort"), ownerCols);
    wire("owners-filters", ownerTable, null);
    window.scoutgraphTables.owners = ownerTable;
  }

  /* The context and coverage tables: rows of string indexes (counts as numbers). */
  (D.tables || []).forEach(function (t) {
    if (!q("#" + t.id + "-table")) return;
    var cols = t.headers.map(function (header, c) {
      var isNum = t.num[c];
      return { label: header, cls: isNum ? "c-count" : c === 0 ? "c-name" : "", num: isNum,
        key: function (r) { var v = t.rows[r][c]; return isNum ? v : (str(v) || "").toLowerCase(); },
        cell: function (r, td) { var v = t.rows[r][c]; if (isNum) td.textContent = num(v); else if (c === 0 || c === 1 && /reference|digest/i.test(header)) code(td, str(v)); else text(td, str(v)); } };
    });
    var tbl = new DataTable({ id: t.id + "-table", count: t.rows.length, pageSize: 50, columns: cols, shown: q("#" + t.id + "-filters .shown"), sortSelect: q("#" + t.id + "-filters select.sort"),
      row: function () {}, text: function (r) { return t.rows[r].map(function (v, c) { return t.num[c] ? "" : str(v); }).join(" "); } });
    sortOptions(q("#" + t.id + "-filters select.sort"), cols);
    wire(t.id + "-filters", tbl, null);
    window.scoutgraphTables[t.id] = tbl;
  });

  /* Reports that matched no image. */
  var U = D.unmatched;
  if (q("#unmatched-table")) new DataTable({ id: "unmatched-table", count: U.target.length, pageSize: 50,
    columns: [
      { label: "Target", cls: "c-name", key: function (i) { return U.target[i].toLowerCase(); }, cell: function (i, td) { code(td, U.target[i]); } },
      { label: "Digest", cls: "c-digest", key: function (i) { return String(U.digest[i] || ""); }, cell: function (i, td) { if (U.digest[i]) code(td, U.digest[i]); else td.textContent = "-"; } },
      { label: "Base", cls: "c-base", key: function (i) { return S[U.base[i]] || ""; }, cell: function (i, td) { code(td, S[U.base[i]]); } },
      { label: "Why", cls: "c-why", key: function (i) { return U.reason[i]; }, cell: function (i, td) { text(td, REASON[U.reason[i]]); } }
    ], row: function () {}, text: function (i) { return U.target[i]; } });
  document.documentElement.setAttribute("data-ready", "true");
})();
`;
