// Resumable upload of a sign video in chunks, so a slow home connection can pause and go on.
// Without this script (or without fetch) the form posts the whole file in one request instead.
// Protocol (see UploadRoutes): POST uploads -> token; POST uploads/<token>/chunk?offset=N;
// GET uploads/<token> -> bytes the server has; POST uploads/<token>/complete -> new sign's page.
(function () {
  'use strict';
  var form = document.querySelector('[data-sign-upload]');
  if (!form || !window.fetch || !window.FormData || !window.Blob || !Blob.prototype.slice) return;
  var CHUNK = 2 * 1024 * 1024;
  var startUrl = form.getAttribute('data-start');
  var maxBytes = Number(form.getAttribute('data-max-bytes')) || 0;
  var csrf = (form.querySelector('input[name="_csrf"]') || {}).value || '';
  var fileInput = form.querySelector('input[type="file"]');
  var submit = form.querySelector('button[type="submit"]');
  var box = form.querySelector('.sign-progress');
  var bar = box.querySelector('progress');
  var text = box.querySelector('.sign-progress-text');
  var pauseButton = box.querySelector('[data-pause]');
  var resumeButton = box.querySelector('[data-resume]');
  var current = null;
  var paused = false;
  var retryTimer = null;
  var retryDelay = 1000;
  // The words come from the page, in the reader's language: data- attributes with %name% where a value goes.
  function words(name, values) {
    var text = form.getAttribute('data-' + name) || '';
    Object.keys(values || {}).forEach(function (k) { text = text.split('%' + k + '%').join(String(values[k])); });
    return text;
  }

  function mb(bytes) { return (bytes / 1048576).toFixed(1) + ' MB'; }
  function say(message) { text.textContent = message; }
  function storageKey(file) { return 'signs-upload:' + startUrl + ':' + file.name + ':' + file.size + ':' + file.lastModified; }
  function remember(file, token) { try { localStorage.setItem(storageKey(file), token); } catch (e) { /* private mode */ } }
  function forget(file) { try { localStorage.removeItem(storageKey(file)); } catch (e) { /* private mode */ } }
  function recall(file) { try { return localStorage.getItem(storageKey(file)); } catch (e) { return null; } }

  // The server answers problems with an HTML page; its message is in .error-message.
  function problem(res) {
    return res.text().then(function (body) {
      var message = words('answered', { status: res.status });
      try {
        var p = new DOMParser().parseFromString(body, 'text/html').querySelector('.error-message');
        if (p && p.textContent) message = p.textContent.trim();
      } catch (e) { /* keep the plain message */ }
      var err = new Error(message);
      err.status = res.status;
      throw err;
    });
  }
  function send(method, url, body) {
    var options = { method: method, credentials: 'same-origin', headers: { 'X-CSRF-Token': csrf, 'Accept': 'application/json' } };
    if (body) options.body = body;
    return fetch(url, options).then(function (res) { return res.ok ? res.json() : problem(res); });
  }

  function showProgress() {
    bar.max = current.file.size;
    bar.value = current.received;
    say(words(paused ? 'sent-paused' : 'sent', { received: mb(current.received), size: mb(current.file.size) }));
  }

  function fail(err) {
    clearTimeout(retryTimer);
    if (current && err.status && [404, 413, 415, 422].indexOf(err.status) >= 0) forget(current.file);
    say(err.message || words('stopped'));
    text.setAttribute('role', 'alert');
    submit.disabled = false;
    pauseButton.hidden = true;
    resumeButton.hidden = true;
    current = null;
  }

  function begin(file) {
    box.hidden = false;
    text.setAttribute('role', 'status');
    submit.disabled = true;
    paused = false;
    pauseButton.hidden = false;
    resumeButton.hidden = true;
    say(words('starting'));
    var saved = recall(file);
    var found = saved
      ? send('GET', startUrl + '/' + saved).then(function (s) { return { token: saved, received: s.received }; }, function () { return null; })
      : Promise.resolve(null);
    found.then(function (s) {
      if (s) return s;
      var fd = new FormData();
      ['word', 'gloss', 'notes', 'category', 'tags', 'signer', 'lang'].forEach(function (n) { if (form.elements[n]) fd.append(n, form.elements[n].value); });
      fd.append('name', file.name);
      fd.append('size', String(file.size));
      return send('POST', startUrl, fd);
    }).then(function (s) {
      current = { token: s.token, file: file, received: s.received || 0 };
      remember(file, s.token);
      next();
    }).catch(fail);
  }

  function retryLater(err) {
    say(words('dropped', { received: mb(current.received), size: mb(current.file.size), seconds: Math.round(retryDelay / 1000) }));
    retryTimer = setTimeout(next, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 30000);
  }

  function next() {
    clearTimeout(retryTimer);
    if (!current) return;
    if (paused) { showProgress(); return; }
    if (current.received >= current.file.size) { complete(); return; }
    showProgress();
    var end = Math.min(current.received + CHUNK, current.file.size);
    var fd = new FormData();
    fd.append('chunk', current.file.slice(current.received, end), 'chunk');
    send('POST', startUrl + '/' + current.token + '/chunk?offset=' + current.received, fd).then(function (r) {
      retryDelay = 1000;
      current.received = r.received;
      next();
    }).catch(function (err) {
      if (!current) return;
      if (err.status === 409) {
        // The server has a different number of bytes (an earlier chunk did arrive): go on from there.
        send('GET', startUrl + '/' + current.token).then(function (s) { current.received = s.received; next(); }, retryLater);
      } else if (err.status && err.status < 500 && err.status !== 408 && err.status !== 429) {
        fail(err);
      } else {
        retryLater(err);
      }
    });
  }

  function complete() {
    say(words('checking'));
    send('POST', startUrl + '/' + current.token + '/complete', new FormData()).then(function (r) {
      forget(current.file);
      say(words('done'));
      window.location.assign(r.location);
    }).catch(function (err) {
      if (err.status && err.status < 500) fail(err); else retryLater(err);
    });
  }

  form.addEventListener('submit', function (e) {
    var file = fileInput.files && fileInput.files[0];
    if (!file) return;
    e.preventDefault();
    if (current) return;
    if (maxBytes && file.size > maxBytes) {
      box.hidden = false;
      fail({ message: words('too-big', { size: mb(file.size), max: mb(maxBytes) }) });
      return;
    }
    begin(file);
  });
  pauseButton.addEventListener('click', function () {
    paused = true;
    clearTimeout(retryTimer);
    pauseButton.hidden = true;
    resumeButton.hidden = false;
    resumeButton.focus();
    if (current) showProgress();
  });
  resumeButton.addEventListener('click', function () {
    paused = false;
    resumeButton.hidden = true;
    pauseButton.hidden = false;
    pauseButton.focus();
    retryDelay = 1000;
    next();
  });
  window.addEventListener('online', function () { if (current && !paused) { retryDelay = 1000; next(); } });
})();
