// cleaner's HTML report: decisions, corrected text, filters, links, sorting.
// Text from the checked documents is only ever written with textContent or
// text nodes, never parsed as HTML.
(function () {
  "use strict";

  var SEVERITY_RANK = { error: 3, warning: 2, suggestion: 1 };
  var reviews = new Map();

  function ids(el) {
    return (el.getAttribute("data-findings") || "").split(" ").filter(Boolean);
  }

  // Accepted edits, applied back to front; one that overlaps an edit already
  // applied is skipped, exactly as `cleaner fix` does.
  function plan(review) {
    var accepted = [];
    Object.keys(review.chosen).forEach(function (fid) {
      var choice = review.chosen[fid];
      if (choice >= 0) {
        var edit = review.data.edits[fid][choice];
        accepted.push({ fid: fid, first: edit[0], last: edit[1], text: edit[2] });
      }
    });
    accepted.sort(function (a, b) { return b.first - a.first || b.last - a.last; });
    var kept = [];
    var skipped = new Set();
    var boundary = Infinity;
    accepted.forEach(function (edit) {
      if (edit.last > boundary || (edit.last === boundary && edit.first === edit.last)) {
        skipped.add(edit.fid);
        return;
      }
      kept.push(edit);
      boundary = edit.first;
    });
    kept.reverse();
    return { kept: kept, skipped: skipped };
  }

  function correctedText(review) {
    var chunks = review.data.chunks;
    var out = "";
    var at = 0;
    plan(review).kept.forEach(function (edit) {
      out += chunks.slice(at, edit.first).join("") + edit.text;
      at = edit.last;
    });
    return out + chunks.slice(at).join("");
  }

  function renderCorrected(review) {
    var chunks = review.data.chunks;
    var result = plan(review);
    var pane = review.section.querySelector("[data-corrected]");
    var frag = document.createDocumentFragment();
    var at = 0;
    result.kept.forEach(function (edit) {
      frag.appendChild(document.createTextNode(chunks.slice(at, edit.first).join("")));
      var mark = document.createElement("mark");
      mark.className = edit.text ? "fix" : "fix deletion";
      mark.setAttribute("data-findings", edit.fid);
      mark.textContent = edit.text;
      frag.appendChild(mark);
      at = edit.last;
    });
    frag.appendChild(document.createTextNode(chunks.slice(at).join("")));
    pane.replaceChildren(frag);
    var accepted = 0;
    review.section.querySelectorAll("article.finding").forEach(function (card) {
      var fid = card.getAttribute("data-finding");
      var choice = review.chosen[fid];
      card.classList.toggle("accepted", choice >= 0);
      card.classList.toggle("conflict", result.skipped.has(fid));
      card.querySelectorAll("input[type=radio]").forEach(function (radio) {
        radio.checked = Number(radio.value) === choice;
      });
      if (choice >= 0 && !result.skipped.has(fid)) accepted += 1;
    });
    var tally = review.section.querySelector(".tally");
    if (tally) tally.textContent = accepted + " change" + (accepted === 1 ? "" : "s") + " accepted";
    applyFilters();
  }

  function setAll(review, pick) {
    Object.keys(review.chosen).forEach(function (fid) {
      review.chosen[fid] = review.data.edits[fid].length ? pick(fid) : -1;
    });
    renderCorrected(review);
  }

  function correctedName(name) {
    var dot = name.lastIndexOf(".");
    return dot > 0 ? name.slice(0, dot) + ".corrected" + name.slice(dot) : name + ".corrected.txt";
  }

  function download(review) {
    var blob = new Blob([correctedText(review)], { type: "text/plain;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = correctedName(review.data.name);
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
  }

  function checkedValues(name) {
    var values = new Set();
    document.querySelectorAll("#filters input[name=" + name + "]:checked").forEach(function (box) {
      values.add(box.value);
    });
    return values;
  }

  function applyFilters() {
    var form = document.getElementById("filters");
    if (!form) return;
    var categories = checkedValues("category");
    var severities = checkedValues("severity");
    var shown = 0;
    var total = 0;
    document.querySelectorAll("article.finding").forEach(function (card) {
      var visible = categories.has(card.getAttribute("data-category")) &&
        severities.has(card.getAttribute("data-severity"));
      card.hidden = !visible;
      total += 1;
      if (visible) shown += 1;
    });
    document.querySelectorAll("mark[data-findings]").forEach(function (mark) {
      var best = "";
      ids(mark).forEach(function (fid) {
        var card = document.getElementById(fid);
        if (!card || card.hidden) return;
        var severity = card.getAttribute("data-severity");
        if (!best || SEVERITY_RANK[severity] > SEVERITY_RANK[best]) best = severity;
      });
      mark.classList.toggle("filtered", !best);
      ["error", "warning", "suggestion"].forEach(function (severity) {
        mark.classList.toggle("sev-" + severity, severity === best);
      });
    });
    document.getElementById("shown").textContent = "Showing " + shown + " of " + total + " findings";
  }

  function activate(section, fid, scrollTo) {
    section.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    var first = null;
    section.querySelectorAll(".original mark[data-findings], .corrected mark[data-findings]").forEach(function (mark) {
      if (ids(mark).indexOf(fid) >= 0) {
        mark.classList.add("active");
        if (!first && mark.closest(".original")) first = mark;
      }
    });
    var card = document.getElementById(fid);
    if (card) card.classList.add("active");
    if (scrollTo === "card" && card) {
      card.scrollIntoView({ block: "nearest" });
      card.focus({ preventScroll: true });
    } else if (scrollTo === "text" && first) {
      first.scrollIntoView({ block: "center" });
    }
  }

  function onMarkClick(event) {
    var mark = event.target.closest("mark[data-findings]");
    if (!mark || mark.classList.contains("filtered")) return;
    var section = mark.closest("details.document");
    var visible = ids(mark).filter(function (fid) {
      var card = document.getElementById(fid);
      return card && !card.hidden;
    });
    if (!visible.length) return;
    // Repeated clicks on a span with several findings step through them.
    var current = section.querySelector("article.finding.active");
    var next = current ? visible[(visible.indexOf(current.id) + 1) % visible.length] : visible[0];
    activate(section, next, "card");
  }

  function onCardClick(event) {
    var card = event.target.closest("article.finding");
    if (!card || event.target.closest("input, label")) return;
    if (event.target.closest("a.locate")) event.preventDefault();
    activate(card.closest("details.document"), card.id, "text");
  }

  function onChoice(event) {
    var radio = event.target;
    if (!radio.matches("article.finding input[type=radio]")) return;
    var section = radio.closest("details.document");
    var review = reviews.get(section.id);
    review.chosen[radio.name] = Number(radio.value);
    renderCorrected(review);
    activate(section, radio.name, null);
  }

  function onAction(event) {
    var button = event.target.closest("button[data-action]");
    if (!button) return;
    var review = reviews.get(button.closest("details.document").id);
    var action = button.getAttribute("data-action");
    if (action === "download") download(review);
    else if (action === "accept-safe") setAll(review, function (fid) { return review.initial[fid]; });
    else if (action === "accept-all") setAll(review, function () { return 0; });
    else if (action === "reject-all") setAll(review, function () { return -1; });
  }

  function sortBy(button) {
    var th = button.closest("th");
    var table = th.closest("table");
    var column = Array.prototype.indexOf.call(th.parentNode.children, th);
    var numeric = button.getAttribute("data-sort") === "num";
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    table.querySelectorAll("th").forEach(function (h) { h.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = a.cells[column].getAttribute("data-value");
      var y = b.cells[column].getAttribute("data-value");
      var order = numeric ? Number(x) - Number(y) : x.localeCompare(y);
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  function openTarget() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    var details = target && target.closest("details.document");
    if (details) details.open = true;
  }

  function init() {
    document.querySelectorAll("details.document").forEach(function (section) {
      var holder = section.querySelector("script.doc-data");
      if (!holder) return;
      var data = JSON.parse(holder.textContent);
      var review = { data: data, section: section, initial: Object.assign({}, data.chosen), chosen: Object.assign({}, data.chosen) };
      reviews.set(section.id, review);
      renderCorrected(review);
    });
    document.addEventListener("click", function (event) {
      var sortButton = event.target.closest("table.sortable th button");
      if (sortButton) sortBy(sortButton);
      onMarkClick(event);
      onCardClick(event);
      onAction(event);
    });
    document.addEventListener("change", function (event) {
      if (event.target.closest("#filters")) applyFilters();
      else onChoice(event);
    });
    window.addEventListener("hashchange", openTarget);
    openTarget();
    applyFilters();
    document.documentElement.classList.add("scripted");
  }

  init();
})();
