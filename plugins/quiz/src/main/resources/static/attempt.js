// Quiz attempt: saves answers as the learner goes, keeps a copy on the device while the connection
// is down, and hands the quiz in when the time limit is reached. Without JavaScript the Save and
// Hand in buttons do the same by plain form posts.
(function () {
  'use strict';
  var form = document.getElementById('attempt');
  if (!form || !window.fetch || !window.FormData) return;
  var status = document.getElementById('save-status');
  var key = 'courtyard-quiz-attempt-' + form.getAttribute('data-attempt');
  var saveUrl = form.getAttribute('data-save');
  var pending = false;
  var timer = null;
  var saving = false;

  function fields() {
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { if (typeof value === 'string') data.append(name, value); });
    return data;
  }

  function keepLocally(data) { try { localStorage.setItem(key, data.toString()); } catch (e) { /* private mode: the server copy is enough */ } }

  function forgetLocally() { try { localStorage.removeItem(key); } catch (e) { /* ignore */ } }

  function save() {
    if (saving) { pending = true; return; }
    pending = false;
    saving = true;
    var data = fields();
    keepLocally(data);
    data.set('autosave', '1');
    fetch(saveUrl, { method: 'POST', body: data, credentials: 'same-origin', headers: { 'Accept': 'text/plain' } })
      .then(function (r) {
        saving = false;
        if (r.status === 409) { forgetLocally(); window.location.reload(); return; }
        if (!r.ok) throw new Error('HTTP ' + r.status);
        forgetLocally();
        status.textContent = form.getAttribute('data-saved-at').replace('{time}', new Date().toLocaleTimeString(document.documentElement.lang || undefined));
        if (pending) save();
      })
      .catch(function () {
        saving = false;
        pending = true;
        status.textContent = form.getAttribute('data-offline');
      });
  }

  function changed() {
    pending = true;
    clearTimeout(timer);
    timer = setTimeout(save, 1200);
  }

  // Answers typed while offline, then the page reloaded: put them back and send them.
  function restore() {
    var saved;
    try { saved = localStorage.getItem(key); } catch (e) { return; }
    if (!saved) return;
    var data = new URLSearchParams(saved);
    var names = {};
    data.forEach(function (v, name) { (names[name] = names[name] || []).push(v); });
    Object.keys(names).forEach(function (name) {
      if (name === '_csrf') return;
      var inputs = form.querySelectorAll('[name="' + name.replace(/"/g, '') + '"]');
      Array.prototype.forEach.call(inputs, function (el) {
        if (el.type === 'radio' || el.type === 'checkbox') el.checked = names[name].indexOf(el.value) >= 0;
        else if (el.type !== 'hidden') el.value = names[name][0];
      });
    });
    save();
  }

  form.addEventListener('input', changed);
  form.addEventListener('change', changed);
  window.addEventListener('online', function () { if (pending) save(); });
  setInterval(function () { if (pending) save(); }, 15000);
  form.addEventListener('submit', function () { forgetLocally(); });
  restore();

  var timerBox = document.getElementById('timer');
  if (timerBox) {
    var left = parseInt(timerBox.getAttribute('data-seconds-left'), 10);
    var end = Date.now() + left * 1000;
    var shown = document.getElementById('time-left');
    var handIn = document.getElementById('hand-in');
    var tick = function () {
      var s = Math.max(0, Math.round((end - Date.now()) / 1000));
      var time = Math.floor(s / 60) + ':' + ('0' + (s % 60)).slice(-2);
      // The words come from the page (data-time-left, data-last-minute), in the reader's language.
      shown.textContent = timerBox.getAttribute(s === 60 ? 'data-last-minute' : 'data-time-left').replace('{time}', time);
      if (s === 60) shown.setAttribute('aria-live', 'assertive');
      if (s <= 0) {
        clearInterval(clock);
        var up = document.createElement('input');
        up.type = 'hidden';
        up.name = 'time-up';
        up.value = '1';
        form.appendChild(up);
        form.action = handIn.getAttribute('formaction');
        forgetLocally();
        form.submit();
      }
    };
    var clock = setInterval(tick, 1000);
    tick();
  }
})();
