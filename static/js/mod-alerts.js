/* The moderator's live alerts. On every (re)connect the server sends every alert not yet
   acknowledged, so an alert raised while the connection was down still arrives. An alert
   already shown is sent again at times (a push and a catch-up crossing): it is ignored, unless
   it was settled and has been raised again. */
(function () {
  "use strict";
  var list = document.getElementById("alerts");
  if (!list || !window.WebSocket) { return; }
  var url = (location.protocol === "https:" ? "wss://" : "ws://") + location.host + list.getAttribute("data-live-url");
  var delay = 1000;
  var LABELS = { crisis: "Crisis", concern: "Concern", report: "Report" };

  function cue() {
    document.body.classList.add("has-new-alert");
    try {
      var ctx = new (window.AudioContext || window.webkitAudioContext)();
      var osc = ctx.createOscillator();
      osc.frequency.value = 660;
      osc.connect(ctx.destination);
      osc.start();
      osc.stop(ctx.currentTime + 0.25);
    } catch (e) { /* sound may be unavailable until the page is interacted with */ }
  }

  function add(alert) {
    var shown = document.getElementById("alert-" + alert.id);
    if (shown && !shown.classList.contains("alert--settled")) { return; }
    if (shown) { shown.remove(); } /* settled, then raised again: show it anew */
    var empty = list.querySelector("li.empty");
    if (empty) { empty.remove(); }
    var item = document.createElement("li");
    item.id = "alert-" + alert.id;
    item.className = "card alert alert--" + alert.level + " alert--new";
    item.setAttribute("data-case", String(alert.case_id));
    var link = document.createElement("a");
    link.href = alert.url;
    link.textContent = (LABELS[alert.level] || "Case") + " case " + alert.case_id;
    item.appendChild(link);
    item.appendChild(document.createTextNode(" — " + (alert.reasons || []).join(", ")));
    list.insertBefore(item, list.firstChild);
    cue();
  }

  function settle(caseId) {
    var items = list.querySelectorAll("li[data-case='" + caseId + "']");
    for (var i = 0; i < items.length; i++) { items[i].classList.add("alert--settled"); }
  }

  function connect() {
    var socket = new WebSocket(url);
    socket.addEventListener("open", function () { delay = 1000; });
    socket.addEventListener("message", function (event) {
      var data = JSON.parse(event.data);
      if (data.type === "alert") { add(data); }
      if (data.type === "settled") { settle(data.case_id); }
    });
    socket.addEventListener("close", function (event) {
      if (event.code === 4403) { return; }
      setTimeout(connect, delay);
      delay = Math.min(delay * 2, 30000);
    });
  }
  connect();
})();
