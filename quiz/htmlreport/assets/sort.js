// Sorts the tables marked data-sortable when a column header is clicked; the
// page reads fully without it. Cells may carry data-v, the value to sort by.
document.querySelectorAll("table[data-sortable]").forEach(function (table) {
  var heads = table.tHead.rows[0].cells;
  Array.prototype.forEach.call(heads, function (th, col) {
    var b = document.createElement("button");
    b.type = "button";
    b.textContent = th.textContent;
    b.title = "Sort by " + th.textContent;
    th.textContent = "";
    th.appendChild(b);
    b.addEventListener("click", function () {
      var up = th.getAttribute("aria-sort") !== "ascending";
      Array.prototype.forEach.call(heads, function (h) { h.removeAttribute("aria-sort"); });
      th.setAttribute("aria-sort", up ? "ascending" : "descending");
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      var key = function (r) {
        var c = r.cells[col];
        if (!c) return ""; // a row with fewer cells sorts first
        var v = c.hasAttribute("data-v") ? c.getAttribute("data-v") : c.textContent.trim();
        var n = parseFloat(v);
        return v !== "" && isFinite(v) ? n : v.toLowerCase();
      };
      rows.sort(function (a, b) {
        var x = key(a), y = key(b);
        var d = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : (typeof x === "number" ? -1 : 1);
        return up ? d : -d;
      });
      rows.forEach(function (r) { body.appendChild(r); });
    });
  });
});
