/* Proof of work for the feedback forms (progressive: only loaded when the server asks for it).
   Starts solving in a Web Worker when the visitor begins to fill the form, or on submit; the
   form is sent once the solution is in the hidden field. Messages come from data attributes so
   they follow the page language. */
(function () {
  "use strict";
  if (window.feedbackPowLoaded) return;
  window.feedbackPowLoaded = true;

  var script = document.currentScript;
  var workerUrl = script ? script.src.replace(/feedback-pow\.js(\?.*)?$/, "feedback-pow-worker.js") : "/static/js/feedback-pow-worker.js";

  function setup(form) {
    var challenge = form.querySelector('input[name="pow_challenge"]');
    var solution = form.querySelector('input[name="pow_solution"]');
    var status = form.querySelector("[data-pow-status]");
    var difficulty = parseInt(form.getAttribute("data-pow-difficulty"), 10) || 0;
    if (!challenge || !solution || !challenge.value || !difficulty) return;
    var state = "idle", sendWhenDone = false;

    function say(text) { if (status) status.textContent = text || ""; }

    function start() {
      if (state !== "idle") return;
      if (!window.Worker) { say((status && status.getAttribute("data-pow-unsupported")) || ""); return; }
      state = "working";
      var worker = new Worker(workerUrl);
      worker.onmessage = function (event) {
        solution.value = event.data.solution;
        state = "done";
        worker.terminate();
        if (sendWhenDone) {
          say("");
          if (form.requestSubmit) form.requestSubmit(); else form.submit();
        }
      };
      worker.onerror = function () { state = "idle"; say((status && status.getAttribute("data-pow-failed")) || ""); };
      worker.postMessage({ challenge: challenge.value, difficulty: difficulty });
    }

    form.addEventListener("focusin", start);
    form.addEventListener("submit", function (event) {
      if (state === "done") return;
      event.preventDefault();
      sendWhenDone = true;
      say((status && status.getAttribute("data-pow-working")) || "…");
      start();
    });
  }

  var forms = document.querySelectorAll("form[data-pow-form]");
  for (var i = 0; i < forms.length; i++) setup(forms[i]);
})();
