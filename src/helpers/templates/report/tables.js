// The report's own script (never built from corpus text): every evidence table of more than 15 rows
// gets a search box, sortable columns (click a header; numbers sort as numbers) and pages of 25 rows.
// It reads and moves the table's existing cells only; nothing is parsed as HTML.
(function () {
  "use strict";
  var PAGE = 25, MIN_ROWS = 16;
  function number(text) {
    var t = text.replace(/[,%\s]/g, "");
    return t !== "" && !isNaN(t) ? parseFloat(t) : null;
  }
  function enhance(table) {
    var body = table.tBodies[0];
    if (!body || body.rows.length < MIN_ROWS) return;
    var rows = Array.prototype.slice.call(body.rows), shown = rows, page = 0, sortCol = -1, asc = true;
    var bar = document.createElement("div");
    bar.className = "table-tools";
    var search = document.createElement("input");
    search.type = "search";
    search.placeholder = "Search these " + rows.length + " rows";
    search.setAttribute("aria-label", "Search the table");
    var prev = document.createElement("button"), next = document.createElement("button");
    prev.textContent = "\u2039 previous";
    next.textContent = "next \u203a";
    var status = document.createElement("span");
    bar.appendChild(search); bar.appendChild(prev); bar.appendChild(status); bar.appendChild(next);
    table.parentNode.insertBefore(bar, table);
    function render() {
      var pages = Math.max(1, Math.ceil(shown.length / PAGE));
      page = Math.min(page, pages - 1);
      while (body.firstChild) body.removeChild(body.firstChild);
      shown.slice(page * PAGE, (page + 1) * PAGE).forEach(function (r) { body.appendChild(r); });
      status.textContent = " rows " + (shown.length ? page * PAGE + 1 : 0) + "\u2013" +
        Math.min((page + 1) * PAGE, shown.length) + " of " + shown.length + " ";
      prev.disabled = page === 0;
      next.disabled = page >= pages - 1;
    }
    search.addEventListener("input", function () {
      var q = search.value.toLowerCase();
      shown = rows.filter(function (r) { return r.textContent.toLowerCase().indexOf(q) !== -1; });
      page = 0;
      render();
    });
    prev.addEventListener("click", function () { page -= 1; render(); });
    next.addEventListener("click", function () { page += 1; render(); });
    var heads = table.tHead ? table.tHead.rows[table.tHead.rows.length - 1].cells : [];
    Array.prototype.forEach.call(heads, function (th, col) {
      th.style.cursor = "pointer";
      th.title = "Sort by this column";
      th.addEventListener("click", function () {
        asc = sortCol === col ? !asc : true;
        sortCol = col;
        var key = function (r) { return r.cells[col] ? r.cells[col].textContent : ""; };
        var numeric = rows.every(function (r) { return key(r) === "" || number(key(r)) !== null; });
        var cmp = function (a, b) {
          var x = key(a), y = key(b);
          var d = numeric ? (number(x) || 0) - (number(y) || 0) : x.localeCompare(y);
          return asc ? d : -d;
        };
        rows.sort(cmp);
        shown.sort(cmp);
        page = 0;
        render();
      });
    });
    render();
  }
  document.addEventListener("DOMContentLoaded", function () {
    Array.prototype.forEach.call(document.querySelectorAll("table.evidence"), enhance);
  });
})();
