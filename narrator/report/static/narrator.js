/* narrator report page: draw Plotly charts, handle votes, filter the index. No network except
   the page's own server (same origin) for votes. */
(function () {
  "use strict";

  function readJson(id) {
    var el = document.getElementById(id);
    if (!el) { return null; }
    try { return JSON.parse(el.textContent); } catch (e) { return null; }
  }

  // ---------------------------------------------------------------- charts
  function drawCharts() {
    var figures = readJson("narrator-figures");
    if (!figures || typeof window.Plotly === "undefined") { return; }
    var config = { responsive: true, displaylogo: false,
      modeBarButtonsToRemove: ["select2d", "lasso2d", "zoomIn2d", "zoomOut2d", "autoScale2d", "toggleSpikelines"] };
    Object.keys(figures).forEach(function (id) {
      var el = document.getElementById(id);
      if (!el) { return; }
      var fig = figures[id];
      el.textContent = "";
      window.Plotly.newPlot(el, fig.data, fig.layout, config).then(function () {
        return fitLegend(el, fig.layout);
      }).then(function () {
        el.setAttribute("data-drawn", "true");
      });
      window.addEventListener("resize", function () {
        window.clearTimeout(el.fitTimer);
        el.fitTimer = window.setTimeout(function () { fitLegend(el, fig.layout); }, 150);
      });
    });
  }

  // A legend above the plot takes as many rows as the width needs (one per series on a phone):
  // grow the figure by the legend's height, so the plot itself keeps its size and nothing overlaps.
  function fitLegend(el, layout) {
    var legend = el.querySelector("g.legend");
    var extra = legend && layout.showlegend ? Math.ceil(legend.getBBox().height) : 0;
    var top = layout.margin.t + extra;
    if (Math.abs(el.layout.margin.t - top) < 4) { return Promise.resolve(); }
    return window.Plotly.relayout(el, { height: layout.height + extra, "margin.t": top });
  }

  // ----------------------------------------------------------------- votes
  var served = window.location.protocol === "http:" || window.location.protocol === "https:";

  function setVoteUi(box, tally, mine) {
    box.querySelectorAll(".vote").forEach(function (b) {
      var v = b.getAttribute("data-vote");
      if (tally) {
        var n = tally[v] || 0;
        b.querySelector(".count").textContent = n ? String(n) : "";
      }
      if (mine !== undefined) { b.setAttribute("aria-pressed", mine === v ? "true" : "false"); }
    });
  }

  function post(body) {
    return fetch("/api/votes", {
      method: "POST", credentials: "same-origin",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        if (!r.ok) { throw new Error(data.error || ("The server said " + r.status)); }
        return data;
      });
    });
  }

  function wireVotes() {
    var boxes = document.querySelectorAll(".votes[data-text-id]");
    if (!boxes.length) { return; }
    if (!served) {
      var note = document.querySelector(".static-note");
      if (note) { note.hidden = false; }
    }
    boxes.forEach(function (box) {
      var status = box.querySelector(".vote-status");
      var comment = box.querySelector(".vote-comment");
      var textId = box.getAttribute("data-text-id");
      box.querySelectorAll(".vote").forEach(function (btn) {
        btn.addEventListener("click", function () {
          if (!served) {
            status.textContent = "Start `narrator serve` to vote: this page was opened as a file.";
            return;
          }
          var vote = btn.getAttribute("data-vote");
          status.textContent = "Saving…";
          post({ text_id: textId, vote: vote }).then(function (data) {
            setVoteUi(box, data, vote);
            status.textContent = vote === "accurate" ? "Thank you: saved as accurate." :
              "Thank you: saved as not accurate.";
            comment.hidden = vote !== "inaccurate";
          }).catch(function (err) { status.textContent = "Not saved: " + err.message; });
        });
      });
      var send = box.querySelector(".vote-send");
      send.addEventListener("click", function () {
        var text = comment.querySelector("textarea").value.trim();
        post({ text_id: textId, vote: "inaccurate", comment: text || null }).then(function (data) {
          setVoteUi(box, data, "inaccurate");
          status.textContent = "Thank you: your comment is saved.";
          comment.hidden = true;
        }).catch(function (err) { status.textContent = "Not saved: " + err.message; });
      });
    });
    var page = readJson("narrator-page");
    if (!served || !page) { return; }
    fetch("/api/reports/" + encodeURIComponent(page.slug) + "/votes", { credentials: "same-origin" })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (data) {
        if (!data) { return; }
        boxes.forEach(function (box) {
          var id = box.getAttribute("data-text-id");
          setVoteUi(box, data.tallies[id], data.mine[id] || null);
        });
      }).catch(function () { /* tallies are optional */ });
  }

  // ---------------------------------------------------------- section nav
  function wireNav() {
    var links = document.querySelectorAll(".tabs a[href^='#']");
    if (!links.length || !("IntersectionObserver" in window)) { return; }
    var byId = {};
    links.forEach(function (a) { byId[a.getAttribute("href").slice(1)] = a; });
    var obs = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) { return; }
        links.forEach(function (a) { a.removeAttribute("aria-current"); });
        var a = byId[e.target.id];
        if (a) { a.setAttribute("aria-current", "true"); }
      });
    }, { rootMargin: "-20% 0px -70% 0px" });
    Object.keys(byId).forEach(function (id) {
      var s = document.getElementById(id);
      if (s) { obs.observe(s); }
    });
  }

  // ----------------------------------------------------------- index page
  function wireSearch() {
    var box = document.querySelector(".search");
    var input = document.getElementById("q");
    var list = document.getElementById("authorities");
    if (!box || !input || !list) { return; }
    box.hidden = false;
    var items = list.querySelectorAll("li");
    var count = box.querySelector(".search-count");
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      var shown = 0;
      items.forEach(function (li) {
        var hit = !q || li.getAttribute("data-search").indexOf(q) !== -1;
        li.hidden = !hit;
        if (hit) { shown += 1; }
      });
      count.textContent = q ? shown + " of " + items.length + " councils match" : "";
    });
  }

  function start() { drawCharts(); wireVotes(); wireNav(); wireSearch(); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else { start(); }
})();
