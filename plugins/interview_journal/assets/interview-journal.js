/* Interview Journal: re-bucket follow-ups by the reader's own date.
 *
 * Pages are right as of the date they were built for (data-ij-today). When that date is not
 * pinned (data-ij-pinned), this script moves every outstanding item to the bucket it falls in
 * today, in the reader's time zone, and updates the counts. No dependencies, no network.
 */
(function () {
  "use strict";
  var TITLES = {
    "overdue": "Overdue", "today": "Due today", "this-week": "This week",
    "later": "Later", "undated": "No date", "optional": "Optional"
  };
  var WEEK = 7;

  function localIso(date) {
    var m = date.getMonth() + 1, d = date.getDate();
    return date.getFullYear() + "-" + (m < 10 ? "0" : "") + m + "-" + (d < 10 ? "0" : "") + d;
  }

  function dayNumber(iso) {
    var p = iso.split("-");
    return Date.UTC(+p[0], +p[1] - 1, +p[2]) / 86400000;
  }

  function bucketOf(due, today, optional) {
    if (optional) { return "optional"; }
    if (!due) { return "undated"; }
    var days = dayNumber(due) - dayNumber(today);
    if (days < 0) { return "overdue"; }
    if (days === 0) { return "today"; }
    return days <= WEEK ? "this-week" : "later";
  }

  /* "3 days overdue" after an item's due date, as the page says it on the day it was built. */
  function overdueBy(item, days) {
    var note = item.querySelector(".ij-overdue-by");
    if (days <= 0) {
      if (note && note.previousSibling && note.previousSibling.nodeType === 3) {
        note.previousSibling.textContent = note.previousSibling.textContent.replace(/, $/, "");
      }
      if (note) { note.remove(); }
      return;
    }
    var time = item.querySelector(".ij-item__meta time");
    if (!note && time) {
      note = document.createElement("span");
      note.className = "ij-overdue-by";
      time.after(document.createTextNode(", "), note);
    }
    if (note) { note.textContent = days + (days === 1 ? " day" : " days") + " overdue"; }
  }

  function weekday(iso) {
    return ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][new Date(dayNumber(iso) * 86400000).getUTCDay()];
  }

  function rebucket(root, today) {
    var built = root.getAttribute("data-ij-today");
    if (root.hasAttribute("data-ij-pinned") || !built || today === built) { return; }
    root.setAttribute("data-ij-now", today);
    root.querySelectorAll(".ij-asof time").forEach(function (el) {
      el.setAttribute("datetime", today);
      el.textContent = weekday(today) + " " + today;
    });
    root.querySelectorAll(".ij-asof").forEach(function (el) {
      if (!el.querySelector(".ij-rebucketed")) {
        var note = document.createElement("span");
        note.className = "ij-rebucketed";
        note.textContent = " (updated in your browser; the site was built for " + built + ")";
        el.appendChild(note);
      }
    });
    var items = root.querySelectorAll(".ij-item[data-due]:not([data-done])");
    items.forEach(function (item) {
      var b = bucketOf(item.getAttribute("data-due"), today, item.hasAttribute("data-optional"));
      Object.keys(TITLES).forEach(function (name) { item.classList.remove("ij-" + name); });
      item.classList.add("ij-" + b);
      var badge = item.querySelector(".ij-badge");
      if (badge) {
        badge.setAttribute("data-bucket", b);
        badge.textContent = TITLES[b];
      }
      overdueBy(item, b === "overdue" ? dayNumber(today) - dayNumber(item.getAttribute("data-due")) : 0);
      /* Only a listed item moves (the dashboard's offers stay first, whatever their bucket). */
      var target = root.querySelector("section.ij-bucket[data-bucket='" + b + "'] ul.ij-items");
      if (target && item.closest("section.ij-bucket") && item.parentNode !== target) { target.appendChild(item); }
    });
    root.querySelectorAll("section.ij-bucket").forEach(function (section) {
      var name = section.getAttribute("data-bucket");
      var n = section.querySelectorAll("ul.ij-items > .ij-item").length;
      section.querySelectorAll(".ij-count__n").forEach(function (el) { el.textContent = String(n); });
      root.querySelectorAll(".ij-count[data-bucket='" + name + "'] .ij-count__n").forEach(function (el) {
        el.textContent = String(n);
      });
      var empty = section.querySelector(".ij-empty");
      if (empty) { empty.hidden = n > 0; }
    });
    /* The dashboard lists only the items overdue or due today when it was built, and counts
       them all: it carries the due dates of its dated, required items (data-ij-dues) so the
       counts can be recomputed here, and says so when more are due now than it lists. */
    root.querySelectorAll("[data-ij-dues]").forEach(function (box) {
      var counts = {};
      box.getAttribute("data-ij-dues").split(" ").forEach(function (due) {
        if (due) { var b = bucketOf(due, today, false); counts[b] = (counts[b] || 0) + 1; }
      });
      box.querySelectorAll(".ij-count[data-bucket] .ij-count__n").forEach(function (el) {
        el.textContent = String(counts[el.parentNode.getAttribute("data-bucket")] || 0);
      });
      var listed = root.querySelectorAll(".ij-item.ij-overdue:not([data-optional]), .ij-item.ij-today:not([data-optional])").length;
      root.querySelectorAll(".ij-stale").forEach(function (note) {
        note.hidden = (counts.overdue || 0) + (counts.today || 0) <= listed;
      });
    });
  }

  /* pymdownx.tasklist wraps only the box in its <label>: name each box after its task's text,
     so a screen reader says what the box is for. */
  function labelTaskBoxes() {
    document.querySelectorAll(".task-list-control > input[type='checkbox']").forEach(function (box) {
      if (box.hasAttribute("aria-label") || box.hasAttribute("aria-labelledby")) { return; }
      var text = "";
      for (var node = box.parentNode.nextSibling; node; node = node.nextSibling) {
        if (node.nodeType === 1 && /^(UL|OL)$/.test(node.tagName)) { break; }  /* sub-tasks */
        text += node.textContent;
      }
      text = text.replace(/\s+/g, " ").trim();
      if (text) { box.setAttribute("aria-label", text); }
    });
  }

  /* The "interview-journal done ..." command beside an item: one click puts it on the clipboard. */
  function copyButtons() {
    document.querySelectorAll("button.ij-copy[data-copy]").forEach(function (button) {
      if (button.hasAttribute("data-ij-ready")) { return; }
      button.setAttribute("data-ij-ready", "");
      button.addEventListener("click", function () {
        var text = button.getAttribute("data-copy");
        var done = function () { button.textContent = "Copied"; setTimeout(function () { button.textContent = "Copy"; }, 1500); };
        if (navigator.clipboard && navigator.clipboard.writeText) {
          navigator.clipboard.writeText(text).then(done, function () { button.textContent = "Select and copy"; });
        } else {
          button.textContent = "Select and copy";
        }
      });
    });
  }

  function run() {
    labelTaskBoxes();
    copyButtons();
    var today = localIso(new Date());
    document.querySelectorAll("[data-ij-today]").forEach(function (root) { rebucket(root, today); });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(run);  /* Material's instant navigation */
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", run);
  } else {
    run();
  }
  window.interviewJournal = { bucketOf: bucketOf, rebucket: rebucket };
})();
