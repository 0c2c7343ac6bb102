"""The page's stylesheet and its one small script, inlined so the report needs nothing else.

Why: the report is mailed around and opened offline; system fonts, no CDN, no web fonts. The
script only sorts tables when a header is clicked; without it the page reads the same.
"""

CSS = """
:root{--ink:#1b2130;--muted:#5f6b7d;--line:#e3e7ee;--bg:#f4f6f9;--card:#fff;
--good:#1f9d6b;--fair:#e3a008;--poor:#d64541;--accent:#2f5bd3}
*{box-sizing:border-box}
body{font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;
margin:0;color:var(--ink);background:var(--bg)}
header.top{background:#18213a;color:#fff;padding:28px 0 22px}
.wrap{max-width:1120px;margin:0 auto;padding:0 28px}
header.top h1{font-size:28px;margin:0 0 4px;font-weight:650;letter-spacing:-.01em}
header.top .sub{color:#c5cde0;margin:0 0 14px}
dl.meta{display:grid;grid-template-columns:max-content 1fr;gap:3px 18px;margin:0;font-size:14px}
dl.meta dt{color:#93a0bd}dl.meta dd{margin:0;color:#fff;word-break:break-word}
nav.toc{background:#fff;border-bottom:1px solid var(--line);position:sticky;top:0;z-index:2}
nav.toc .wrap{display:flex;flex-wrap:wrap;gap:4px 20px;padding-top:9px;padding-bottom:9px;font-size:14px}
nav.toc a{color:var(--accent);text-decoration:none}nav.toc a:hover{text-decoration:underline}
main{padding:8px 0 40px}
section{margin:26px 0 0}
h2{font-size:20px;margin:0 0 4px;font-weight:650}
h2+p.lead{margin:0 0 12px;color:var(--muted)}
.panel{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:16px 18px;overflow-x:auto}
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(160px,1fr));gap:12px;margin-top:22px}
.card{background:var(--card);border:1px solid var(--line);border-radius:10px;padding:14px 16px}
.card .value{display:block;font-size:28px;font-weight:650;line-height:1.15;font-variant-numeric:tabular-nums}
.card .label{display:block;color:var(--muted);font-size:13px;text-transform:uppercase;letter-spacing:.04em}
.card .note{display:block;color:var(--muted);font-size:13px}
.card.good .value{color:var(--good)}.card.fair .value{color:#b7791f}.card.poor .value{color:var(--poor)}
.note{color:var(--muted);font-size:13.5px}
p.note{margin:4px 0 10px}
.grid2{display:grid;grid-template-columns:1fr;gap:16px}
svg.chart{display:block;width:100%;max-width:1000px;min-width:820px;height:auto;font-size:12px;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}
svg .grid{stroke:#edf0f5}svg .axis{stroke:#9aa4b5}
svg .tick,svg .label{fill:#4b5567}svg .label{font-size:12.5px}svg .value{fill:var(--ink);font-weight:600}
svg .note,svg .muted{fill:#8792a5}svg .axis-title{fill:#5f6b7d;font-size:12px}svg .legend{fill:#3b4558;font-size:12.5px}
svg .bar.good,svg .dot.good{fill:var(--good)}svg .bar.fair,svg .dot.fair{fill:var(--fair)}
svg .bar.poor,svg .dot.poor{fill:var(--poor)}
svg .threshold{stroke:#18213a;stroke-dasharray:4 3;stroke-width:1.2}
svg .threshold-label{fill:#18213a;font-size:11.5px;font-weight:600}
svg .volume{fill:#dfe4ee}svg .trend{fill:none;stroke:#2f5bd3;stroke-width:2.2}
svg .dot{stroke:#fff;stroke-width:1.5}
table{border-collapse:collapse;width:100%;background:var(--card);border:1px solid var(--line);
border-radius:10px;overflow:hidden;font-size:14px;margin-top:10px}
th,td{text-align:left;padding:7px 10px;border-bottom:1px solid #eef1f5;vertical-align:top}
th{background:#f0f3f8;font-weight:600;font-size:13px;color:#3b4558;white-space:nowrap}
th.num,td.num{text-align:right;font-variant-numeric:tabular-nums}
th[data-sort]{cursor:pointer}th.sorted-asc::after{content:" ▲"}th.sorted-desc::after{content:" ▼"}
td.heat{font-weight:600;color:#273043}
tbody tr:hover td{background-color:#fafbfd}
.scroll{overflow-x:auto}
code{font:12.5px/1.3 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;background:#eef1f6;
padding:1px 5px;border-radius:4px}
.rule-name{display:block;color:var(--muted);font-size:12.5px}
.cat{font-size:13px}
.sev{display:inline-block;font-size:12px;font-weight:600;border-radius:999px;padding:0 8px}
.sev.error{background:#fde8e7;color:#b42318}.sev.warning{background:#fef3d7;color:#93610b}
.sev.info{background:#e6eefc;color:#2649a8}
.pill{display:inline-block;min-width:42px;text-align:center;border-radius:999px;padding:1px 8px;
font-weight:650;color:#fff}
.pill.good{background:var(--good)}.pill.fair{background:var(--fair);color:#3b2a00}.pill.poor{background:var(--poor)}
.pill.big{font-size:18px;min-width:52px;padding:3px 10px}
td.example{min-width:340px;max-width:460px}td.forms{max-width:240px}
q.excerpt{quotes:"“" "”";display:block}
mark{background:#ffe58f;border-radius:3px;padding:0 1px;color:inherit}
mark.error{background:#ffc9c4}mark.warning{background:#ffe58f}mark.info{background:#d7e5ff}
.where{display:block;color:var(--muted);font-size:12.5px}
.measured{display:block;font-style:italic}
.forms{font-size:13px;color:#3b4558}
details{margin-top:10px}summary{cursor:pointer;color:var(--accent);font-weight:600;font-size:14px}
article.post{background:var(--card);border:1px solid var(--line);border-radius:10px;
padding:14px 18px;margin:12px 0}
article.post header{display:flex;flex-wrap:wrap;align-items:center;gap:6px 14px;margin-bottom:8px}
.post-id{font-weight:650;word-break:break-all}.labels{color:#3b4558;font-size:13.5px}
.count{margin-left:auto;color:var(--muted);font-size:13px}
.post .text{white-space:pre-wrap;word-wrap:break-word;background:#fbfcfe;border:1px solid #eef1f5;
border-radius:8px;padding:10px 12px;font-size:15px;line-height:1.6;max-height:420px;overflow:auto}
sup.fn{font-size:10.5px;font-weight:700;color:#5a3d00;margin:0 1px}
.gap{color:var(--muted);padding:0 4px}
ol.findings{margin:10px 0 0;padding-left:24px;font-size:14px}
ol.findings li{margin:3px 0}ol.findings .where{display:inline;margin-left:4px}
ol.findings .hint{display:block;color:#35624a;font-size:13px}
ul.errors{font-size:14px}
footer{color:var(--muted);font-size:13px;padding:20px 0 36px}
@media print{nav.toc{display:none}header.top{background:#fff;color:var(--ink)}
dl.meta dd{color:var(--ink)}.post .text{max-height:none}details>*{display:block}}
"""

# Click a header to sort its table; numbers by ``data-value`` or their digits.
SCRIPT = """
document.querySelectorAll("table.sortable th[data-sort]").forEach(function (th) {
  th.addEventListener("click", function () {
    var table = th.closest("table"), body = table.tBodies[0];
    var index = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = th.dataset.sort === "num", up = !th.classList.contains("sorted-asc");
    var value = function (row) {
      var cell = row.children[index];
      if (!numeric) return cell.textContent.trim().toLowerCase();
      var raw = cell.dataset.value || cell.textContent.replace(/[^0-9.\\-]/g, "");
      var n = parseFloat(raw);
      return isNaN(n) ? -Infinity : n;
    };
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = value(a), y = value(b);
      return (x < y ? -1 : x > y ? 1 : 0) * (up ? 1 : -1);
    });
    rows.forEach(function (row) { body.appendChild(row); });
    table.querySelectorAll("th").forEach(function (h) {
      h.classList.remove("sorted-asc", "sorted-desc");
    });
    th.classList.add(up ? "sorted-asc" : "sorted-desc");
  });
});
"""
