/* New replies appear without a reload (on the thread's last page). The page works fully
   without this script.
   Keeping the list up to date and catching up on reconnect are live-list.js's: replies
   ("reply-<id>") take their place by id, as on the page. What the thread adds: the page says
   where it starts (data-from: the first reply's id, 0 on the first page), sent on each
   (re)connect so that only replies that belong on this page come; a sync that brings the last
   page instead says where that starts. */
(function () {
  "use strict";
  var list = document.getElementById("replies");
  if (!list || !window.LiveList) { return; }
  var from = parseInt(list.getAttribute("data-from"), 10) || 0;

  window.LiveList.start({
    list: list,
    path: list.getAttribute("data-live-url"),
    prefix: "reply-",
    pushed: "reply",
    synced: "replies",
    hello: function () { return { from: from }; },
    // Forms in pushed replies carry no CSRF token: take the page's own.
    prepare: function (item) {
      window.LiveList.fillCsrf(item, document.querySelector("input[name='csrfmiddlewaretoken']"));
    },
    onSync: function (data) {
      if (typeof data.from === "number") { from = data.from; }
    }
  });
})();
